package dev.liftoff.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.DeployTargetConfig;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deploys by POSTing the release as JSON to a URL; any 2xx answer means accepted. Sends the
 * idempotency key as {@code Idempotency-Key} so the receiver can drop a retried request.
 */
public class WebhookDeployTarget implements DeployTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeployTargetConfig.Webhook config;
    private final Optional<String> bearerToken;
    private final HttpClient http;
    private final String label;

    /**
     * @param bearerToken sent as {@code Authorization: Bearer}; kept out of messages and receipts
     * @param http a client that does not follow redirects, shared between targets
     */
    public WebhookDeployTarget(DeployTargetConfig.Webhook config, Optional<String> bearerToken, HttpClient http) {
        this.config = config;
        this.bearerToken = bearerToken;
        this.http = http;
        this.label = "webhook " + config.url();
    }

    @Override
    public DeployReceipt deploy(DeployRequest request) {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(httpRequest(request));
        String excerpt = Excerpt.head(response.body());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new DeployFailedException(Excerpt.withExcerpt(label + " answered " + status, excerpt));
        }
        return new DeployReceipt(label, status, excerpt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private HttpRequest httpRequest(DeployRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
        bearerToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder.build();
    }

    private static byte[] body(DeployRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", request.service());
        body.put("environment", request.environment());
        body.put("version", request.version());
        body.put("commitSha", request.commitSha());
        if (request.slot() != null) {
            body.put("slot", request.slot());
        }
        if (request.weight() != null) {
            body.put("weight", request.weight());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /**
     * The request timeout bounds the wait for the answer to begin; the deadline here also bounds
     * a body that trickles in.
     */
    private HttpResponse<byte[]> send(HttpRequest httpRequest) {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw notInTime(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw notInTime(cause);
            }
            if (cause instanceof ConnectException) {
                throw new DeployFailedException(label + " could not be reached: " + whyUnreachable(cause), cause);
            }
            throw new DeployFailedException(label + " broke off the exchange: " + describe(cause), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeployFailedException(label + " was interrupted before it answered", e);
        }
    }

    private DeployFailedException notInTime(Throwable cause) {
        return new DeployFailedException(label + " did not answer within " + config.timeout(), cause);
    }

    /** The HTTP client's own connect failures carry no message; their cause tells what happened. */
    private String whyUnreachable(Throwable connectFailure) {
        Throwable root = connectFailure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof UnresolvedAddressException
                ? "the host name " + config.url().getHost() + " does not resolve"
                : "nothing accepted the connection";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
