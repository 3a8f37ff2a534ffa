package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.flows.model.FlowAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * InvokeLambdaFunction, synchronous, as Connect does it: the event ({@code Name: ContactFlowEvent},
 * {@code Details.ContactData} from the contact, {@code Details.Parameters} the block's invocation attributes with
 * references resolved), a wait of at most InvocationTimeLimitSeconds, and the answer checked against the block's
 * ResponseValidation (STRING_MAP: a flat object) before it becomes {@code $.External}. A timeout, an exception,
 * an answer that is not a flat map or is over Connect's 32 KB takes the error branch; {@code $.External} then
 * keeps the previous answer.
 */
final class LambdaStep implements ActionStep {

    /** Connect rejects Lambda answers larger than this. */
    static final int MAX_RESPONSE_BYTES = 32 * 1024;
    private static final int DEFAULT_TIME_LIMIT_SECONDS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public StepResult run(FlowAction action, CallRun call) {
        String rawArn = action.textParameter("LambdaFunctionARN").orElseThrow();
        Optional<String> arn = call.resolve(rawArn);
        if (arn.isEmpty()) {
            return StepResult.failure("NoMatchingError", "LambdaFunctionARN " + rawArn + " names nothing");
        }
        if ("ASYNCHRONOUS".equals(action.textParameter("InvocationType").orElse("SYNCHRONOUS"))) {
            throw new SimulationStopped("action '" + action.identifier() + "': ASYNCHRONOUS Lambda invocation (and the "
                    + "Wait block for its result) is not simulated");
        }
        int limitSeconds = action.textParameter("InvocationTimeLimitSeconds").flatMap(call::resolve)
                .map(Integer::parseInt).orElse(DEFAULT_TIME_LIMIT_SECONDS);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : action.parameter("LambdaInvocationAttributes")
                .map(JsonNode::properties).orElse(Set.of())) {
            Optional<String> value = call.resolve(entry.getValue().asText());
            if (value.isEmpty()) {
                return StepResult.failure("NoMatchingError", "invocation attribute " + entry.getKey() + " = "
                        + entry.getValue().asText() + " names nothing");
            }
            parameters.put(entry.getKey(), value.get());
        }
        boolean stringMap = !"JSON".equals(action.parameter("ResponseValidation")
                .map(v -> v.path("ResponseType").asText()).orElse("STRING_MAP"));

        byte[] event = event(call.contact(), parameters);
        // The call goes on while the function runs: the caller speaks, their fragments reach the stream.
        FunctionInvoker.Invocation invocation = call.clock().running(() -> call.functions().invoke(arn.get(), event,
                Duration.ofSeconds(limitSeconds)));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("function", invocation.functionName());
        parameters.forEach((k, v) -> details.put("parameter." + k, v));
        details.put("durationMs", Long.toString(invocation.durationMillis()));
        String label = invocation.functionName() + (parameters.isEmpty() ? "" : " " + AttributeSteps.describe(parameters));

        String problem = invocation.failed() ? invocation.failure() : null;
        ObjectNode result = null;
        if (problem == null) {
            try {
                result = answer(invocation.response(), stringMap);
            } catch (InvalidAnswer e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            details.put("failure", problem);
            call.record(action, TranscriptEvent.Kind.LAMBDA, label + " failed after " + invocation.durationMillis()
                    + " ms: " + problem, details);
            return StepResult.failure("NoMatchingError", "Lambda " + problem);
        }
        call.contact().external(result);
        Map<String, String> answers = new LinkedHashMap<>();
        result.properties().forEach(e -> answers.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        answers.forEach((k, v) -> details.put("result." + k, v));
        Map<String, String> shown = new LinkedHashMap<>(answers);
        shown.values().removeIf(String::isEmpty);
        call.record(action, TranscriptEvent.Kind.LAMBDA, label + " (" + invocation.durationMillis() + " ms) -> "
                + AttributeSteps.describe(shown), details);
        call.listener().invoked(invocation.functionName(), parameters, call);
        return StepResult.next();
    }

    private static byte[] event(Contact contact, Map<String, String> parameters) {
        ObjectNode event = JSON.createObjectNode();
        event.put("Name", "ContactFlowEvent");
        ObjectNode details = event.putObject("Details");
        details.set("ContactData", contact.contactData());
        details.set("Parameters", JSON.valueToTree(parameters));
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Connect event", e);
        }
    }

    private static ObjectNode answer(byte[] response, boolean stringMap) {
        if (response.length > MAX_RESPONSE_BYTES) {
            throw new InvalidAnswer("answered " + response.length + " bytes, over Connect's " + MAX_RESPONSE_BYTES);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(new String(response, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidAnswer("answered something that is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new InvalidAnswer("answered " + (answer == null ? "nothing" : answer.getNodeType()) + ", not an object");
        }
        if (stringMap) {
            for (Map.Entry<String, JsonNode> entry : answer.properties()) {
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw new InvalidAnswer("answered a nested or null value for " + entry.getKey()
                            + ": not the flat string map STRING_MAP validation expects");
                }
            }
        }
        return (ObjectNode) answer;
    }

    private static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
