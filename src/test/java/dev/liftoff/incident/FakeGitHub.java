package dev.liftoff.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * GitHub's issues endpoints of one repository on a loopback port: list (filtered by label) and
 * create. It can fail the way GitHub does: a 502 before creating, or after creating (the answer is
 * lost, the issue exists), or a fixed status for every request.
 */
public final class FakeGitHub implements AutoCloseable {

    public record Received(String method, String path, String query, Headers headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final String repository;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> issues = new CopyOnWriteArrayList<>();
    private volatile int failNextCreatesBefore;
    private volatile int failNextCreatesAfter;
    private volatile int everyRequestStatus;

    public FakeGitHub(String repository) throws IOException {
        this.repository = repository;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** for a static field: started, or the test class fails to load with the reason */
    public static FakeGitHub startQuietly(String repository) {
        try {
            return new FakeGitHub(repository);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the fake GitHub could not start", e);
        }
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3");
    }

    /** the next create answers 502 without creating anything */
    public void failNextCreateBeforeCreating() {
        failNextCreatesBefore++;
    }

    /** the next create files the issue, then answers 502: the caller never learns it worked */
    public void failNextCreateAfterCreating() {
        failNextCreatesAfter++;
    }

    /** every request answers this status with a GitHub-like error body; 0 = behave */
    public void answerEveryRequestWith(int status) {
        everyRequestStatus = status;
    }

    /** what somebody does in GitHub's web page: takes every label off an issue */
    public void removeLabels(int number) {
        issues.stream().filter(issue -> issue.path("number").asInt() == number).forEach(issue -> issue.putArray("labels"));
    }

    public List<ObjectNode> issues() {
        return issues;
    }

    public List<Received> received() {
        return received;
    }

    public long creates() {
        return received.stream().filter(r -> r.method().equals("POST")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body));
        if (everyRequestStatus != 0) {
            answer(exchange, everyRequestStatus, "{\"message\":\"Bad credentials or whatever GitHub says\"}");
            return;
        }
        if (!uri.getPath().equals("/api/v3/repos/" + repository + "/issues")) {
            answer(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> answer(exchange, 200, JSON.writeValueAsString(list(query(uri.getRawQuery()).get("labels"))));
            case "POST" -> create(exchange, body);
            default -> answer(exchange, 405, "{}");
        }
    }

    private synchronized void create(HttpExchange exchange, String body) throws IOException {
        if (failNextCreatesBefore > 0) {
            failNextCreatesBefore--;
            answer(exchange, 502, "<html>Bad gateway</html>");
            return;
        }
        JsonNode request = JSON.readTree(body);
        int number = issues.size() + 1;
        ObjectNode issue = JSON.createObjectNode();
        issue.put("number", number);
        issue.put("html_url", "https://github.example.com/" + repository + "/issues/" + number);
        issue.put("title", request.path("title").asText());
        issue.put("body", request.path("body").asText());
        ArrayNode labels = issue.putArray("labels");
        request.path("labels").forEach(label -> labels.addObject().put("name", label.asText()));
        issues.add(issue);
        if (failNextCreatesAfter > 0) {
            failNextCreatesAfter--;
            answer(exchange, 502, "<html>Bad gateway</html>");
            return;
        }
        answer(exchange, 201, JSON.writeValueAsString(issue));
    }

    /** newest first, like GitHub's default order */
    private ArrayNode list(String label) {
        ArrayNode page = JSON.createArrayNode();
        List<ObjectNode> newestFirst = new ArrayList<>(issues);
        java.util.Collections.reverse(newestFirst);
        for (ObjectNode issue : newestFirst) {
            boolean labelled = false;
            for (JsonNode l : issue.path("labels")) {
                labelled |= l.path("name").asText().equals(label);
            }
            if (label == null || labelled) {
                page.add(issue);
            }
        }
        return page;
    }

    private static Map<String, String> query(String raw) {
        if (raw == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> b));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
