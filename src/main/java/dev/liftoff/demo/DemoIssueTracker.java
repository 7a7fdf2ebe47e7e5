package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The demo's issue tracker: the part of GitHub's REST API that Liftoff's GitHub sink uses
 * ({@code GET} and {@code POST /repos/{owner}/{repo}/issues}, bearer token), served under
 * {@code /github} on the demo deployer's port, so that release incidents file real issues in the
 * demo. {@code GET} without a token is allowed, so that a newcomer can read the issues with curl.
 */
final class DemoIssueTracker implements HttpHandler {

    static final String PREFIX = "/github";
    private static final Pattern ISSUES = Pattern.compile(PREFIX + "/repos/([^/]+)/([^/]+)/issues");

    private final byte[] expectedAuthorization;
    private final List<Map<String, Object>> issues = new CopyOnWriteArrayList<>();

    DemoIssueTracker(String token) {
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonExchange.send(exchange, answer(exchange));
        }
    }

    private JsonReply answer(HttpExchange exchange) throws IOException {
        Matcher path = ISSUES.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return JsonReply.error(404, "not found: the demo tracker serves " + PREFIX + "/repos/{owner}/{repo}/issues");
        }
        String repository = path.group(1) + "/" + path.group(2);
        try {
            return switch (exchange.getRequestMethod()) {
                case "GET" -> JsonReply.ok(issuesOf(repository, label(exchange.getRequestURI())));
                case "POST" -> create(exchange, repository);
                default -> JsonReply.error(405, "GET or POST");
            };
        } catch (RequestRejected e) {
            return e.reply();
        }
    }

    private JsonReply create(HttpExchange exchange, String repository) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new RequestRejected(401, "Bad credentials");
        }
        JsonNode request = JsonExchange.readObject(exchange);
        if (!request.path("title").isTextual() || request.path("title").asText().isBlank()) {
            throw new RequestRejected(422, "title is required");
        }
        int number = issues.size() + 1;
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("repository", repository);
        issue.put("number", number);
        issue.put("html_url", "http://" + exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort()
                + PREFIX + "/" + repository + "/issues/" + number);
        issue.put("title", request.path("title").asText());
        issue.put("body", request.path("body").asText(""));
        issue.put("labels", StreamSupport.stream(request.path("labels").spliterator(), false)
                .map(label -> Map.of("name", label.asText())).toList());
        issue.put("state", "open");
        issue.put("created_at", Instant.now().toString());
        issues.add(issue);
        return new JsonReply(201, issue);
    }

    private List<Map<String, Object>> issuesOf(String repository, String label) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = issues.size() - 1; i >= 0; i--) { // newest first, as GitHub lists them
            Map<String, Object> issue = issues.get(i);
            if (issue.get("repository").equals(repository) && (label == null || hasLabel(issue, label))) {
                found.add(issue);
            }
        }
        return found;
    }

    private static boolean hasLabel(Map<String, Object> issue, String label) {
        return ((List<?>) issue.get("labels")).stream().anyMatch(named -> ((Map<?, ?>) named).get("name").equals(label));
    }

    private static String label(URI uri) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("labels=")) {
                return java.net.URLDecoder.decode(pair.substring("labels=".length()), StandardCharsets.UTF_8).split(",")[0];
            }
        }
        return null;
    }
}
