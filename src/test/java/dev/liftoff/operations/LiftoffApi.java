package dev.liftoff.operations;

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

/**
 * A node's REST API over real HTTP, as CI, approvers and operators call it: HTTP Basic with a demo
 * user (password = user id). A node that does not answer (killed, or not up yet) is
 * {@link Unreachable}, which callers may wait out; every answer, whatever its status, is returned.
 */
final class LiftoffApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** the node did not answer: connection refused or broken off, or no answer in time */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LiftoffApi(String base) {
        this.base = base;
    }

    LiftoffApi(LiftoffNode node) {
        this(node.url());
    }

    String base() {
        return base;
    }

    Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String user, String path, Object body) {
        try {
            return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** a GET whose answer must be 200 with JSON */
    JsonNode json(String user, String path) {
        Reply reply = get(user, path);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " as " + user + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(String user, HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest built = request.header("Authorization", "Basic " + credentials).timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new Unreachable(built.method() + " " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }
}
