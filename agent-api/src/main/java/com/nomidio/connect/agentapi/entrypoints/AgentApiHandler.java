package com.nomidio.connect.agentapi.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nomidio.connect.agentapi.adapters.HttpApiEvents;
import com.nomidio.connect.agentapi.domain.AgentRequests;
import com.nomidio.connect.agentapi.domain.ApiAnswer;
import com.nomidio.connect.json.JsonEvents;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.snapstart.LoopbackServices;
import com.nomidio.connect.snapstart.SnapStartPriming;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.time.InvocationBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * agentApi: the softphone's API behind an API Gateway HTTP API (payload format 2.0). Every request gets an answer
 * of the contract (never an exception, never a stack trace), and every one is written as one audit line.
 */
public final class AgentApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentApiHandler.class);
    /** 8 s of handler time at most (the function's timeout is 10 s), 300 ms of it kept back to answer and log. */
    static final InvocationBudget BUDGET = new InvocationBudget(AgentApiWiring.HANDLER_CAP, Duration.ofMillis(300),
            Duration.ZERO, AgentApiWiring.HANDLER_CAP);

    private final AgentRequests api;
    private final HttpApiEvents events;
    /** False only for the priming copy: its made-up requests are no agent's action, so they leave no audit line. */
    private final boolean audited;
    /** Held here: the runtime's CRaC context may hold its resources weakly. Null unless SnapStart initialises us. */
    private SnapStartPriming snapStart;

    public AgentApiHandler() {
        this(System.getenv());
    }

    /** The handler Lambda builds, configured from {@code env} instead of the process environment. */
    public static AgentApiHandler fromEnvironment(Map<String, String> env) {
        return new AgentApiHandler(Map.copyOf(env));
    }

    private AgentApiHandler(Map<String, String> env) {
        this(SnapStartPriming.initialise(() -> AgentApiWiring.fromEnvironment(env)), new HttpApiEvents(Json.mapper(), env.get(AgentApiWiring.SOFTPHONE_ORIGIN)));
        prime();
        snapStart = SnapStartPriming.register("nomidioAgentApi", env, AgentApiHandler::prime);
    }

    /** The SnapStart hook this handler registered, or null when Lambda did not initialise it for a snapshot. */
    SnapStartPriming snapStart() {
        return snapStart;
    }

    /**
     * Priming before a SnapStart snapshot, the same way as the other functions: a copy of this function, configured
     * from {@code loopbackEnvironment}, answers the bundled CHALLENGE request and then a read of the same contact
     * through the real path (Jackson, the contact binding, the Connect client's DescribeContact, GetContactAttributes
     * and UpdateContactAttributes against the loopback), as an agent of the configured instance.
     */
    static void prime(Map<String, String> loopbackEnvironment) throws IOException {
        AgentApiHandler copy = new AgentApiHandler(AgentApiWiring.fromEnvironment(loopbackEnvironment),
                new HttpApiEvents(Json.mapper(), loopbackEnvironment.get(AgentApiWiring.SOFTPHONE_ORIGIN)), false);
        APIGatewayV2HTTPEvent event;
        try (InputStream in = AgentApiHandler.class.getResourceAsStream("/priming-event.json")) {
            event = Json.mapper().readValue(in, APIGatewayV2HTTPEvent.class);
        }
        String instanceId = AgentApiWiring.instanceId(loopbackEnvironment.get(AgentApiWiring.CONNECT_INSTANCE_ID));
        String agentArn = "arn:aws:connect:" + loopbackEnvironment.getOrDefault("AWS_REGION", "eu-west-2")
                + ":000000000000:instance/" + instanceId + "/agent/" + LoopbackServices.AGENT_ID;
        String actions = "/contacts/" + LoopbackServices.CONTACT_ID + "/actions";
        event.getHeaders().put("x-nomidio-agent-arn", agentArn);
        event.setRawPath(actions);
        event.getRequestContext().getHttp().setPath(actions);
        event.getPathParameters().put("contactId", LoopbackServices.CONTACT_ID);
        copy.handleRequest(event, null);
        String read = "/contacts/" + LoopbackServices.CONTACT_ID + "/nomidio";
        event.setRawPath(read);
        event.setRouteKey("GET /contacts/{contactId}/nomidio");
        event.getRequestContext().setRouteKey("GET /contacts/{contactId}/nomidio");
        event.getRequestContext().getHttp().setMethod("GET");
        event.getRequestContext().getHttp().setPath(read);
        event.setBody(null);
        copy.handleRequest(event, null);
    }

    AgentApiHandler(AgentRequests api, HttpApiEvents events) {
        this(api, events, true);
    }

    private AgentApiHandler(AgentRequests api, HttpApiEvents events, boolean audited) {
        this.api = api;
        this.events = events;
        this.audited = audited;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event != null && events.isPreflight(event)) {
            // Not an agent's request: no audit line, nothing asked of Connect or the gateway.
            return events.preflight(event);
        }
        long started = System.nanoTime();
        Deadline deadline = BUDGET.deadline(context);
        if (context != null) {
            MDC.put("awsRequestId", context.getAwsRequestId());
        }
        HttpApiEvents.Read read = null;
        ApiAnswer answer;
        try {
            if (event == null) {
                answer = ApiAnswer.badRequest("no request");
            } else {
                read = events.read(event);
                if (read.contactId() != null) {
                    MDC.put("contactId", read.contactId());
                }
                answer = read.refusal() != null ? read.refusal() : api.answer(read.request(), deadline);
            }
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("Unexpected failure, answering ERROR");
            answer = ApiAnswer.error("unexpected failure");
        }
        try {
            return events.write(answer, event == null ? new APIGatewayV2HTTPEvent() : event);
        } finally {
            if (audited) {
                audit(read, answer, Duration.ofNanos(System.nanoTime() - started));
            }
            MDC.clear();
        }
    }

    /** One line per request, found by agentId, contactId, action and outcome; the caller's number masked. */
    private static void audit(HttpApiEvents.Read read, ApiAnswer answer, Duration took) {
        LOG.atInfo()
                .addKeyValue("audit", "agentApi")
                .addKeyValue("agentId", read == null ? null : read.agentId())
                .addKeyValue("contactId", read == null ? null : read.contactId())
                .addKeyValue("action", read == null ? null : read.action())
                .addKeyValue("outcome", answer.outcome())
                .addKeyValue("httpStatus", answer.status())
                .addKeyValue("reason", answer.reason())
                .addKeyValue("caller", answer.maskedCaller())
                .addKeyValue("durationMs", took.toMillis())
                .log("Agent API request");
    }

    /**
     * Reads a bundled request and writes an answer, so that Jackson and the event classes are loaded during
     * initialisation (snapshotted by SnapStart) rather than on the first agent's click. No call leaves the function.
     */
    boolean prime() {
        return JsonEvents.prime(AgentApiHandler.class, in -> {
            APIGatewayV2HTTPEvent event = Json.mapper().readValue(in, APIGatewayV2HTTPEvent.class);
            HttpApiEvents.Read read = events.read(event);
            APIGatewayV2HTTPResponse response = events.write(read.refusal() != null ? read.refusal()
                    : ApiAnswer.ok(Map.of("outcome", ApiAnswer.OK, "action", read.action())), event);
            Json.mapper().writeValue(OutputStream.nullOutputStream(), response);
        });
    }
}
