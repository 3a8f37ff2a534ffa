package com.nomidio.connect.testkit.kvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.testkit.http.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kinesis Video Streams over real HTTP on loopback: GetDataEndpoint answers with this server's own address, and
 * GetMedia streams fixture fragments (video/webm, chunked) from where the request's StartSelector says, with
 * the semantics of the API reference: FRAGMENT_NUMBER starts with the fragment <em>after</em> AfterFragmentNumber
 * (or, set {@link #fragmentNumberInclusive}, with it), PRODUCER_/SERVER_TIMESTAMP with the fragment that contains
 * StartTimestamp on that clock.
 */
public final class FakeKinesisVideo extends LocalHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile List<ServedFragment> fragments;
    private volatile LiveStream live;
    private final List<JsonNode> dataEndpointRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> mediaRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final List<Long> fragmentSentNanos = new CopyOnWriteArrayList<>();
    private volatile boolean fragmentNumberInclusive;
    private volatile long paceMillis;
    private volatile int mediaStatus = 200;
    private volatile int dataEndpointStatus = 200;
    private volatile long dataEndpointDelayMillis;
    private volatile long mediaOpenDelayMillis;
    private volatile int breakAfterFragments = -1;
    private volatile boolean staysLive;
    private volatile boolean clientWentAway;

    public FakeKinesisVideo(List<ServedFragment> fragments) {
        this.fragments = List.copyOf(fragments);
    }

    /**
     * Serves {@code served} from now on (a live stream whose content is known only once a call starts
     * streaming, as in the contact simulator).
     */
    public FakeKinesisVideo serve(List<ServedFragment> served) {
        this.fragments = List.copyOf(served);
        this.live = null;
        return this;
    }

    /**
     * Serves a stream whose fragments appear over time, as a producer makes them: GetMedia sends what the stream
     * has made of each fragment as it makes it ({@link LiveStream#write}), and ends when the stream ends.
     */
    public FakeKinesisVideo serve(LiveStream stream) {
        this.live = stream;
        this.fragments = List.of();
        return this;
    }

    /** A stream being produced while it is read (Connect filling a contact's stream during the call). */
    public interface LiveStream {

        /**
         * Every fragment the stream holds or may yet hold, in order, for the start selectors: number and producer
         * and server times (the bytes are not read from here).
         */
        List<ServedFragment> index();

        /** Fragment {@code index}'s bytes once it is complete, waiting until then; null when the stream ended first. */
        byte[] await(int index) throws InterruptedException;

        /**
         * Writes fragment {@code index} to GetMedia's response as the stream makes it, flushing as it goes; false
         * when the stream ended before the fragment began. By default the whole fragment once it is complete ({@link
         * #await}); a stream that relays frames as they are produced, as GetMedia does from KVS's in-memory buffer,
         * writes them as they come.
         */
        default boolean write(int index, OutputStream out) throws IOException, InterruptedException {
            byte[] bytes = await(index);
            if (bytes == null) {
                return false;
            }
            out.write(bytes);
            out.flush();
            return true;
        }
    }

    public FakeKinesisVideo fragmentNumberInclusive(boolean inclusive) {
        this.fragmentNumberInclusive = inclusive;
        return this;
    }

    /** Sends one fragment every {@code millis}, like a live stream. */
    public FakeKinesisVideo pace(long millis) {
        this.paceMillis = millis;
        return this;
    }

    /** GetMedia answers with this status and an AWS JSON error instead of media. */
    public FakeKinesisVideo failMedia(int status) {
        this.mediaStatus = status;
        return this;
    }

    /** GetDataEndpoint answers with this status and an AWS JSON error (500: KVS having a bad moment). */
    public FakeKinesisVideo failDataEndpoint(int status) {
        this.dataEndpointStatus = status;
        return this;
    }

    /** GetDataEndpoint answers only after {@code millis} (Long.MAX_VALUE: never, until the client gives up). */
    public FakeKinesisVideo delayDataEndpoint(long millis) {
        this.dataEndpointDelayMillis = millis;
        return this;
    }

    /** GetMedia sends its response headers only after {@code millis} (Long.MAX_VALUE: never). */
    public FakeKinesisVideo delayMediaOpen(long millis) {
        this.mediaOpenDelayMillis = millis;
        return this;
    }

    /**
     * GetMedia sends {@code fragments} fragments and half the next, then this fake stops serving and drops every
     * connection: the read fails mid-stream with an I/O error, as when the connection to KVS breaks. Nothing is
     * served afterwards.
     */
    public FakeKinesisVideo breakAfter(int fragments) {
        this.breakAfterFragments = fragments;
        return this;
    }

    /** GetMedia keeps the stream open after the last fragment, as a live stream does, until the client goes. */
    public FakeKinesisVideo staysLive() {
        this.staysLive = true;
        return this;
    }

    public List<JsonNode> dataEndpointRequests() {
        return dataEndpointRequests;
    }

    public List<JsonNode> mediaRequests() {
        return mediaRequests;
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public long totalBytes() {
        return this.fragments.stream().mapToLong(f -> f.bytes().length).sum();
    }

    /** System.nanoTime() when each served fragment's last byte was flushed. */
    public List<Long> fragmentSentNanos() {
        return fragmentSentNanos;
    }

    public boolean clientWentAway() {
        return clientWentAway;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/getDataEndpoint" -> dataEndpoint(exchange);
            case "/getMedia" -> media(exchange);
            default -> respond(exchange, 404, "application/json",
                    JSON.createObjectNode().put("message", "not a KVS operation this fake serves").toString());
        }
    }

    private void dataEndpoint(HttpExchange exchange) throws IOException {
        dataEndpointRequests.add(JSON.readTree(exchange.getRequestBody()));
        if (!waitFor(dataEndpointDelayMillis)) {
            return;
        }
        if (dataEndpointStatus != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ClientLimitExceededException:");
            respond(exchange, dataEndpointStatus, "application/json",
                    JSON.createObjectNode().put("message", "GetDataEndpoint failed").toString());
            return;
        }
        respond(exchange, 200, "application/json",
                JSON.createObjectNode().put("DataEndpoint", endpoint().toString()).toString());
    }

    private void media(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        mediaRequests.add(request);
        if (mediaStatus != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException:");
            respond(exchange, mediaStatus, "application/json",
                    JSON.createObjectNode().put("message", "Stream not found").toString());
            return;
        }
        if (!waitFor(mediaOpenDelayMillis)) {
            return;
        }
        LiveStream liveStream = this.live;
        List<ServedFragment> fragments = liveStream != null ? liveStream.index() : this.fragments;
        int start = startIndex(fragments, request.path("StartSelector"));
        int breakAt = breakAfterFragments < 0 ? -1 : Math.min(fragments.size() - 1, start + breakAfterFragments);
        exchange.getResponseHeaders().add("Content-Type", "video/webm");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = start; i < fragments.size(); i++) {
                if (paceMillis > 0 && i > start) {
                    Thread.sleep(paceMillis);
                }
                if (liveStream != null && i != breakAt) {
                    CountingOutputStream counted = new CountingOutputStream(out);
                    if (!liveStream.write(i, counted)) {
                        break; // the producer stopped before this fragment
                    }
                    bytesSent.addAndGet(counted.count);
                    fragmentSentNanos.add(System.nanoTime());
                    continue;
                }
                byte[] bytes = liveStream != null ? liveStream.await(i) : fragments.get(i).bytes();
                if (bytes == null) {
                    break; // the producer stopped before this fragment
                }
                if (i == breakAt) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    // The JDK server has no way to reset one exchange: stopping it closes the connection mid-body.
                    exchange.getHttpContext().getServer().stop(0);
                    return;
                }
                out.write(bytes);
                out.flush();
                bytesSent.addAndGet(bytes.length);
                fragmentSentNanos.add(System.nanoTime());
            }
            if (staysLive) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (IOException e) {
            if (breakAt >= 0) {
                return; // the break this fake was asked for, not the client's doing
            }
            clientWentAway = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts what a live stream writes, for {@link #bytesSent()}. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** Sleeps {@code millis}; false when the server is closing meanwhile (then nothing more is sent). */
    private static boolean waitFor(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int startIndex(List<ServedFragment> fragments, JsonNode selector) {
        String type = selector.path("StartSelectorType").asText();
        switch (type) {
            case "FRAGMENT_NUMBER" -> {
                String after = selector.path("AfterFragmentNumber").asText();
                for (int i = 0; i < fragments.size(); i++) {
                    if (fragments.get(i).number().equals(after)) {
                        return fragmentNumberInclusive ? i : i + 1;
                    }
                }
                return fragments.size();
            }
            case "PRODUCER_TIMESTAMP", "SERVER_TIMESTAMP" -> {
                long at = new BigDecimal(selector.path("StartTimestamp").asText()).movePointRight(3).longValue();
                boolean producer = type.startsWith("PRODUCER");
                int index = 0;
                for (int i = 0; i < fragments.size(); i++) {
                    long fragmentStart = producer ? fragments.get(i).producerMillis() : fragments.get(i).serverMillis();
                    if (fragmentStart <= at) {
                        index = i;
                    }
                }
                return index;
            }
            case "NOW" -> {
                return fragments.size();
            }
            default -> {
                return 0;
            }
        }
    }}
