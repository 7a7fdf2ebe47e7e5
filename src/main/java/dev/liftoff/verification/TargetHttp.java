package dev.liftoff.verification;

import dev.liftoff.config.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends Liftoff's requests to an environment, and only there: a configured path is resolved on
 * the environment's base URL and refused when it would lead anywhere else; redirects are not
 * followed for the same reason. A connection that fails is tried once more, so that one dropped
 * connection does not fail a release, and then reported as {@link Unreachable}. (The JDK client
 * on its own also repeats a GET or HEAD once when the connection closes before any response.)
 * Every attempt waits for the rate limiter first, and a body is read only up to {@link CappedBody#LIMIT}.
 */
final class TargetHttp {

    private final HttpClient client;
    private final Duration timeout;
    private final RateLimiter limiter;

    /**
     * @param timeout how long one attempt may take, from sending to reading the whole body
     * @param http2 offer HTTP/2 (h2c upgrade or ALPN, falling back to HTTP/1.1); else HTTP/1.1 only
     */
    TargetHttp(Duration timeout, boolean http2) {
        this(HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                // responses are handled on the client's own thread: no hand-over to a pool that would
                // add Liftoff's scheduling to every measured latency (the body handler never blocks)
                .executor(Runnable::run)
                .build(), timeout, RateLimiter.unlimited());
    }

    private TargetHttp(HttpClient client, Duration timeout, RateLimiter limiter) {
        this.client = client;
        this.timeout = timeout;
        this.limiter = limiter;
    }

    /** the same client (and its connections), with every attempt waiting for {@code limiter} */
    TargetHttp pacedBy(RateLimiter limiter) {
        return new TargetHttp(client, timeout, limiter);
    }

    TargetOutcome get(URI baseUrl, String path) {
        return send(baseUrl, "GET", path, Map.of(), null);
    }

    /** @throws IllegalArgumentException when {@code path} would leave the environment's base URL */
    TargetOutcome send(URI baseUrl, String method, String path, Map<String, String> headers, String body) {
        HttpRequest request = request(resolve(baseUrl, path), method, headers, body);
        TargetOutcome outcome = attempt(request);
        if (outcome instanceof Unreachable first) {
            outcome = attempt(request);
            if (outcome instanceof Unreachable second) {
                return new Unreachable(second.reason(), first.latencyMicros() + second.latencyMicros());
            }
        }
        return outcome;
    }

    /**
     * The URL of {@code path} under {@code baseUrl} (a base path such as {@code /study} is kept).
     *
     * @throws IllegalArgumentException when the result would not be on the base URL's scheme,
     *     host and port, or not under its path
     */
    static URI resolve(URI baseUrl, String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw leaves(baseUrl, path);
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath + path).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid URL path: " + e.getMessage(), e);
        }
        boolean sameOrigin = baseUrl.getScheme().equalsIgnoreCase(uri.getScheme())
                && baseUrl.getRawAuthority().equals(uri.getRawAuthority());
        boolean underBasePath = uri.getRawPath().equals(basePath) || uri.getRawPath().startsWith(basePath + "/");
        // encoded dot segments (%2e%2e) are decoded by many servers: refuse them as well
        boolean dotSegments = Arrays.stream(uri.getPath().split("/")).anyMatch(s -> s.equals("..") || s.equals("."));
        if (!sameOrigin || !underBasePath || dotSegments) {
            throw leaves(baseUrl, path);
        }
        return uri;
    }

    private static IllegalArgumentException leaves(URI baseUrl, String path) {
        return new IllegalArgumentException("'" + path + "' is not a path under " + baseUrl
                + ": checks stay on the environment's base URL");
    }

    private HttpRequest request(URI uri, String method, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        // smoke request bodies are JSON unless the check says otherwise
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private TargetOutcome attempt(HttpRequest request) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
        long start = System.nanoTime();
        try {
            // send, not sendAsync: the JDK client hands every sendAsync exchange and its result through
            // the common pool, which adds more than half a millisecond of Liftoff's own scheduling to
            // each measured latency (measured against a 10 ms endpoint); the clock stops inside the
            // body subscriber as the last byte arrives, not when this thread wakes up
            HttpResponse<CappedBody> response = client.send(request, CappedBody.handler(start + timeout.toNanos()));
            CappedBody body = response.body();
            return new TargetResponse(response.statusCode(), response.headers().map(), body.text(), body.cut(),
                    micros(body.completedNanos() - start));
        } catch (IOException e) {
            return new Unreachable(reason(e), microsSince(start));
        } catch (InterruptedException e) {
            // the verification gave up on this request (its deadline passed)
            throw interrupted(request, e);
        }
    }

    private static IllegalStateException interrupted(HttpRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while calling " + request.uri(), e);
    }

    private String timedOut() {
        return "timed out after " + Durations.readable(timeout);
    }

    /** why no response came, from whatever the client failed with (anything the environment caused) */
    private String reason(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return timedOut();
        }
        String message = deepestMessage(failure);
        if (failure instanceof ConnectException) {
            if (causedBy(failure, UnresolvedAddressException.class)) {
                return "unknown host";
            }
            // the JDK client reports a refused connection as a ConnectException without a message
            return message == null ? "connection refused" : message.toLowerCase(Locale.ROOT);
        }
        return "connection failed: " + (message == null ? failure.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            message = t.getMessage() == null ? message : t.getMessage();
        }
        return message;
    }

    private static long microsSince(long startNanos) {
        return micros(System.nanoTime() - startNanos);
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
