package com.nomidio.connect.deployment.entrypoints;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.deployment.resources.CustomResourceResponse;
import com.nomidio.connect.json.Json;
import com.nomidio.connect.time.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUTs the answer to CloudFormation's pre-signed ResponseURL, retrying with backoff until it is accepted or the
 * deadline comes. Replaces Powertools' sender, which sends once, takes any HTTP status as delivered and logs the
 * URL on failure: the URL is a credential (anyone holding it can answer for the stack), so it is never logged —
 * only its host.
 *
 * <p>The body has the fields CloudFormation reads (Status, Reason, PhysicalResourceId, StackId, RequestId,
 * LogicalResourceId, NoEcho, Data); the Reason defaults to the log stream, as Powertools' did.
 */
final class ResponseUrlSender {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlSender.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** One attempt never waits longer than this for the connection or the answer. */
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(10);
    /** The first attempt gets at least this, however late it is: an answer that may still land beats none. */
    static final Duration MIN_FIRST_ATTEMPT = Duration.ofSeconds(2);

    /** The body CloudFormation expects, as a string. */
    static String body(CloudFormationCustomResourceEvent event, CustomResourceResponse response, String logStreamName) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("Status", response.getStatus().name());
        body.put("Reason", response.getReason() == null || response.getReason().isBlank()
                ? "See the details in CloudWatch Log Stream: " + logStreamName : response.getReason());
        body.put("PhysicalResourceId", response.getPhysicalResourceId() != null ? response.getPhysicalResourceId()
                : event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : logStreamName);
        body.put("StackId", event.getStackId());
        body.put("RequestId", event.getRequestId());
        body.put("LogicalResourceId", event.getLogicalResourceId());
        body.put("NoEcho", response.isNoEcho());
        body.set("Data", response.data() == null ? null : Json.mapper().valueToTree(response.data()));
        return body.toString();
    }

    /**
     * Sends {@code body}; true when CloudFormation's store accepted it (2xx). Retries connection failures, 5xx and
     * 429 with doubling backoff while {@code deadline} allows; a 4xx other than 429 (an expired or altered URL)
     * cannot get better and ends the attempts.
     */
    static boolean send(String responseUrl, String body, Deadline deadline) {
        URI uri = URI.create(responseUrl);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Duration left = deadline.remaining();
            Duration timeout = left.compareTo(MAX_ATTEMPT) < 0 ? left : MAX_ATTEMPT;
            if (attempt == 1 && timeout.compareTo(MIN_FIRST_ATTEMPT) < 0) {
                timeout = MIN_FIRST_ATTEMPT;
            }
            String outcome;
            try {
                int status = put(uri, bytes, timeout);
                if (status / 100 == 2) {
                    LOG.atInfo().addKeyValue("responseHost", uri.getHost()).addKeyValue("attempt", attempt)
                            .log("CloudFormation received the answer");
                    return true;
                }
                outcome = "HTTP " + status;
                if (status / 100 == 4 && status != 429) {
                    LOG.atError().addKeyValue("responseHost", uri.getHost()).addKeyValue("attempt", attempt)
                            .addKeyValue("status", status).log("CloudFormation refused the answer; not retrying");
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            if (deadline.remaining().compareTo(backoff) <= 0) {
                LOG.atError().addKeyValue("responseHost", uri.getHost()).addKeyValue("attempt", attempt)
                        .addKeyValue("outcome", outcome).log("Could not deliver the answer to CloudFormation in time");
                return false;
            }
            LOG.atWarn().addKeyValue("responseHost", uri.getHost()).addKeyValue("attempt", attempt)
                    .addKeyValue("outcome", outcome).addKeyValue("retryInMs", backoff.toMillis())
                    .log("Sending the answer to CloudFormation failed; retrying");
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static int put(URI uri, byte[] body, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            int millis = (int) Math.max(1, timeout.toMillis());
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            // The pre-signed URL signs no Content-Type; send none, as AWS's own cfn-response does.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            (status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream() == null
                    ? java.io.InputStream.nullInputStream() : connection.getErrorStream()).readAllBytes();
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
