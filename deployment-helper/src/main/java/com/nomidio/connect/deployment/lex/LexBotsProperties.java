package com.nomidio.connect.deployment.lex;

import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.ResourceProperties;
import com.nomidio.connect.flows.catalog.ConnectArns;
import com.nomidio.connect.flows.validation.ValidationOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties of {@code Custom::NomidioLexBots}, checked.
 *
 * @param codeHookArn           nomidioLex's published alias ARN ({@code …:function:NAME:live}); its partition,
 *                              region and account are the bots'
 * @param botRoleArn            the IAM role Lex assumes at run time (Polly for voice)
 * @param instanceId            the Connect instance id (the template may pass an id or an ARN)
 * @param associateWithInstance whether to associate the bot alias with the instance (true when the flows are deployed)
 */
public record LexBotsProperties(
        String codeHookArn,
        String botRoleArn,
        String instanceId,
        boolean associateWithInstance) {

    static final String CODE_HOOK_ARN = "CodeHookArn";
    static final String BOT_ROLE_ARN = "BotRoleArn";
    static final String INSTANCE_ID = "ConnectInstanceId";
    static final String ASSOCIATE = "AssociateWithInstance";
    private static final Pattern LAMBDA_PARTS = Pattern.compile("^arn:([^:]+):lambda:([^:]+):(\\d{12}):function:[^:]+:[^:]+$");
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:[^:]+:iam::\\d{12}:role/[\\w+=,.@/-]+$");

    public static LexBotsProperties from(ResourceProperties properties) {
        String codeHook = properties.required(CODE_HOOK_ARN, "pass the nomidioLex alias (!Ref nomidioLex.Alias)");
        if (!LAMBDA_PARTS.matcher(codeHook).matches()
                || !ValidationOptions.PUBLISHED_ALIAS.equals(ConnectArns.lambdaQualifier(codeHook).orElse(null))) {
            throw new InvalidPropertiesException(CODE_HOOK_ARN + " must be the nomidioLex function's published alias ARN"
                    + " ending in :" + ValidationOptions.PUBLISHED_ALIAS + " (pass !Ref nomidioLex.Alias)");
        }
        String role = properties.required(BOT_ROLE_ARN, "pass the bot's runtime role (!GetAtt nomidioLexBotRole.Arn)");
        if (!ROLE_ARN.matcher(role).matches()) {
            throw new InvalidPropertiesException(BOT_ROLE_ARN + " must be an IAM role ARN (pass !GetAtt nomidioLexBotRole.Arn)");
        }
        return new LexBotsProperties(codeHook, role,
                ConnectArns.instanceId(properties.required(INSTANCE_ID, "set the Connect Instance Id parameter")),
                properties.flag(ASSOCIATE, false));
    }

    /** {@code arn:<partition>:lex:<region>:<account>:bot/<botId>}. */
    public String botArn(String botId) {
        return lexArnPrefix() + "bot/" + botId;
    }

    /** {@code arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>}: what Connect's AssociateBot takes. */
    public String botAliasArn(String botId, String aliasId) {
        return lexArnPrefix() + "bot-alias/" + botId + "/" + aliasId;
    }

    private String lexArnPrefix() {
        Matcher m = LAMBDA_PARTS.matcher(codeHookArn);
        if (!m.matches()) {
            throw new InvalidPropertiesException(CODE_HOOK_ARN + " is not a Lambda ARN");
        }
        return "arn:" + m.group(1) + ":lex:" + m.group(2) + ":" + m.group(3) + ":";
    }
}
