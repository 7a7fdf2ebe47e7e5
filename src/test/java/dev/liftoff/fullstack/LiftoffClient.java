package dev.liftoff.fullstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/** Talks to a running Liftoff over real HTTP, as CI and approvers do. */
final class LiftoffClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        /** the first value of a response header, or null */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LiftoffClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String user, String path, Object body) {
        try {
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Reply delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** a GET with an Accept header */
    Reply get(String user, String path, String accept) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    /** a POST of a body as it is, with that content type (none when null) */
    Reply postRaw(String user, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(user, request);
    }

    /** a GET with any password (a wrong one locks the user for a few seconds) */
    Reply getWithPassword(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET(), Duration.ofSeconds(30));
    }

    /** a GET that may take long to answer (a long-poll) */
    Reply getSlowly(String user, String path, Duration timeout) {
        return send(user, user, HttpRequest.newBuilder(URI.create(base + path)).GET(), timeout);
    }

    private Reply send(String user, HttpRequest.Builder request) {
        // demo users' password is their user id
        return send(user, user, request, Duration.ofSeconds(30));
    }

    private Reply send(String user, String password, HttpRequest.Builder request, Duration timeout) {
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        return await(() -> what, timeout, probe);
    }

    /** @param what described when the wait times out, so that it can say how things stand then */
    static <T> T await(Supplier<String> what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
    }
}
