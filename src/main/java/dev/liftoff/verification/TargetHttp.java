package dev.liftoff.verification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
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
 */
final class TargetHttp {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Duration timeout;

    TargetHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // one plain request per check: no h2c upgrade that some servers mishandle
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    TargetOutcome get(URI baseUrl, String path) {
        return send(baseUrl, "GET", path, Map.of(), null);
    }

    /** @throws IllegalArgumentException when {@code path} would leave the environment's base URL */
    TargetOutcome send(URI baseUrl, String method, String path, Map<String, String> headers, String body) {
        HttpRequest request = request(resolve(baseUrl, path), method, headers, body);
        long start = System.nanoTime();
        TargetOutcome outcome = attempt(request);
        if (outcome instanceof Unreachable) {
            outcome = attempt(request);
        }
        return outcome instanceof Unreachable unreachable
                ? new Unreachable(unreachable.reason(), millisSince(start))
                : outcome;
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
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
            return new TargetResponse(response.statusCode(), response.headers().map(), response.body(), millisSince(start));
        } catch (IOException e) {
            return new Unreachable(reason(e), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    private String reason(IOException failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + Durations.readable(timeout);
        }
        String message = deepestMessage(failure);
        if (failure instanceof ConnectException) {
            if (failure.getCause() instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            // the JDK client reports a refused connection as a ConnectException without a message
            return message == null ? "connection refused" : message.toLowerCase(Locale.ROOT);
        }
        return "connection failed: " + (message == null ? failure.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT));
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            message = t.getMessage() == null ? message : t.getMessage();
        }
        return message;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
