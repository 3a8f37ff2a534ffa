package com.nomidio.connect.deployment.entrypoints;

import com.nomidio.connect.time.Deadline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP client Powertools' {@code AbstractCustomResourceHandler} PUTs CloudFormation's answer with: AWS's
 * url-connection client, retried until the answer is accepted or the function's time runs out. Powertools itself
 * sends once and takes any HTTP status as delivered; through this client a connection failure, a 5xx or a 429 is
 * retried with doubling backoff, and an answer that never got a 2xx ends in an {@link IOException} — the one failure
 * Powertools hands to {@code onSendFailure}. The pre-signed URL is a credential (anyone holding it can answer for
 * the stack): this class logs only its host.
 */
final class ResponseUrlClient implements SdkHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlClient.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** One attempt never waits longer than this for the connection or the answer. */
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(10);
    /** The first attempt gets at least this, however late it is: an answer that may still land beats none. */
    static final Duration MIN_FIRST_ATTEMPT = Duration.ofSeconds(2);

    /** Opens each connection through {@link #openConnection}, so every attempt gets the time it may take. */
    private final SdkHttpClient urlConnection = UrlConnectionHttpClient.create(this::openConnection);
    /**
     * When the answer must be delivered by: the handler sets it at the start of each request (Powertools calls
     * create, update or delete, then this client, on the same thread), and the send consumes it, so a request that
     * never set one (an unknown request type, which Powertools answers without asking the handler) gets one attempt
     * rather than an old invocation's deadline.
     */
    private volatile Deadline deadline;
    /** The running attempt's connect and read timeout, read by {@link #openConnection}. */
    private volatile Duration attemptTimeout = MAX_ATTEMPT;

    /** The next answer's delivery may retry until {@code deadline}. */
    void deliverBefore(Deadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return send(request);
            }

            @Override
            public void abort() {
                // Powertools never aborts; an attempt in flight ends at its timeout.
            }
        };
    }

    /**
     * Sends {@code request} until CloudFormation's store accepts it (2xx). Retries connection failures, 5xx and 429
     * while the deadline allows; a 4xx other than 429 (an expired or altered URL) cannot get better and ends the
     * attempts.
     */
    private HttpExecuteResponse send(HttpExecuteRequest request) throws IOException {
        Deadline until = deadline != null ? deadline : Deadline.after(Duration.ZERO);
        deadline = null;
        SdkHttpRequest httpRequest = request.httpRequest();
        String host = httpRequest.host();
        // Powertools hands over one stream (its provider returns the same one each time): keep the bytes to resend.
        byte[] body = request.contentStreamProvider().isPresent()
                ? readAll(request.contentStreamProvider().get().newStream()) : null;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration left = until.remaining();
            Duration timeout = left.compareTo(MAX_ATTEMPT) < 0 ? left : MAX_ATTEMPT;
            attemptTimeout = attempt == 1 && timeout.compareTo(MIN_FIRST_ATTEMPT) < 0 ? MIN_FIRST_ATTEMPT : timeout;
            String outcome;
            try {
                HttpExecuteResponse response = urlConnection.prepareRequest(HttpExecuteRequest.builder()
                        .request(httpRequest)
                        .contentStreamProvider(body == null ? null : () -> new ByteArrayInputStream(body))
                        .build()).call();
                int status = response.httpResponse().statusCode();
                // Read the answer to the end so the connection can be reused; Powertools never reads it.
                response.responseBody().ifPresent(ResponseUrlClient::drain);
                if (status / 100 == 2) {
                    LOG.atInfo().addKeyValue("responseHost", host).addKeyValue("attempt", attempt)
                            .log("CloudFormation received the answer");
                    return HttpExecuteResponse.builder().response(response.httpResponse()).build();
                }
                outcome = "HTTP " + status;
                if (status / 100 == 4 && status != 429) {
                    LOG.atError().addKeyValue("responseHost", host).addKeyValue("attempt", attempt)
                            .addKeyValue("status", status).log("CloudFormation refused the answer; not retrying");
                    throw new UndeliveredException("CloudFormation refused the answer (" + outcome + ")");
                }
            } catch (UndeliveredException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            if (until.remaining().compareTo(backoff) <= 0) {
                LOG.atError().addKeyValue("responseHost", host).addKeyValue("attempt", attempt)
                        .addKeyValue("outcome", outcome).log("Could not deliver the answer to CloudFormation in time");
                throw new UndeliveredException("No attempt delivered the answer in time (last: " + outcome + ")");
            }
            LOG.atWarn().addKeyValue("responseHost", host).addKeyValue("attempt", attempt)
                    .addKeyValue("outcome", outcome).addKeyValue("retryInMs", backoff.toMillis())
                    .log("Sending the answer to CloudFormation failed; retrying");
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted before the answer was delivered");
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /**
     * The url-connection client's connection factory. A custom factory replaces the client's own timeouts, so each
     * connection gets the running attempt's, bounded by the function's deadline.
     */
    private HttpURLConnection openConnection(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            int millis = (int) Math.max(1, attemptTimeout.toMillis());
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            // The pre-signed URL signs no Content-Type. Powertools gives the header no value, which the client
            // skips, and HttpURLConnection would then send a form type: send it empty, as AWS's cfn-response does.
            connection.setRequestProperty("Content-Type", "");
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The status is what counts; an unreadable answer body changes nothing.
        }
    }

    @Override
    public void close() {
        urlConnection.close();
    }

    /** The answer did not reach CloudFormation; the message names the last outcome and never the URL. */
    static final class UndeliveredException extends IOException {
        UndeliveredException(String message) {
            super(message);
        }
    }
}
