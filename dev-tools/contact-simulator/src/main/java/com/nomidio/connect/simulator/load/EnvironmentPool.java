package com.nomidio.connect.simulator.load;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One function's execution environments, as Lambda keeps them: an environment runs one invocation at a time; an
 * invocation takes an idle one, or Lambda builds a new one for it, and that invocation pays the environment's init
 * (here: a new handler from the function's {@code fromEnvironment}, which builds its SDK clients, gateway client and
 * caches of its own). Environments are never retired during a run.
 */
final class EnvironmentPool {

    private final String name;
    private final String arn;
    private final Duration timeout;
    private final int memoryMb;
    private final Supplier<RequestStreamHandler> init;
    private final Deque<RequestStreamHandler> idle = new ArrayDeque<>();
    private final List<Long> initMillis = new CopyOnWriteArrayList<>();
    private int busy;
    private int peakBusy;

    EnvironmentPool(String name, String arn, Duration timeout, int memoryMb, Supplier<RequestStreamHandler> init) {
        this.name = name;
        this.arn = arn;
        this.timeout = timeout;
        this.memoryMb = memoryMb;
        this.init = init;
    }

    String name() {
        return name;
    }

    Duration timeout() {
        return timeout;
    }

    /** Runs one invocation in an idle environment, or in a new one; the answer bytes. */
    byte[] invoke(byte[] payload) throws Exception {
        RequestStreamHandler handler = acquire();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(payload), out,
                    LocalLambdaContext.invocation(name, arn, timeout, memoryMb));
            return out.toByteArray();
        } finally {
            release(handler);
        }
    }

    private RequestStreamHandler acquire() {
        synchronized (this) {
            busy++;
            peakBusy = Math.max(peakBusy, busy);
            RequestStreamHandler ready = idle.pollFirst();
            if (ready != null) {
                return ready;
            }
        }
        long started = System.nanoTime();
        try {
            return init.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                busy--;
            }
            throw e;
        } finally {
            initMillis.add((System.nanoTime() - started) / 1_000_000);
        }
    }

    private synchronized void release(RequestStreamHandler handler) {
        busy--;
        idle.addFirst(handler);
    }

    int environmentsBuilt() {
        return initMillis.size();
    }

    synchronized int peakConcurrentInvocations() {
        return peakBusy;
    }

    List<Long> initMillis() {
        return List.copyOf(initMillis);
    }
}
