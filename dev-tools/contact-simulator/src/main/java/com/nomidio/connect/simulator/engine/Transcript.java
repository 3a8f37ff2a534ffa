package com.nomidio.connect.simulator.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The call's events in the order they happened; functions running in the background add to it too. */
public final class Transcript {

    private final CallClock clock;
    private final List<TranscriptEvent> events = new ArrayList<>();

    public Transcript(CallClock clock) {
        this.clock = clock;
    }

    public synchronized TranscriptEvent add(String flow, String action, TranscriptEvent.Kind kind, String text,
            Map<String, String> details) {
        TranscriptEvent event = new TranscriptEvent(clock.now(), flow, action, kind, text, details);
        events.add(event);
        return event;
    }

    /** An event stamped with a call time of its own (a background invocation that finished then). */
    public synchronized TranscriptEvent addAt(long atMillis, String flow, String action, TranscriptEvent.Kind kind,
            String text, Map<String, String> details) {
        TranscriptEvent event = new TranscriptEvent(atMillis, flow, action, kind, text, details);
        events.add(event);
        return event;
    }

    /** The events by call time; events of the same time in the order they were added. */
    public synchronized List<TranscriptEvent> events() {
        List<TranscriptEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(TranscriptEvent::atMillis));
        return List.copyOf(ordered);
    }
}
