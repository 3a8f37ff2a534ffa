package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.model.FlowAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateContactMediaStreamingBehavior: Enabled starts the caller's audio flowing into the contact's Kinesis Video
 * stream and sets {@code $.MediaStreams.Customer.Audio} (StreamARN, StartFragmentNumber, StartTimestamp);
 * Disabled adds the stop fragment and time.
 */
final class MediaStreamingStep implements ActionStep {

    @Override
    public StepResult run(FlowAction action, CallRun call) {
        String state = action.textParameter("MediaStreamingState").orElseThrow();
        Contact contact = call.contact();
        Contact.CustomerAudioStream stream = contact.audio();
        if ("Enabled".equals(state) && call.agentOnTheLeg()) {
            throw new SimulationStopped("action '" + action.identifier() + "' in " + call.flow().name() + " starts "
                    + "media streaming while the agent is still on the transfer leg and the caller is on hold: it "
                    + "would capture the hold music, not the caller");
        }
        if ("Enabled".equals(state)) {
            if (stream != null && stream.streaming()) {
                call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "already streaming", Map.of("state", state));
                return StepResult.next();
            }
            if (contact.mediaFault() == MediaFault.BLOCK_FAILS) {
                call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "could not start streaming (simulated fault)",
                        Map.of("state", state, "fault", MediaFault.BLOCK_FAILS.name()));
                return StepResult.failure("NoMatchingError", "media streaming could not start (simulated fault)");
            }
            if (contact.mediaFault() == MediaFault.NO_STREAM) {
                call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "streaming enabled, but no customer audio "
                        + "stream reported (simulated fault)", Map.of("state", state, "fault", MediaFault.NO_STREAM.name()));
                return StepResult.next();
            }
            Contact.CustomerAudioStream started = call.media().start(contact.contactId());
            contact.audio(started);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("state", state);
            details.put("streamArn", started.streamArn());
            details.put("startFragmentNumber", started.startFragmentNumber());
            details.put("startTimestamp", Long.toString(started.startTimestampMillis()));
            call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "customer audio streaming to "
                    + started.streamArn() + " from fragment " + abbreviate(started.startFragmentNumber()), details);
            return StepResult.next();
        }
        if (stream == null || !stream.streaming()) {
            call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "not streaming", Map.of("state", state));
            return StepResult.next();
        }
        Contact.CustomerAudioStream stopped = call.media().stop(stream);
        contact.audio(stopped);
        call.record(action, TranscriptEvent.Kind.MEDIA_STREAMING, "customer audio streaming stopped",
                Map.of("state", state, "stopFragmentNumber", String.valueOf(stopped.stopFragmentNumber())));
        return StepResult.next();
    }

    private static String abbreviate(String fragmentNumber) {
        return fragmentNumber.length() > 12 ? "…" + fragmentNumber.substring(fragmentNumber.length() - 8) : fragmentNumber;
    }
}
