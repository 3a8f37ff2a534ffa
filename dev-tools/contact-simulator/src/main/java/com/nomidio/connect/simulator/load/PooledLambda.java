package com.nomidio.connect.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.simulator.engine.FunctionInvoker;
import com.nomidio.connect.testkit.lambda.LocalLambda;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load mode's Lambda: each function runs in its own {@link EnvironmentPool}. Flows invoke synchronously
 * ({@link #invoke}, bounded by the block's wait and the function's timeout); nomidioAction invokes sampleUpload over
 * the kit's HTTP Invoke API, asynchronously ({@link #invokeEvent}). Every invocation's duration is recorded, by
 * nomidioAction's {@code action} parameter or by function name, with every failure.
 */
final class PooledLambda implements FunctionInvoker, LocalLambda.Functions, AutoCloseable {

    /** One invocation: which (nomidioAction's action, or the function name), how long, and why it failed if it did. */
    record Timing(String operation, long millis, String failure) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();
    /**
     * Platform threads, as each execution environment has a CPU share of its own: a virtual thread running the
     * emulator's or a handler's CPU work is never pre-empted, and with one carrier per core it would hold up the rest.
     */
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "environment-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final List<Timing> timings = new CopyOnWriteArrayList<>();
    private final List<Future<?>> asynchronous = new CopyOnWriteArrayList<>();
    private final AtomicInteger asyncFailures = new AtomicInteger();

    void register(EnvironmentPool pool) {
        pools.put(pool.name(), pool);
    }

    Optional<EnvironmentPool> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String name = reference.trim();
        int function = name.indexOf(":function:");
        if (function >= 0) {
            name = name.substring(function + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        return Optional.ofNullable(pools.get(qualifier >= 0 ? name.substring(0, qualifier) : name));
    }

    @Override
    public Invocation invoke(String functionArn, byte[] payload, Duration waitLimit) {
        Optional<EnvironmentPool> found = find(functionArn);
        if (found.isEmpty()) {
            return new Invocation(functionArn, null, "no function " + functionArn, 0);
        }
        EnvironmentPool pool = found.get();
        String operation = operation(pool.name(), payload);
        long started = System.nanoTime();
        Future<byte[]> running = executor.submit(() -> pool.invoke(payload));
        Duration wait = pool.timeout().compareTo(waitLimit) < 0 ? pool.timeout() : waitLimit;
        String failure = null;
        byte[] response = null;
        try {
            response = running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "no answer within " + wait.toMillis() + " ms";
        } catch (ExecutionException e) {
            failure = "the function threw " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        timings.add(new Timing(operation, millis, failure));
        return new Invocation(pool.name(), response, failure, millis);
    }

    @Override
    public boolean exists(String reference) {
        return find(reference).isPresent();
    }

    @Override
    public void invokeEvent(String reference, byte[] payload) {
        EnvironmentPool pool = find(reference).orElseThrow();
        asynchronous.add(executor.submit(() -> {
            long started = System.nanoTime();
            String failure = null;
            try {
                pool.invoke(payload);
            } catch (Exception | Error e) {
                failure = e.toString();
                asyncFailures.incrementAndGet();
            }
            timings.add(new Timing(pool.name(), (System.nanoTime() - started) / 1_000_000, failure));
        }));
    }

    @Override
    public byte[] invokeRequestResponse(String reference, byte[] payload) throws Exception {
        return find(reference).orElseThrow().invoke(payload);
    }

    /** Waits for the background invocations; true if all finished within {@code limit}. */
    boolean awaitAsync(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Future<?> future : new ArrayList<>(asynchronous)) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // counted by the task itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    List<Timing> timings() {
        return List.copyOf(timings);
    }

    Map<String, EnvironmentPool> pools() {
        return Map.copyOf(pools);
    }

    private static String operation(String function, byte[] payload) {
        try {
            JsonNode action = JSON.readTree(payload).path("Details").path("Parameters").path("action");
            return action.isTextual() ? action.asText() : function;
        } catch (java.io.IOException e) {
            return function;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
