package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import com.nomidio.connect.simulator.flows.LoadedFlow;
import java.util.Map;
import java.util.Optional;

/**
 * Where the contact goes: another flow, the target queue, the queue itself (the end of the simulated call:
 * an agent would answer next), or away (disconnect, end of flow).
 */
final class RoutingSteps {

    StepResult transferToFlow(FlowAction action, CallRun call) {
        String raw = action.textParameter("ContactFlowId").orElseThrow();
        Optional<String> reference = call.resolve(raw);
        if (reference.isEmpty()) {
            return StepResult.failure("NoMatchingError", "ContactFlowId " + raw + " names nothing");
        }
        Optional<LoadedFlow> flow = call.flows().byReference(reference.get());
        if (flow.isEmpty()) {
            return StepResult.failure("NoMatchingError", "no flow " + reference.get() + " in the instance");
        }
        return new StepResult.Enter(flow.get());
    }

    StepResult targetQueue(FlowAction action, CallRun call) {
        if (action.parameter("AgentId").isPresent()) {
            return agentQueue(action, call);
        }
        String raw = action.textParameter("QueueId").orElseThrow();
        Optional<String> queue = call.resolve(raw);
        if (queue.isEmpty()) {
            return StepResult.failure("NoMatchingError", "QueueId " + raw + " names nothing");
        }
        call.contact().queueArn(queue.get());
        String name = call.contact().instance().queueName(queue.get());
        call.record(action, TranscriptEvent.Kind.QUEUE_SET, name,
                Map.of("queue", name, "queueArn", queue.get()));
        return StepResult.next();
    }

    /**
     * "Set working queue" by agent: the agent's own queue (Connect's {@code …/queue/agent/<agent id>}). An agent of
     * another instance, or a value that is no agent at all (an empty attribute), is NoMatchingError.
     */
    private static StepResult agentQueue(FlowAction action, CallRun call) {
        String raw = action.textParameter("AgentId").orElseThrow();
        Optional<String> agent = call.resolve(raw).filter(v -> !v.isBlank());
        if (agent.isEmpty()) {
            return StepResult.failure("NoMatchingError", "AgentId " + raw + " names nothing");
        }
        Optional<String> queue = call.contact().instance().agentQueueArn(agent.get());
        if (queue.isEmpty()) {
            return StepResult.failure("NoMatchingError", "AgentId " + agent.get() + " is no agent of this instance");
        }
        call.contact().queueArn(queue.get());
        String name = call.contact().instance().queueName(queue.get());
        call.record(action, TranscriptEvent.Kind.QUEUE_SET, name + " (the agent's own queue)",
                Map.of("queue", name, "queueArn", queue.get(), "agent", agent.get()));
        return StepResult.next();
    }

    StepResult transferToQueue(FlowAction action, CallRun call) {
        String queue = call.contact().queueArn();
        if (queue == null) {
            return StepResult.failure("NoMatchingError", "no working queue is set");
        }
        if (call.queuesAtCapacity()) {
            return StepResult.failure("QueueAtCapacity", call.contact().instance().queueName(queue) + " is full");
        }
        return new StepResult.End(CallOutcome.QUEUED, call.contact().instance().queueName(queue));
    }

    StepResult disconnect(FlowAction action, CallRun call) {
        return new StepResult.End(CallOutcome.DISCONNECTED, null);
    }

    StepResult endFlow(FlowAction action, CallRun call) {
        return new StepResult.End(CallOutcome.FLOW_ENDED, null);
    }
}
