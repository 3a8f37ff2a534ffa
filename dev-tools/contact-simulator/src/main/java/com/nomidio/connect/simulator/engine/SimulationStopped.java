package com.nomidio.connect.simulator.engine;

/**
 * The simulation cannot go on: an action type it does not execute, an error no branch handles, a runaway flow.
 * The call ends as {@code STOPPED} with this message; nothing is skipped silently.
 */
public final class SimulationStopped extends RuntimeException {

    public SimulationStopped(String message) {
        super(message);
    }
}
