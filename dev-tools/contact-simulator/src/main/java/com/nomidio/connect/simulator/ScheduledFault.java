package com.nomidio.connect.simulator;

import com.nomidio.connect.emulator.state.Fault;
import java.time.Duration;
import java.util.Locale;

/**
 * A gateway fault for a simulated call, armed in the emulator before the call ({@code afterAction} null) or once a
 * flow's nomidioAction invocation with that {@code action} has answered — "the gateway goes down mid-call".
 */
public record ScheduledFault(Fault fault, String afterAction) {

    /** Every gateway operation answers 503 from the start. */
    public static ScheduledFault gatewayDown() {
        return new ScheduledFault(Fault.status(Fault.ANY_OPERATION, 503), null);
    }

    /** Every gateway operation answers 503 once nomidioAction's {@code action} has answered. */
    public static ScheduledFault gatewayDownAfter(String action) {
        return new ScheduledFault(Fault.status(Fault.ANY_OPERATION, 503), action);
    }

    /**
     * A fault as the command line gives it: {@code OPERATION=STATUS}, {@code OPERATION=slow:MILLIS} or
     * {@code OPERATION=drop}, optionally {@code ,times=N} and {@code ,after=ACTION}; OPERATION is a contract
     * operationId (identify, invite, optOut, createChallenge, uploadSample, challengeResult, cancelChallenge, ...)
     * or {@code *}.
     */
    public static ScheduledFault parse(String spec) {
        String[] parts = spec.split(",");
        String[] head = parts[0].split("=", 2);
        if (head.length != 2 || head[0].isBlank()) {
            throw new IllegalArgumentException("a fault is OPERATION=STATUS|slow:MILLIS|drop[,times=N][,after=ACTION]: "
                    + spec);
        }
        String operation = head[0].trim();
        String kind = head[1].trim().toLowerCase(Locale.ROOT);
        Fault fault;
        if (kind.equals("drop")) {
            fault = Fault.drop(operation);
        } else if (kind.startsWith("slow:")) {
            fault = Fault.slow(operation, Duration.ofMillis(Long.parseLong(kind.substring("slow:".length()))));
        } else {
            fault = Fault.status(operation, Integer.parseInt(kind));
        }
        String after = null;
        for (int i = 1; i < parts.length; i++) {
            String[] option = parts[i].split("=", 2);
            switch (option[0].trim()) {
                case "times" -> fault = fault.times(Integer.parseInt(option[1].trim()));
                case "after" -> after = option[1].trim();
                default -> throw new IllegalArgumentException("unknown fault option '" + option[0] + "' in " + spec);
            }
        }
        return new ScheduledFault(fault, after);
    }

    public String describe() {
        String what = switch (fault.kind()) {
            case STATUS -> "answers " + fault.status();
            case SLOW -> "answers after " + fault.delay().toMillis() + " ms";
            case DROP -> "drops the connection";
        };
        String which = Fault.ANY_OPERATION.equals(fault.operation()) ? "every gateway operation" : fault.operation();
        return which + " " + what + (fault.times() > 0 ? " (" + fault.times() + "x)" : "");
    }
}
