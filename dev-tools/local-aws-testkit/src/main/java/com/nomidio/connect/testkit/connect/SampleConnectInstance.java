package com.nomidio.connect.testkit.connect;

/** A made-up account and Amazon Connect instance (its ARNs) for rendering and deploying the flows offline. */
public final class SampleConnectInstance {

    public static final String REGION = "eu-west-2";
    public static final String ACCOUNT = "111122223333";
    public static final String INSTANCE_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    public static final String INSTANCE_ARN = "arn:aws:connect:" + REGION + ":" + ACCOUNT + ":instance/" + INSTANCE_ID;
    public static final String NOMIDIO_ACTION_ALIAS_ARN =
            "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:nomidio-stack-nomidioAction-AbC123:live";
    /** The Nomidio bot's alias as Lex V2 names it ({@code bot-alias/<bot id>/<alias id>}, 10 characters each). */
    public static final String LEX_BOT_ALIAS_ARN =
            "arn:aws:lex:" + REGION + ":" + ACCOUNT + ":bot-alias/NOMIDIOBOT/LIVEALIAS1";

    /** The instance's alias, part of its live media stream names. */
    public static final String INSTANCE_ALIAS = "nomidio-sample";
    /**
     * The prefix typed when enabling live media streaming on the sample instance, and the KvsStreamNamePrefix the
     * samples assume (README, "Stream names"); Connect has no default.
     */
    public static final String KVS_STREAM_PREFIX = "nomidio";

    private SampleConnectInstance() {
    }

    /** The name Connect gives a contact's stream: {@code <prefix>-connect-<instance alias>-contact-<contact id>}. */
    public static String streamName(String contactId) {
        return KVS_STREAM_PREFIX + "-connect-" + INSTANCE_ALIAS + "-contact-" + contactId;
    }

    public static String flowArn(String flowId) {
        return INSTANCE_ARN + "/contact-flow/" + flowId;
    }

    public static String queueArn(String queueId) {
        return INSTANCE_ARN + "/queue/" + queueId;
    }
}
