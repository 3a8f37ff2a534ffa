package com.nomidio.connect.simulator.lex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.simulator.engine.FunctionInvoker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Amazon Lex V2 runtime for the simulated instance: the bots of {@code nomidio-lex/bots/} behind their alias
 * ARNs, each conversation interpreted turn by turn ({@link LexConversation}) and its code hook — the real
 * nomidioLex handler — invoked with Lex V2 events through the simulator's Lambda functions. Session attributes
 * live per session id (Connect uses the contact id) for the bot's idle session TTL, as Lex keeps them between
 * the blocks of one contact.
 */
public final class LocalLexRuntime {

    /** {@code arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT_ID/ALIAS_ID}. */
    private static final Pattern ALIAS_ARN = Pattern.compile("^arn:aws[a-z-]*:lex:[a-z0-9-]+:\\d{12}:bot-alias/([0-9A-Za-z]+)/([0-9A-Za-z]+)$");
    /** Lex V2 waits at most this long for a code hook. */
    static final Duration CODE_HOOK_LIMIT = Duration.ofSeconds(30);

    private final Map<String, DeployedBot> byAliasArn = new LinkedHashMap<>();
    private final FunctionInvoker functions;
    private final ObjectMapper json;
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();

    /**
     * @param functions runs the code hook (nomidioLex's published alias) as Lex does: synchronously
     */
    public LocalLexRuntime(FunctionInvoker functions, ObjectMapper json) {
        this.functions = functions;
        this.json = json;
    }

    /**
     * Deploys a bot definition at an alias, as Custom::NomidioLexBots does: {@code codeHookArn} is the alias's
     * Lambda code hook, {@code localeId} the locale Connect talks to.
     */
    public LocalLexRuntime deploy(String aliasArn, BotDefinition definition, String localeId, String codeHookArn) {
        Matcher matcher = ALIAS_ARN.matcher(aliasArn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Lex V2 bot alias ARN: " + aliasArn);
        }
        BotDefinition.Locale locale = definition.locale(localeId).orElseThrow(() -> new IllegalArgumentException(
                "bot " + definition.botName() + " has no locale " + localeId));
        byAliasArn.put(aliasArn, new DeployedBot(definition.botName(), matcher.group(1), matcher.group(2), locale,
                new IntentMatcher(locale), codeHookArn));
        return this;
    }

    /**
     * A conversation with the bot at {@code aliasArn} (empty when no bot is there): Connect's ConnectParticipantWithLexBot.
     *
     * @param platform          Connect's {@code x-amz-lex:channels:platform}: "Connect Chat" or "Connect"
     * @param sessionAttributes the block's LexSessionAttributes, laid over what the session already holds
     */
    public Optional<LexConversation> open(String aliasArn, String sessionId, String platform,
            Map<String, String> sessionAttributes) {
        DeployedBot bot = byAliasArn.get(aliasArn);
        if (bot == null) {
            return Optional.empty();
        }
        Map<String, String> session = sessions.computeIfAbsent(sessionId, id -> new LinkedHashMap<>());
        session.putAll(sessionAttributes);
        return Optional.of(new LexConversation(bot, sessionId, platform, session, functions, json));
    }

    /** Forgets every session (between calls). */
    public void clearSessions() {
        sessions.clear();
    }

    record DeployedBot(String name, String botId, String aliasId, BotDefinition.Locale locale, IntentMatcher matcher,
            String codeHookArn) {
    }
}
