package com.nomidio.connect.simulator.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.nomidio.connect.simulator.engine.FunctionInvoker;
import com.nomidio.connect.testkit.lambda.LocalLambda;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
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
 * The simulated account's Lambda functions: real handler instances (one warm execution environment each), run on
 * their own threads with a {@link LocalLambdaContext} counting down from their timeout. Contact flows invoke them
 * synchronously ({@link #invoke}); functions invoke each other through {@link LocalLambda}'s HTTP Invoke API,
 * asynchronously ({@link #invokeAsync}).
 */
public final class LambdaFunctions implements FunctionInvoker, LocalLambda.Functions, AutoCloseable {

    /** Told when an asynchronous invocation starts and finishes. */
    public interface AsyncListener {
        /** Returns a mark handed back to {@link #finished} (the simulator's call time at the start). */
        long started(DeployedFunction function);

        void finished(DeployedFunction function, long startMark, byte[] response, String failure, long durationMillis);
    }

    /**
     * @param arn the published alias ARN ({@code …:function:NAME:live}) the flows and functions use
     */
    public record DeployedFunction(String name, String arn, Duration timeout, int memoryMb, RequestStreamHandler handler) {
    }

    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final List<Future<?>> asynchronous = new CopyOnWriteArrayList<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lambda-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private volatile AsyncListener asyncListener = new AsyncListener() {
        @Override
        public long started(DeployedFunction function) {
            return 0;
        }

        @Override
        public void finished(DeployedFunction function, long startMark, byte[] response, String failure, long millis) {
        }
    };

    public void register(DeployedFunction function) {
        functions.put(function.name(), function);
    }

    public void onAsyncFinished(AsyncListener listener) {
        this.asyncListener = listener;
    }

    /** A function by name, by ARN (qualified or not) or by {@code name:qualifier}, as the Invoke API accepts. */
    public Optional<DeployedFunction> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String name = reference.trim();
        int function = name.indexOf(":function:");
        if (function >= 0) {
            name = name.substring(function + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        if (qualifier >= 0) {
            name = name.substring(0, qualifier);
        }
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public Invocation invoke(String functionArn, byte[] payload, Duration waitLimit) {
        Optional<DeployedFunction> found = find(functionArn);
        if (found.isEmpty()) {
            return new Invocation(functionArn, null, "no function " + functionArn + " in the account "
                    + "(ResourceNotFoundException)", 0);
        }
        DeployedFunction function = found.get();
        long started = System.nanoTime();
        Future<byte[]> running = executor.submit(() -> run(function, payload));
        // Lambda stops the function at its timeout; Connect stops waiting at the block's limit.
        boolean functionTimesOutFirst = function.timeout().compareTo(waitLimit) < 0;
        Duration wait = functionTimesOutFirst ? function.timeout() : waitLimit;
        try {
            byte[] response = running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new Invocation(function.name(), response, null, elapsed(started));
        } catch (TimeoutException e) {
            return new Invocation(function.name(), null, functionTimesOutFirst
                    ? "the function timed out after " + function.timeout().toSeconds() + " s"
                    : "no answer within the block's " + waitLimit.toSeconds() + " s", elapsed(started));
        } catch (ExecutionException e) {
            return new Invocation(function.name(), null, "the function threw " + e.getCause(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Invocation(function.name(), null, "interrupted", elapsed(started));
        }
    }

    /** An Event invocation: accepted at once, run in the background. */
    public void invokeAsync(DeployedFunction function, byte[] payload) {
        AsyncListener listener = asyncListener;
        long mark = listener.started(function);
        asynchronous.add(executor.submit(() -> {
            long started = System.nanoTime();
            try {
                byte[] response = run(function, payload);
                listener.finished(function, mark, response, null, elapsed(started));
            } catch (Exception | Error e) {
                listener.finished(function, mark, null, e.toString(), elapsed(started));
            }
        }));
    }

    @Override
    public boolean exists(String reference) {
        return find(reference).isPresent();
    }

    @Override
    public void invokeEvent(String reference, byte[] payload) {
        invokeAsync(find(reference).orElseThrow(), payload);
    }

    /** A RequestResponse invocation over the Invoke API: the answer, or the exception the function threw. */
    @Override
    public byte[] invokeRequestResponse(String reference, byte[] payload) throws Exception {
        return run(find(reference).orElseThrow(), payload);
    }

    /** Waits for the background invocations (each ends by its own timeout at the latest); true if all finished. */
    public boolean awaitAsync(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Future<?> future : new ArrayList<>(asynchronous)) {
            long left = deadline - System.nanoTime();
            try {
                future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                asynchronous.remove(future);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException | CancellationException e) {
                asynchronous.remove(future);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static byte[] run(DeployedFunction function, byte[] payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handler().handleRequest(new ByteArrayInputStream(payload), out,
                LocalLambdaContext.invocation(function.name(), function.arn(), function.timeout(), function.memoryMb()));
        return out.toByteArray();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
