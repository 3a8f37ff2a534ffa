package com.nomidio.connect.simulator.flows;

/**
 * The made-up Amazon Connect instance and AWS account the simulated call runs in: every ARN the flows, the event
 * and the functions see. Flow and queue ids are their names, as the deployment helper writes them for flows not
 * yet imported ({@code …/contact-flow/NOMIDIO-POST-FLOW}), so transcripts stay readable.
 */
public record SimulatedInstance(String region, String account, String instanceId, String enterpriseName,
        String workingQueueName) {

    public static final String NOMIDIO_ACTION = "nomidioAction";
    public static final String SAMPLE_UPLOAD = "sampleUpload";
    public static final String NOMIDIO_LEX = "nomidioLex";
    /** The bot of nomidio-lex/bots/ the LEX flow talks to, and the locale Connect uses. */
    public static final String BOT_NAME = "NomidioAuthentication";
    public static final String BOT_LOCALE = "en_GB";
    /** template.yaml's AutoPublishAlias: the flows call the published alias, never $LATEST. */
    public static final String ALIAS = "live";

    public static SimulatedInstance defaults() {
        return new SimulatedInstance("eu-west-2", "111122223333", "simulated-instance", "Simulated Bank", "BasicQueue");
    }

    public String instanceArn() {
        return "arn:aws:connect:" + region + ":" + account + ":instance/" + instanceId;
    }

    public String flowArn(String flowName) {
        return instanceArn() + "/contact-flow/" + flowName;
    }

    public String queueArn(String queueName) {
        return instanceArn() + "/queue/" + queueName;
    }

    /** An agent (user) of this instance. */
    public String agentArn(String agentId) {
        return instanceArn() + "/agent/" + agentId;
    }

    /**
     * The agent's own queue, as "Set working queue" by agent targets it: {@code …/queue/agent/<agent id>} for an
     * agent ARN of this instance or a bare agent id; empty for anything else (another instance's agent, a queue).
     */
    public java.util.Optional<String> agentQueueArn(String agentIdOrArn) {
        String agentPrefix = instanceArn() + "/agent/";
        String agentId;
        if (agentIdOrArn.startsWith(agentPrefix)) {
            agentId = agentIdOrArn.substring(agentPrefix.length());
        } else if (!agentIdOrArn.startsWith("arn:")) {
            agentId = agentIdOrArn;
        } else {
            return java.util.Optional.empty();
        }
        if (!agentId.matches("[A-Za-z0-9_.-]{1,256}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(instanceArn() + "/queue/agent/" + agentId);
    }

    public String workingQueueArn() {
        return queueArn(workingQueueName);
    }

    /** The Nomidio bot's alias `live` (ids of Lex V2's shape, 10 characters). */
    public String lexBotAliasArn() {
        return "arn:aws:lex:" + region + ":" + account + ":bot-alias/NOMIDIOBOT/LIVEALIAS1";
    }

    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName + ":" + ALIAS;
    }

    /**
     * Connect names a contact's stream {@code <prefix>-connect-<instance alias>-contact-<contact id>} (the sample
     * instance's, which deployment-helper's KvsStreamPolicyTest checks against the template's read policy); the
     * suffix is its creation time.
     */
    public String streamArn(String contactId, long createdMillis) {
        return "arn:aws:kinesisvideo:" + region + ":" + account + ":stream/"
                + com.nomidio.connect.testkit.connect.SampleConnectInstance.streamName(contactId) + "/" + createdMillis;
    }

    /** The number callers dial (Ofcom's drama range). */
    public String systemPhoneNumber() {
        return "+441632960001";
    }

    /** A queue's name: the working queue's own, else the last part of the ARN (this instance names queues by id). */
    public String queueName(String queueArnOrId) {
        if (queueArnOrId == null) {
            return null;
        }
        int agentQueue = queueArnOrId.indexOf("/queue/agent/");
        if (agentQueue >= 0) {
            return "agent/" + queueArnOrId.substring(agentQueue + "/queue/agent/".length());
        }
        int slash = queueArnOrId.lastIndexOf('/');
        return slash < 0 ? queueArnOrId : queueArnOrId.substring(slash + 1);
    }
}
