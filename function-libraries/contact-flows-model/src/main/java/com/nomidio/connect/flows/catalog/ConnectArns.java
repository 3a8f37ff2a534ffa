package com.nomidio.connect.flows.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARN shapes flows refer to, and the Lambda alias check ("the published alias, not $LATEST"). */
public final class ConnectArns {

    private static final String PARTITION = "arn:aws[a-z-]*";
    private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
    private static final String ACCOUNT = "\\d{12}";
    private static final String RESOURCE_ID = "[A-Za-z0-9_.-]{1,256}";

    public static final Pattern CONTACT_FLOW_ARN = Pattern.compile(
            "^" + PARTITION + ":connect:" + REGION + ":" + ACCOUNT + ":instance/" + RESOURCE_ID + "/contact-flow/" + RESOURCE_ID + "$");
    public static final Pattern QUEUE_ARN = Pattern.compile(
            "^" + PARTITION + ":connect:" + REGION + ":" + ACCOUNT + ":instance/" + RESOURCE_ID + "/queue/" + RESOURCE_ID + "$");
    /** An agent (user) of an instance, as "Set working queue" by agent takes it. */
    public static final Pattern AGENT_ARN = Pattern.compile(
            "^" + PARTITION + ":connect:" + REGION + ":" + ACCOUNT + ":instance/" + RESOURCE_ID + "/agent/" + RESOURCE_ID + "$");
    public static final Pattern INSTANCE_ARN = Pattern.compile(
            "^" + PARTITION + ":connect:" + REGION + ":" + ACCOUNT + ":instance/(" + RESOURCE_ID + ")$");
    /** group 1: function name, group 2: qualifier (version or alias) when present. */
    public static final Pattern LAMBDA_ARN = Pattern.compile(
            "^" + PARTITION + ":lambda:" + REGION + ":" + ACCOUNT + ":function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9_$-]{1,128}))?$");
    /** A Lex V2 bot alias ARN ({@code arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT_ID/ALIAS_ID}). */
    public static final Pattern LEX_BOT_ALIAS_ARN = Pattern.compile(
            "^" + PARTITION + ":lex:" + REGION + ":" + ACCOUNT + ":bot-alias/[0-9A-Za-z]{1,10}/[0-9A-Za-z]{1,10}$");
    private static final Pattern BARE_ID = Pattern.compile("^" + RESOURCE_ID + "$");

    private ConnectArns() {
    }

    /** The qualifier of a Lambda ARN (alias or version); empty for an unqualified ARN or a non-Lambda value. */
    public static Optional<String> lambdaQualifier(String arn) {
        Matcher matcher = arn == null ? null : LAMBDA_ARN.matcher(arn);
        return matcher != null && matcher.matches() ? Optional.ofNullable(matcher.group(2)) : Optional.empty();
    }

    public static boolean isLambdaArn(String value) {
        return value != null && LAMBDA_ARN.matcher(value).matches();
    }

    /** A contact flow reference as TransferToFlow takes it: a flow ARN, a bare flow id, or one JSONPath. */
    public static boolean isFlowReference(String value) {
        return value != null && (CONTACT_FLOW_ARN.matcher(value).matches() || BARE_ID.matcher(value).matches()
                || ActionCatalog.isJsonPath(value));
    }

    /** A Lex V2 bot alias as ConnectParticipantWithLexBot takes it: the alias ARN, or one JSONPath. */
    public static boolean isLexBotAliasReference(String value) {
        return value != null && (LEX_BOT_ALIAS_ARN.matcher(value).matches() || ActionCatalog.isJsonPath(value));
    }

    /** A queue reference as UpdateContactTargetQueue takes it: a queue ARN, a bare queue id, or one JSONPath. */
    public static boolean isQueueReference(String value) {
        return value != null && (QUEUE_ARN.matcher(value).matches() || BARE_ID.matcher(value).matches()
                || ActionCatalog.isJsonPath(value));
    }

    /** An agent reference as UpdateContactTargetQueue's AgentId takes it: an agent ARN, a bare agent id, or one JSONPath. */
    public static boolean isAgentReference(String value) {
        return value != null && (AGENT_ARN.matcher(value).matches() || BARE_ID.matcher(value).matches()
                || ActionCatalog.isJsonPath(value));
    }

    /** The instance id from an instance id or ARN, as the guide accepts either. */
    public static String instanceId(String idOrArn) {
        Matcher matcher = INSTANCE_ARN.matcher(idOrArn.trim());
        return matcher.matches() ? matcher.group(1) : idOrArn.trim();
    }
}
