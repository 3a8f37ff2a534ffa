package com.nomidio.connect.benchmarks.action;

import com.nomidio.connect.action.entrypoints.NomidioActionHandler;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Warm latency of a lookup through the real handler (public constructor, environment from the script) next to
 * the bare HTTP round trip of the same identify call to the same local stub, on the same JDK HTTP client.
 * The two are measured alternately, call by call, so that machine noise falls on both alike.
 */
public final class WarmLookup {

    /** What a Connect contact flow gives a function. */
    static final int CONNECT_REMAINING_MS = 8000;

    private WarmLookup() {
    }

    /** Nanoseconds of each measured call, sorted: through the handler, and the bare round trip. */
    record Result(long[] viaHandler, long[] bareTrip) {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
        Result result = measure(event, warmup, measured);
        long[] viaHandler = result.viaHandler();
        long[] bareTrip = result.bareTrip();
        System.err.printf(Locale.ROOT, "warm lookup, %d calls after %d warm-up calls (microseconds)%n", measured, warmup);
        System.err.printf(Locale.ROOT, "%-26s %8s %8s %8s%n", "", "p50", "p90", "p99");
        row("handler lookup", viaHandler);
        row("bare HTTP round trip", bareTrip);
        System.err.printf(Locale.ROOT, "%-26s %8.0f %8.0f %8.0f%n", "overhead (handler - bare)",
                micros(percentile(viaHandler, 50) - percentile(bareTrip, 50)),
                micros(percentile(viaHandler, 90) - percentile(bareTrip, 90)),
                micros(percentile(viaHandler, 99) - percentile(bareTrip, 99)));
    }

    /** {@code warmup} then {@code measured} lookups through a handler built from the environment, each beside the bare trip. */
    static Result measure(byte[] event, int warmup, int measured) throws Exception {
        return measure(new NomidioActionHandler(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                event, warmup, measured);
    }

    /** As {@link #measure(byte[], int, int)}, through {@code handler}, the bare trips on {@code http}. */
    static Result measure(NomidioActionHandler handler, HttpClient http, byte[] event, int warmup, int measured)
            throws Exception {
        HttpRequest bare = bareIdentify();
        long[] viaHandler = new long[measured];
        long[] bareTrip = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long handlerNanos = timedLookup(handler, event, new ByteArrayOutputStream(512));
            long bareNanos = timedTrip(http, bare);
            if (i >= warmup) {
                viaHandler[i - warmup] = handlerNanos;
                bareTrip[i - warmup] = bareNanos;
            }
        }
        Arrays.sort(viaHandler);
        Arrays.sort(bareTrip);
        return new Result(viaHandler, bareTrip);
    }

    /**
     * Nanoseconds of one lookup through {@code handler}, its answer written to {@code out}; fails unless the stand-in's
     * caller was found ENROLLED (checked after the clock stops).
     */
    static long timedLookup(NomidioActionHandler handler, byte[] event, ByteArrayOutputStream out) throws IOException {
        // Each invocation gets Connect's 8 s afresh, as in Lambda.
        LocalLambdaContext context = new LocalLambdaContext("nomidioAction", CONNECT_REMAINING_MS);
        long started = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        long nanos = System.nanoTime() - started;
        if (!out.toString().contains("\"nomidio_status\":\"ENROLLED\"")) {
            throw new IllegalStateException("the handler did not answer ENROLLED: " + out);
        }
        return nanos;
    }

    /** Nanoseconds of one bare round trip of {@code request}; fails unless the stand-in answered 200. */
    static long timedTrip(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return nanos;
    }

    /** The identify request the handler's lookup sends, as a bare request to the same stand-in. */
    static HttpRequest bareIdentify() {
        return HttpRequest.newBuilder(URI.create(System.getenv("NOMIDIO_GATEWAY_URL") + "/v1/identities/search"))
                .header("Authorization", "Bearer bench-token")
                .header("X-Supplier-Code", System.getenv("NOMIDIO_SUPPLIER_CODE"))
                .header("X-Enterprise-Code", System.getenv("NOMIDIO_ENTERPRISE_CODE"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"+447700900123\"}"))
                .build();
    }

    private static void row(String name, long[] sorted) {
        System.err.printf(Locale.ROOT, "%-26s %8.0f %8.0f %8.0f%n", name,
                micros(percentile(sorted, 50)), micros(percentile(sorted, 90)), micros(percentile(sorted, 99)));
    }

    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
