package com.nomidio.connect.deployment.resources;

import com.nomidio.connect.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The time box and progress of one custom resource operation. The work names each step before taking it, so
 * that a failure or a timeout can say where it stopped and what was already done.
 */
public final class ResourceContext {

    /** No single AWS call may take longer than this, whatever the budget. */
    static final Duration MAX_CALL = Duration.ofSeconds(30);

    private final Deadline deadline;
    private volatile String step = "starting";
    private final List<String> done = new ArrayList<>();

    public ResourceContext(Deadline deadline) {
        this.deadline = deadline;
    }

    /** Records the step about to be taken; throws when the time box is spent (so nothing new is started). */
    public void step(String description) {
        if (deadline.isExpired() || Thread.currentThread().isInterrupted()) {
            throw new DeadlineExceededException(this);
        }
        this.step = description;
    }

    /** Records something finished, for the reason of a later failure. */
    public synchronized void done(String description) {
        done.add(description);
    }

    public String currentStep() {
        return step;
    }

    public synchronized List<String> doneSoFar() {
        return List.copyOf(done);
    }

    /** The timeout for the next AWS call: what is left of the box, at most {@link #MAX_CALL}. */
    public Duration callTimeout() {
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw new DeadlineExceededException(this);
        }
        return remaining.compareTo(MAX_CALL) < 0 ? remaining : MAX_CALL;
    }

    public Deadline deadline() {
        return deadline;
    }
}
