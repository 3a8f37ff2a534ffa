package com.nomidio.connect.deployment.flows;

import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.ResourceProperties;
import com.nomidio.connect.flows.catalog.ConnectArns;
import com.nomidio.connect.flows.templates.InteractionConfiguration;
import com.nomidio.connect.flows.validation.ValidationOptions;
import java.util.regex.Matcher;

/**
 * The properties of {@code Custom::NomidioContactFlows}, checked.
 *
 * @param instanceId               the Connect instance id (the template may pass an id or an ARN)
 * @param nomidioActionFunctionArn the nomidioAction published alias ARN ({@code …:function:NAME:live})
 * @param workingQueueName         the standard queue the PRE flow sets and the POST flow falls back to
 * @param interaction              CustomerInteractionConfiguration: which flows are rendered and where the PRE flow
 *                                 sends each channel (absent: Standard Voice Only, as before the Lex issue)
 * @param lexBotAliasArn           the Nomidio bot's alias ARN when chat is on; "" otherwise (and ignored)
 */
public record ContactFlowsProperties(
        String instanceId,
        String bucketName,
        String enterpriseName,
        String nomidioActionFunctionArn,
        boolean deployContactFlows,
        boolean adoptExistingFlows,
        String workingQueueName,
        InteractionConfiguration interaction,
        String lexBotAliasArn) {

    static final String INSTANCE_ID = "ConnectInstanceId";
    static final String BUCKET_NAME = "BucketName";
    static final String ENTERPRISE_NAME = "EnterpriseName";
    static final String FUNCTION_ARN = "NomidioActionFunctionArn";
    static final String DEPLOY = "DeployContactFlows";
    static final String ADOPT = "AdoptExistingFlows";
    static final String WORKING_QUEUE_NAME = "WorkingQueueName";
    static final String INTERACTION = "CustomerInteractionConfiguration";
    static final String LEX_BOT_ALIAS_ARN = "LexBotAliasArn";
    /** Every new Connect instance has it. */
    static final String DEFAULT_WORKING_QUEUE = "BasicQueue";

    public static ContactFlowsProperties from(ResourceProperties properties) {
        String functionArn = properties.required(FUNCTION_ARN, "pass the nomidioAction alias (!Ref nomidioAction.Alias)");
        if (!ValidationOptions.PUBLISHED_ALIAS.equals(ConnectArns.lambdaQualifier(functionArn).orElse(null))) {
            throw new InvalidPropertiesException(FUNCTION_ARN + " must be the nomidioAction function's published alias"
                    + " ARN ending in :" + ValidationOptions.PUBLISHED_ALIAS + " (pass !Ref nomidioAction.Alias)");
        }
        InteractionConfiguration interaction = interaction(properties);
        String lexBotAliasArn = lexBotAliasArn(properties, interaction);
        return new ContactFlowsProperties(
                ConnectArns.instanceId(properties.required(INSTANCE_ID, "set the Connect Instance Id parameter")),
                properties.required(BUCKET_NAME, "pass the s3Bucket (!Ref s3Bucket)"),
                properties.required(ENTERPRISE_NAME, "set the Enterprise Name parameter"),
                functionArn,
                properties.flag(DEPLOY, true),
                properties.flag(ADOPT, false),
                properties.optional(WORKING_QUEUE_NAME).orElse(DEFAULT_WORKING_QUEUE),
                interaction,
                interaction.chatEnabled() ? lexBotAliasArn : "");
    }

    private static InteractionConfiguration interaction(ResourceProperties properties) {
        String value = properties.optional(INTERACTION).orElse(InteractionConfiguration.STANDARD_VOICE_ONLY.parameterValue());
        return InteractionConfiguration.fromParameter(value).orElseThrow(() -> new InvalidPropertiesException(
                INTERACTION + " '" + value + "' is not one of " + java.util.Arrays.stream(InteractionConfiguration.values())
                        .map(InteractionConfiguration::parameterValue).toList()));
    }

    /** The bot alias the LEX flow talks to: required, and a Lex V2 alias ARN, exactly when chat is on. */
    private static String lexBotAliasArn(ResourceProperties properties, InteractionConfiguration interaction) {
        if (!interaction.chatEnabled()) {
            return "";
        }
        String arn = properties.required(LEX_BOT_ALIAS_ARN, "pass the bot alias (!GetAtt nomidioLexBots.BotAliasArn) when "
                + INTERACTION + " is " + interaction.parameterValue());
        if (!ConnectArns.LEX_BOT_ALIAS_ARN.matcher(arn).matches()) {
            throw new InvalidPropertiesException(LEX_BOT_ALIAS_ARN + " must be a Lex V2 bot alias ARN"
                    + " (arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT_ID/ALIAS_ID); pass !GetAtt nomidioLexBots.BotAliasArn");
        }
        return arn;
    }

    /** The ARN prefix of this instance's resources, from the function ARN's partition, region and account. */
    public String instanceArn() {
        Matcher matcher = java.util.regex.Pattern.compile("^(arn:[^:]+):lambda:([^:]+):(\\d{12}):").matcher(nomidioActionFunctionArn);
        if (!matcher.find()) {
            throw new InvalidPropertiesException(FUNCTION_ARN + " is not a Lambda ARN");
        }
        return matcher.group(1) + ":connect:" + matcher.group(2) + ":" + matcher.group(3) + ":instance/" + instanceId;
    }
}
