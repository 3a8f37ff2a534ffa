package com.nomidio.connect.testkit.lex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Lex V2's model building API ({@code lexmodelsv2}, REST-JSON as the SDK sends it) on loopback, keeping
 * bots, their DRAFT locales, intents and slots, versions, aliases and tags in memory, the way the service answers:
 * a new bot is {@code Creating} before {@code Available}, a new locale {@code Creating} before {@code NotBuilt} and
 * holds the {@code FallbackIntent} Lex adds ({@code FALLBCKINT}), a build is {@code Building} for
 * {@link #buildingPolls} descriptions before {@code Built} (or {@code Failed} with {@link #failBuilds}' reasons), a
 * version is {@code Versioning} before {@code Available}, an alias {@code Creating} before {@code Available}.
 * Calls the service would refuse in that state are refused the same way (ConflictException,
 * PreconditionFailedException), so a client that does not wait fails here too. Every request is recorded.
 *
 * <p>Only the operations a deployment needs are served (bots, locales, intents, slots, versions, aliases, tags);
 * anything else answers 404 UnknownOperationException.
 */
public final class LocalLexModels extends LocalHttpServer {

    public static final String REGION = "eu-west-2";
    public static final String ACCOUNT = "111122223333";
    public static final String DRAFT = "DRAFT";
    /** The id Lex gives the FallbackIntent it adds to every new locale. */
    public static final String FALLBACK_INTENT_ID = "FALLBCKINT";
    /** The alias Lex creates with every bot, pointing at DRAFT. */
    public static final String TEST_ALIAS_ID = "TSTALIASID";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    /** One request as the service received it: method, decoded path, query and JSON body (null when none). */
    public record Request(String method, String path, String query, JsonNode body) {
        /** "PUT /bots/" style, for asserting sequences. */
        public String line() {
            return method + " " + path;
        }
    }

    /** A bot as held: its definition fields, status, tags, locales, versions and aliases. */
    public static final class Bot {
        public final String id;
        public String name;
        public String description;
        public String roleArn;
        public String status = "Creating";
        int describesUntilAvailable;
        public final Map<String, String> tags = new LinkedHashMap<>();
        public final Map<String, Locale> draftLocales = new LinkedHashMap<>();
        public final Map<String, Version> versions = new LinkedHashMap<>();
        public final Map<String, Alias> aliases = new LinkedHashMap<>();
        public ObjectNode request;

        Bot(String id) {
            this.id = id;
        }

        public String arn() {
            return "arn:aws:lex:" + REGION + ":" + ACCOUNT + ":bot/" + id;
        }
    }

    public static final class Locale {
        public final String localeId;
        public ObjectNode request;
        public String status = "Creating";
        int describesUntilSettled = 1;
        public List<String> failureReasons = List.of();
        public final Map<String, Intent> intents = new LinkedHashMap<>();
        public int builds;

        Locale(String localeId) {
            this.localeId = localeId;
        }

        public Optional<Intent> intent(String name) {
            return intents.values().stream().filter(i -> i.name.equals(name)).findFirst();
        }
    }

    public static final class Intent {
        public final String id;
        public String name;
        public ObjectNode request;
        public final Map<String, Slot> slots = new LinkedHashMap<>();

        Intent(String id) {
            this.id = id;
        }

        public Optional<Slot> slot(String name) {
            return slots.values().stream().filter(s -> s.name.equals(name)).findFirst();
        }
    }

    public static final class Slot {
        public final String id;
        public String name;
        public ObjectNode request;

        Slot(String id) {
            this.id = id;
        }
    }

    public static final class Version {
        public final String version;
        /** Settable: a test can make a version look published from another definition. */
        public volatile String description;
        public String status = "Versioning";
        /** The DRAFT locales as they were when the version was made. */
        public final JsonNode snapshot;

        Version(String version, String description, JsonNode snapshot) {
            this.version = version;
            this.description = description;
            this.snapshot = snapshot;
        }
    }

    public static final class Alias {
        public final String id;
        public String name;
        public String botVersion;
        public String status = "Creating";
        public JsonNode localeSettings;
        public final Map<String, String> tags = new LinkedHashMap<>();

        Alias(String id) {
            this.id = id;
        }

        public String arn(String botId) {
            return "arn:aws:lex:" + REGION + ":" + ACCOUNT + ":bot-alias/" + botId + "/" + id;
        }
    }

    private final Map<String, Bot> bots = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private int nextId = 1;
    private int buildingPolls = 1;
    private List<String> buildFailureReasons = List.of();
    private volatile Refusal refusal;

    private record Refusal(Pattern path, int status, String type, String message) {
    }

    /** How many DescribeBotLocale answers say {@code Building} after each BuildBotLocale before the result. */
    public synchronized LocalLexModels buildingPolls(int polls) {
        this.buildingPolls = polls;
        return this;
    }

    /** Every build from now on ends {@code Failed} with these reasons (as DescribeBotLocale's failureReasons). */
    public synchronized LocalLexModels failBuilds(List<String> reasons) {
        this.buildFailureReasons = List.copyOf(reasons);
        return this;
    }

    /** Requests whose path matches {@code pathRegex} fail with this error (e.g. 403 AccessDeniedException). */
    public LocalLexModels refuse(String pathRegex, int status, String type, String message) {
        this.refusal = new Refusal(Pattern.compile(pathRegex), status, type, message);
        return this;
    }

    /** A bot somebody else made (Available, with these tags), as if it were there before the deployment. */
    public synchronized Bot existingBot(String name, Map<String, String> tags) {
        Bot bot = new Bot(newId("B"));
        bot.name = name;
        bot.status = "Available";
        bot.tags.putAll(tags);
        bots.put(bot.id, bot);
        Alias test = new Alias(TEST_ALIAS_ID);
        test.name = "TestBotAlias";
        test.botVersion = DRAFT;
        test.status = "Available";
        bot.aliases.put(test.id, test);
        return bot;
    }

    /** Adds an intent (no utterances, no slots) to a DRAFT locale, as an older definition might have left it. */
    public synchronized Intent addIntent(Bot bot, String localeId, String intentId, String name) {
        Intent intent = new Intent(intentId);
        intent.name = name;
        intent.request = JSON.createObjectNode().put("intentName", name);
        bot.draftLocales.get(localeId).intents.put(intentId, intent);
        return intent;
    }

    public synchronized Optional<Bot> bot(String name) {
        return bots.values().stream().filter(b -> b.name.equals(name)).findFirst();
    }

    public synchronized List<Bot> bots() {
        return List.copyOf(bots.values());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The recorded requests as "METHOD path" lines, in order. */
    public List<String> requestLines() {
        return requests.stream().map(Request::line).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
        String path = decode(rawPath);
        requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), body));
        Refusal refused = refusal;
        if (refused != null && refused.path().matcher(path).matches()) {
            error(exchange, refused.status(), refused.type(), refused.message());
            return;
        }
        Answer answer;
        synchronized (this) {
            answer = route(method, rawPath, exchange.getRequestURI().getRawQuery(), body == null ? JSON.createObjectNode() : body);
        }
        if (answer.errorType() != null) {
            error(exchange, answer.status(), answer.errorType(), answer.body().path("message").asText());
        } else {
            respond(exchange, answer.status(), CONTENT_TYPE, answer.body().toString());
        }
    }

    private record Answer(int status, String errorType, JsonNode body) {
        static Answer ok(int status, JsonNode body) {
            return new Answer(status, null, body);
        }

        static Answer error(int status, String type, String message) {
            return new Answer(status, type, JSON.createObjectNode().put("message", message));
        }
    }

    private static final Pattern TAGS = Pattern.compile("^/tags/([^/]+)$");
    private static final Pattern BOTS = Pattern.compile("^/bots/?$");
    private static final Pattern BOT = Pattern.compile("^/bots/([^/]+)/?$");
    private static final Pattern LOCALES = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/?$");
    private static final Pattern LOCALE = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/([^/]+)/?$");
    private static final Pattern INTENTS = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/([^/]+)/intents/?$");
    private static final Pattern INTENT = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/([^/]+)/intents/([^/]+)/?$");
    private static final Pattern SLOTS = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/([^/]+)/intents/([^/]+)/slots/?$");
    private static final Pattern SLOT = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/botlocales/([^/]+)/intents/([^/]+)/slots/([^/]+)/?$");
    private static final Pattern VERSIONS = Pattern.compile("^/bots/([^/]+)/botversions/?$");
    private static final Pattern VERSION = Pattern.compile("^/bots/([^/]+)/botversions/([^/]+)/?$");
    private static final Pattern ALIASES = Pattern.compile("^/bots/([^/]+)/botaliases/?$");
    private static final Pattern ALIAS = Pattern.compile("^/bots/([^/]+)/botaliases/([^/]+)/?$");

    private Answer route(String method, String rawPath, String query, JsonNode body) {
        Matcher m;
        if ((m = TAGS.matcher(rawPath)).matches()) {
            return tags(method, decode(m.group(1)), body);
        }
        if (BOTS.matcher(rawPath).matches()) {
            return switch (method) {
                case "PUT" -> createBot(body);
                case "POST" -> listBots(body);
                default -> unknown(method, rawPath);
            };
        }
        if ((m = BOT.matcher(rawPath)).matches()) {
            String botId = m.group(1);
            return switch (method) {
                case "GET" -> withBot(botId, this::describeBot);
                case "PUT" -> withBot(botId, bot -> updateBot(bot, body));
                case "DELETE" -> withBot(botId, bot -> deleteBot(bot, query));
                default -> unknown(method, rawPath);
            };
        }
        if ((m = LOCALES.matcher(rawPath)).matches() && "PUT".equals(method)) {
            String version = m.group(2);
            return withAvailableBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> createLocale(bot, body)));
        }
        if ((m = LOCALE.matcher(rawPath)).matches()) {
            String version = m.group(2);
            String localeId = m.group(3);
            return withBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> withLocale(bot, localeId, locale -> switch (method) {
                case "GET" -> describeLocale(bot, locale);
                case "PUT" -> updateLocale(bot, locale, body);
                case "POST" -> buildLocale(bot, locale);
                default -> unknown(method, rawPath);
            })));
        }
        if ((m = INTENTS.matcher(rawPath)).matches()) {
            String version = m.group(2);
            String localeId = m.group(3);
            return withBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> withLocale(bot, localeId, locale -> switch (method) {
                case "PUT" -> createIntent(locale, body);
                case "POST" -> listIntents(bot, locale);
                default -> unknown(method, rawPath);
            })));
        }
        if ((m = INTENT.matcher(rawPath)).matches()) {
            String version = m.group(2);
            String localeId = m.group(3);
            String intentId = m.group(4);
            return withBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> withLocale(bot, localeId, locale ->
                    withIntent(locale, intentId, intent -> switch (method) {
                        case "GET" -> Answer.ok(200, intentBody(bot, locale, intent));
                        case "PUT" -> updateIntent(bot, locale, intent, body);
                        case "DELETE" -> deleteIntent(locale, intent);
                        default -> unknown(method, rawPath);
                    }))));
        }
        if ((m = SLOTS.matcher(rawPath)).matches()) {
            String version = m.group(2);
            String localeId = m.group(3);
            String intentId = m.group(4);
            return withBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> withLocale(bot, localeId, locale ->
                    withIntent(locale, intentId, intent -> switch (method) {
                        case "PUT" -> createSlot(intent, body);
                        case "POST" -> listSlots(intent);
                        default -> unknown(method, rawPath);
                    }))));
        }
        if ((m = SLOT.matcher(rawPath)).matches()) {
            String version = m.group(2);
            String localeId = m.group(3);
            String intentId = m.group(4);
            String slotId = m.group(5);
            return withBot(m.group(1), bot -> draftOnly(version).orElseGet(() -> withLocale(bot, localeId, locale ->
                    withIntent(locale, intentId, intent -> {
                        Slot slot = intent.slots.get(slotId);
                        if (slot == null) {
                            return Answer.error(404, "ResourceNotFoundException", "no slot " + slotId);
                        }
                        return switch (method) {
                            case "PUT" -> updateSlot(slot, body);
                            case "DELETE" -> {
                                intent.slots.remove(slotId);
                                yield Answer.ok(204, JSON.createObjectNode());
                            }
                            default -> unknown(method, rawPath);
                        };
                    }))));
        }
        if ((m = VERSIONS.matcher(rawPath)).matches()) {
            return withBot(m.group(1), bot -> switch (method) {
                case "PUT" -> createVersion(bot, body);
                case "POST" -> listVersions(bot);
                default -> unknown(method, rawPath);
            });
        }
        if ((m = VERSION.matcher(rawPath)).matches() && "GET".equals(method)) {
            String version = m.group(2);
            return withBot(m.group(1), bot -> describeVersion(bot, version));
        }
        if ((m = ALIASES.matcher(rawPath)).matches()) {
            return withBot(m.group(1), bot -> switch (method) {
                case "PUT" -> createAlias(bot, body);
                case "POST" -> listAliases(bot);
                default -> unknown(method, rawPath);
            });
        }
        if ((m = ALIAS.matcher(rawPath)).matches()) {
            String aliasId = m.group(2);
            return withBot(m.group(1), bot -> {
                Alias alias = bot.aliases.get(aliasId);
                if (alias == null) {
                    return Answer.error(404, "ResourceNotFoundException", "no alias " + aliasId + " in bot " + bot.id);
                }
                return switch (method) {
                    case "GET" -> describeAlias(bot, alias);
                    case "PUT" -> updateAlias(bot, alias, body);
                    case "DELETE" -> {
                        bot.aliases.remove(aliasId);
                        yield Answer.ok(202, JSON.createObjectNode().put("botId", bot.id).put("botAliasId", aliasId)
                                .put("botAliasStatus", "Deleting"));
                    }
                    default -> unknown(method, rawPath);
                };
            });
        }
        return unknown(method, rawPath);
    }

    // ---- bots ----

    private Answer createBot(JsonNode body) {
        String name = body.path("botName").asText();
        if (bots.values().stream().anyMatch(b -> b.name.equals(name))) {
            return Answer.error(412, "PreconditionFailedException", "A bot with the name " + name + " already exists");
        }
        if (!body.hasNonNull("roleArn") || !body.path("dataPrivacy").has("childDirected")
                || !body.has("idleSessionTTLInSeconds")) {
            return Answer.error(400, "ValidationException", "botName, roleArn, dataPrivacy and idleSessionTTLInSeconds are required");
        }
        Bot bot = new Bot(newId("B"));
        bot.name = name;
        bot.describesUntilAvailable = 1;
        applyBot(bot, body);
        body.path("botTags").fields().forEachRemaining(e -> bot.tags.put(e.getKey(), e.getValue().asText()));
        Alias test = new Alias(TEST_ALIAS_ID);
        test.name = "TestBotAlias";
        test.botVersion = DRAFT;
        test.status = "Available";
        body.path("testBotAliasTags").fields().forEachRemaining(e -> test.tags.put(e.getKey(), e.getValue().asText()));
        bot.aliases.put(test.id, test);
        bots.put(bot.id, bot);
        return Answer.ok(202, botBody(bot));
    }

    private static void applyBot(Bot bot, JsonNode body) {
        bot.description = body.path("description").asText(null);
        bot.roleArn = body.path("roleArn").asText(null);
        bot.request = body.deepCopy();
    }

    private Answer describeBot(Bot bot) {
        if ("Creating".equals(bot.status) || "Updating".equals(bot.status)) {
            if (bot.describesUntilAvailable-- <= 0) {
                bot.status = "Available";
            }
        }
        return Answer.ok(200, botBody(bot));
    }

    private Answer updateBot(Bot bot, JsonNode body) {
        if (!"Available".equals(bot.status)) {
            return Answer.error(409, "ConflictException", "bot " + bot.id + " is " + bot.status);
        }
        applyBot(bot, body);
        bot.status = "Updating";
        bot.describesUntilAvailable = 0;
        return Answer.ok(202, botBody(bot));
    }

    private Answer deleteBot(Bot bot, String query) {
        boolean skipCheck = query != null && query.contains("skipResourceInUseCheck=true");
        boolean aliases = bot.aliases.keySet().stream().anyMatch(id -> !TEST_ALIAS_ID.equals(id));
        if (aliases && !skipCheck) {
            return Answer.error(412, "PreconditionFailedException", "bot " + bot.id + " has aliases; delete them or skip the check");
        }
        bots.remove(bot.id);
        return Answer.ok(202, JSON.createObjectNode().put("botId", bot.id).put("botStatus", "Deleting"));
    }

    private Answer listBots(JsonNode body) {
        List<Bot> matching = new ArrayList<>();
        for (Bot bot : bots.values()) {
            boolean keep = true;
            for (JsonNode filter : body.path("filters")) {
                String operator = filter.path("operator").asText("EQ");
                String value = filter.path("values").path(0).asText();
                keep &= switch (operator) {
                    case "CO" -> bot.name.contains(value);
                    case "NE" -> !bot.name.equals(value);
                    default -> bot.name.equals(value);
                };
            }
            if (keep) {
                matching.add(bot);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("botSummaries");
        matching.forEach(bot -> list.addObject().put("botId", bot.id).put("botName", bot.name)
                .put("botStatus", bot.status).put("description", bot.description));
        return Answer.ok(200, answer);
    }

    private ObjectNode botBody(Bot bot) {
        ObjectNode node = bot.request == null ? JSON.createObjectNode() : bot.request.deepCopy();
        node.remove("botTags");
        node.remove("testBotAliasTags");
        return node.put("botId", bot.id).put("botName", bot.name).put("botStatus", bot.status);
    }

    // ---- locales ----

    private Answer createLocale(Bot bot, JsonNode body) {
        String localeId = body.path("localeId").asText();
        if (bot.draftLocales.containsKey(localeId)) {
            return Answer.error(412, "PreconditionFailedException", "locale " + localeId + " already exists");
        }
        Locale locale = new Locale(localeId);
        locale.request = body.deepCopy();
        Intent fallback = new Intent(FALLBACK_INTENT_ID);
        fallback.name = "FallbackIntent";
        fallback.request = JSON.createObjectNode().put("intentName", "FallbackIntent")
                .put("parentIntentSignature", "AMAZON.FallbackIntent");
        locale.intents.put(fallback.id, fallback);
        bot.draftLocales.put(localeId, locale);
        return Answer.ok(202, localeBody(bot, locale));
    }

    private Answer describeLocale(Bot bot, Locale locale) {
        if ("Creating".equals(locale.status) && locale.describesUntilSettled-- <= 0) {
            locale.status = "NotBuilt";
        } else if ("Building".equals(locale.status) && locale.describesUntilSettled-- <= 0) {
            if (buildFailureReasons.isEmpty()) {
                locale.status = "Built";
            } else {
                locale.status = "Failed";
                locale.failureReasons = buildFailureReasons;
            }
        }
        return Answer.ok(200, localeBody(bot, locale));
    }

    private Answer updateLocale(Bot bot, Locale locale, JsonNode body) {
        if ("Creating".equals(locale.status) || "Building".equals(locale.status)) {
            return Answer.error(409, "ConflictException", "locale " + locale.localeId + " is " + locale.status);
        }
        locale.request = body.deepCopy();
        locale.request.put("localeId", locale.localeId);
        locale.status = "NotBuilt";
        return Answer.ok(202, localeBody(bot, locale));
    }

    private Answer buildLocale(Bot bot, Locale locale) {
        if ("Creating".equals(locale.status) || "Building".equals(locale.status)) {
            return Answer.error(409, "ConflictException", "locale " + locale.localeId + " is " + locale.status);
        }
        locale.status = "Building";
        locale.failureReasons = List.of();
        locale.describesUntilSettled = buildingPolls;
        locale.builds++;
        return Answer.ok(202, JSON.createObjectNode().put("botId", bot.id).put("botVersion", DRAFT)
                .put("localeId", locale.localeId).put("botLocaleStatus", locale.status));
    }

    private ObjectNode localeBody(Bot bot, Locale locale) {
        ObjectNode node = locale.request.deepCopy();
        node.put("botId", bot.id).put("botVersion", DRAFT).put("botLocaleStatus", locale.status)
                .put("intentsCount", locale.intents.size());
        ArrayNode reasons = node.putArray("failureReasons");
        locale.failureReasons.forEach(reasons::add);
        return node;
    }

    // ---- intents and slots (DRAFT only) ----

    private Answer createIntent(Locale locale, JsonNode body) {
        if ("Creating".equals(locale.status)) {
            return Answer.error(409, "ConflictException", "locale " + locale.localeId + " is still Creating");
        }
        String name = body.path("intentName").asText();
        if (locale.intent(name).isPresent()) {
            return Answer.error(412, "PreconditionFailedException", "intent " + name + " already exists");
        }
        if (body.has("slotPriorities") && !body.path("slotPriorities").isEmpty()) {
            return Answer.error(400, "ValidationException", "a new intent has no slots to prioritise");
        }
        Intent intent = new Intent(newId("I"));
        intent.name = name;
        intent.request = body.deepCopy();
        locale.intents.put(intent.id, intent);
        locale.status = "NotBuilt";
        return Answer.ok(200, intent.request.deepCopy().put("intentId", intent.id));
    }

    private Answer updateIntent(Bot bot, Locale locale, Intent intent, JsonNode body) {
        for (JsonNode priority : body.path("slotPriorities")) {
            if (!intent.slots.containsKey(priority.path("slotId").asText())) {
                return Answer.error(400, "ValidationException", "slotPriorities names slot "
                        + priority.path("slotId").asText() + ", which the intent does not have");
            }
        }
        intent.name = body.path("intentName").asText(intent.name);
        intent.request = body.deepCopy();
        locale.status = "NotBuilt";
        return Answer.ok(200, intentBody(bot, locale, intent));
    }

    private Answer deleteIntent(Locale locale, Intent intent) {
        if (FALLBACK_INTENT_ID.equals(intent.id)) {
            return Answer.error(400, "ValidationException", "the FallbackIntent cannot be deleted");
        }
        locale.intents.remove(intent.id);
        locale.status = "NotBuilt";
        return Answer.ok(204, JSON.createObjectNode());
    }

    private Answer listIntents(Bot bot, Locale locale) {
        ObjectNode answer = JSON.createObjectNode().put("botId", bot.id).put("botVersion", DRAFT)
                .put("localeId", locale.localeId);
        ArrayNode list = answer.putArray("intentSummaries");
        locale.intents.values().forEach(i -> list.addObject().put("intentId", i.id).put("intentName", i.name));
        return Answer.ok(200, answer);
    }

    private ObjectNode intentBody(Bot bot, Locale locale, Intent intent) {
        return intent.request.deepCopy().put("intentId", intent.id).put("botId", bot.id).put("botVersion", DRAFT)
                .put("localeId", locale.localeId);
    }

    private Answer createSlot(Intent intent, JsonNode body) {
        String name = body.path("slotName").asText();
        if (intent.slot(name).isPresent()) {
            return Answer.error(412, "PreconditionFailedException", "slot " + name + " already exists");
        }
        if (!body.path("valueElicitationSetting").has("slotConstraint")) {
            return Answer.error(400, "ValidationException", "valueElicitationSetting.slotConstraint is required");
        }
        Slot slot = new Slot(newId("S"));
        slot.name = name;
        slot.request = body.deepCopy();
        intent.slots.put(slot.id, slot);
        return Answer.ok(200, slot.request.deepCopy().put("slotId", slot.id).put("intentId", intent.id));
    }

    private Answer updateSlot(Slot slot, JsonNode body) {
        slot.name = body.path("slotName").asText(slot.name);
        slot.request = body.deepCopy();
        return Answer.ok(200, slot.request.deepCopy().put("slotId", slot.id));
    }

    private Answer listSlots(Intent intent) {
        ObjectNode answer = JSON.createObjectNode().put("intentId", intent.id);
        ArrayNode list = answer.putArray("slotSummaries");
        intent.slots.values().forEach(s -> list.addObject().put("slotId", s.id).put("slotName", s.name)
                .put("slotConstraint", s.request.path("valueElicitationSetting").path("slotConstraint").asText()));
        return Answer.ok(200, answer);
    }

    // ---- versions ----

    private Answer createVersion(Bot bot, JsonNode body) {
        JsonNode spec = body.path("botVersionLocaleSpecification");
        if (!spec.isObject() || spec.isEmpty()) {
            return Answer.error(400, "ValidationException", "botVersionLocaleSpecification is required");
        }
        for (var it = spec.fieldNames(); it.hasNext(); ) {
            String localeId = it.next();
            Locale locale = bot.draftLocales.get(localeId);
            if (locale == null || !"Built".equals(locale.status)) {
                return Answer.error(412, "PreconditionFailedException", "locale " + localeId
                        + " of the DRAFT version must be Built to create a version");
            }
        }
        String version = String.valueOf(bot.versions.size() + 1);
        ObjectNode snapshot = JSON.createObjectNode();
        bot.draftLocales.values().forEach(l -> {
            ObjectNode locale = snapshot.putObject(l.localeId);
            l.intents.values().forEach(i -> {
                ObjectNode intent = locale.putObject(i.name);
                intent.set("intent", i.request.deepCopy());
                ObjectNode slots = intent.putObject("slots");
                i.slots.values().forEach(s -> slots.set(s.name, s.request.deepCopy()));
            });
        });
        Version created = new Version(version, body.path("description").asText(""), snapshot);
        bot.versions.put(version, created);
        bot.status = "Versioning";
        bot.describesUntilAvailable = 0;
        return Answer.ok(202, JSON.createObjectNode().put("botId", bot.id).put("botVersion", version)
                .put("description", created.description).put("botStatus", "Versioning"));
    }

    private Answer describeVersion(Bot bot, String version) {
        Version found = bot.versions.get(version);
        if (found == null) {
            return Answer.error(404, "ResourceNotFoundException", "no version " + version + " of bot " + bot.id);
        }
        if ("Versioning".equals(found.status)) {
            // Answer Versioning once, then Available, as a short version creation does.
            found.status = "Pending";
        } else if ("Pending".equals(found.status)) {
            found.status = "Available";
            if ("Versioning".equals(bot.status)) {
                bot.status = "Available";
            }
        }
        String shown = "Pending".equals(found.status) ? "Versioning" : found.status;
        return Answer.ok(200, JSON.createObjectNode().put("botId", bot.id).put("botVersion", version)
                .put("description", found.description).put("botStatus", shown));
    }

    private Answer listVersions(Bot bot) {
        ObjectNode answer = JSON.createObjectNode().put("botId", bot.id);
        ArrayNode list = answer.putArray("botVersionSummaries");
        bot.versions.values().stream().sorted(Comparator.comparing((Version v) -> Integer.parseInt(v.version)).reversed())
                .forEach(v -> list.addObject().put("botName", bot.name).put("botVersion", v.version)
                        .put("description", v.description)
                        .put("botStatus", "Available".equals(v.status) ? "Available" : "Versioning"));
        return Answer.ok(200, answer);
    }

    // ---- aliases ----

    private Answer createAlias(Bot bot, JsonNode body) {
        String name = body.path("botAliasName").asText();
        if (bot.aliases.values().stream().anyMatch(a -> a.name.equals(name))) {
            return Answer.error(409, "ConflictException", "alias " + name + " already exists");
        }
        Optional<Answer> refused = aliasVersionRefused(bot, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        Alias alias = new Alias(newId("A"));
        alias.name = name;
        alias.botVersion = body.path("botVersion").asText(DRAFT);
        alias.localeSettings = body.path("botAliasLocaleSettings").deepCopy();
        body.path("tags").fields().forEachRemaining(e -> alias.tags.put(e.getKey(), e.getValue().asText()));
        bot.aliases.put(alias.id, alias);
        return Answer.ok(202, aliasBody(bot, alias));
    }

    private Answer updateAlias(Bot bot, Alias alias, JsonNode body) {
        Optional<Answer> refused = aliasVersionRefused(bot, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        alias.name = body.path("botAliasName").asText(alias.name);
        alias.botVersion = body.path("botVersion").asText(DRAFT);
        alias.localeSettings = body.path("botAliasLocaleSettings").deepCopy();
        alias.status = "Available";
        return Answer.ok(202, aliasBody(bot, alias));
    }

    private Optional<Answer> aliasVersionRefused(Bot bot, JsonNode body) {
        String version = body.path("botVersion").asText(DRAFT);
        Version found = bot.versions.get(version);
        if (!DRAFT.equals(version) && (found == null || !"Available".equals(found.status))) {
            return Optional.of(Answer.error(409, "ConflictException", "version " + version + " is not Available"));
        }
        return Optional.empty();
    }

    private Answer describeAlias(Bot bot, Alias alias) {
        ObjectNode body = aliasBody(bot, alias);
        if ("Creating".equals(alias.status)) {
            alias.status = "Available";
        }
        return Answer.ok(200, body);
    }

    private Answer listAliases(Bot bot) {
        ObjectNode answer = JSON.createObjectNode().put("botId", bot.id);
        ArrayNode list = answer.putArray("botAliasSummaries");
        bot.aliases.values().forEach(a -> list.addObject().put("botAliasId", a.id).put("botAliasName", a.name)
                .put("botVersion", a.botVersion).put("botAliasStatus", a.status));
        return Answer.ok(200, answer);
    }

    private static ObjectNode aliasBody(Bot bot, Alias alias) {
        ObjectNode node = JSON.createObjectNode().put("botId", bot.id).put("botAliasId", alias.id)
                .put("botAliasName", alias.name).put("botVersion", alias.botVersion).put("botAliasStatus", alias.status);
        if (alias.localeSettings != null) {
            node.set("botAliasLocaleSettings", alias.localeSettings.deepCopy());
        }
        return node;
    }

    // ---- tags ----

    private Answer tags(String method, String arn, JsonNode body) {
        Map<String, String> tags = tagsOf(arn);
        if (tags == null) {
            return Answer.error(404, "ResourceNotFoundException", "no resource " + arn);
        }
        if ("POST".equals(method)) {
            body.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            return Answer.ok(200, JSON.createObjectNode());
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode node = answer.putObject("tags");
        tags.forEach(node::put);
        return Answer.ok(200, answer);
    }

    private Map<String, String> tagsOf(String arn) {
        for (Bot bot : bots.values()) {
            if (bot.arn().equals(arn)) {
                return bot.tags;
            }
            for (Alias alias : bot.aliases.values()) {
                if (alias.arn(bot.id).equals(arn)) {
                    return alias.tags;
                }
            }
        }
        return null;
    }

    // ---- plumbing ----

    private interface BotOperation {
        Answer apply(Bot bot);
    }

    private Answer withBot(String botId, BotOperation operation) {
        Bot bot = bots.get(botId);
        return bot == null ? Answer.error(404, "ResourceNotFoundException", "no bot " + botId) : operation.apply(bot);
    }

    private Answer withAvailableBot(String botId, BotOperation operation) {
        return withBot(botId, bot -> "Available".equals(bot.status) ? operation.apply(bot)
                : Answer.error(409, "ConflictException", "bot " + botId + " is " + bot.status + ", not Available"));
    }

    private interface LocaleOperation {
        Answer apply(Locale locale);
    }

    private static Answer withLocale(Bot bot, String localeId, LocaleOperation operation) {
        Locale locale = bot.draftLocales.get(localeId);
        return locale == null ? Answer.error(404, "ResourceNotFoundException", "no locale " + localeId)
                : operation.apply(locale);
    }

    private interface IntentOperation {
        Answer apply(Intent intent);
    }

    private static Answer withIntent(Locale locale, String intentId, IntentOperation operation) {
        Intent intent = locale.intents.get(intentId);
        return intent == null ? Answer.error(404, "ResourceNotFoundException", "no intent " + intentId)
                : operation.apply(intent);
    }

    private static Optional<Answer> draftOnly(String version) {
        return DRAFT.equals(version) ? Optional.empty()
                : Optional.of(Answer.error(400, "ValidationException", "only the DRAFT version can be changed or listed here"));
    }

    private static Answer unknown(String method, String path) {
        return Answer.error(404, "UnknownOperationException", "this local Lex serves no " + method + " " + path);
    }

    /** Lex ids: 10 upper-case letters and digits. */
    private String newId(String prefix) {
        return prefix + String.format("%09d", nextId++);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, status, CONTENT_TYPE, JSON.createObjectNode().put("message", message).toString());
    }
}
