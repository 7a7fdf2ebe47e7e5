package dev.liftoff.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.IncidentsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files incident issues in one GitHub repository through the REST API. GitHub takes no
 * idempotency key, so every issue carries a hidden marker with the incident's id and is looked
 * up before it is created: a retry after a lost answer finds the issue instead of filing it twice.
 */
public class GitHubIssues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    private final IncidentsConfig.GitHub config;
    private final String token;
    private final HttpClient http;

    /** @param token sent as {@code Authorization: Bearer}; never in messages */
    public GitHubIssues(IncidentsConfig.GitHub config, String token, HttpClient http) {
        this.config = config;
        this.token = token;
        this.http = http;
    }

    public static String marker(String incidentId) {
        return "<!-- liftoff-incident: " + incidentId + " -->";
    }

    /** the incident's issue: the one already filed for it, else a new one */
    public TrackerIssue fileOnce(String incidentId, String title, String body, List<String> labels) {
        String marker = marker(incidentId);
        return find(marker).orElseGet(() -> create(title, body + "\n\n" + marker, labels));
    }

    private Optional<TrackerIssue> find(String marker) {
        // newest first: an issue filed moments ago by a lost attempt is on the first page; first among
        // those with Liftoff's label, then among all, in case somebody took the label off meanwhile
        String newest = "?state=all&per_page=100&sort=created&direction=desc";
        return find(marker, newest + "&labels=" + URLEncoder.encode(config.labels().get(0), StandardCharsets.UTF_8))
                .or(() -> find(marker, newest));
    }

    private Optional<TrackerIssue> find(String marker, String query) {
        JsonNode issues = exchange("look up issues in", request(query).GET().build());
        for (JsonNode issue : issues) {
            if (issue.path("body").asText("").contains(marker)) {
                return Optional.of(issue(issue));
            }
        }
        return Optional.empty();
    }

    private TrackerIssue create(String title, String body, List<String> labels) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("title", title);
        issue.put("body", body);
        issue.put("labels", labels);
        try {
            HttpRequest post = request("").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(issue))).build();
            return issue(exchange("file an issue in", post));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an issue of strings always serialises", e);
        }
    }

    private HttpRequest.Builder request(String query) {
        String base = config.apiUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + "/repos/" + config.repository() + "/issues" + query))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
    }

    private JsonNode exchange(String what, HttpRequest request) {
        String doing = what + " GitHub repository " + config.repository();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TrackerFailedException("could not " + doing + " at " + config.apiUrl() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerFailedException("interrupted while trying to " + doing, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new TrackerFailedException("GitHub answered " + status + " with no JSON when asked to " + doing, e);
            }
        }
        throw new TrackerFailedException("could not " + doing + ": HTTP " + status + ". " + whatToFix(status)
                + excerpt(response.body()));
    }

    private String whatToFix(int status) {
        return switch (status) {
            case 401 -> "GitHub refused the token: check that the environment variable " + config.tokenEnv()
                    + " (liftoff.incidents.github.token-env) holds a valid, unexpired token.";
            case 403 -> "The token may not write issues there (or a rate limit was hit): give it 'Issues: read and write' on "
                    + config.repository() + ".";
            case 404 -> "No such repository, or the token cannot see it: check liftoff.incidents.github.repository ("
                    + config.repository() + "), liftoff.incidents.github.api-url (" + config.apiUrl() + ") and the token's access.";
            case 410 -> "Issues are turned off in " + config.repository() + ": turn them on in the repository settings.";
            case 422 -> "GitHub rejected the issue's fields: check liftoff.incidents.github.labels " + config.labels() + ".";
            default -> status >= 500 ? "GitHub had a fault; the engine tries again." : "";
        };
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return " GitHub said: " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }

    private static TrackerIssue issue(JsonNode issue) {
        return new TrackerIssue(issue.path("number").asLong(), issue.path("html_url").asText());
    }
}
