package dev.liftoff.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The GitHub sink against a GitHub on a loopback port: the requests it sends, and no duplicate across retries. */
class GitHubIssuesTest {

    private static final String TOKEN = "ghp_s3cretT0ken";
    private static final String REPOSITORY = "acme/shop";

    private final FakeGitHub github = new FakeGitHub(REPOSITORY);
    private final IssueTracker tracker = tracker(github.apiUrl(), List.of("release-incident", "liftoff"));

    GitHubIssuesTest() throws Exception {
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void filesAnIssueWithTheTokenTheLabelsAndAHiddenMarker() throws Exception {
        TrackerIssue issue = tracker.file("incident-1", "shop: production failure (2026-03-01T10:15:30Z)", "**evidence**", false);

        assertThat(issue).isEqualTo(new TrackerIssue(1, "https://github.example.com/acme/shop/issues/1"));
        FakeGitHub.Received lookup = github.received().get(0);
        assertThat(lookup.method()).isEqualTo("GET");
        assertThat(lookup.path()).isEqualTo("/api/v3/repos/acme/shop/issues");
        assertThat(lookup.query()).contains("state=all", "labels=release-incident", "per_page=100");
        FakeGitHub.Received unlabelled = github.received().get(1);
        assertThat(unlabelled.method()).isEqualTo("GET");
        assertThat(unlabelled.query()).contains("state=all", "per_page=100").doesNotContain("labels=");
        FakeGitHub.Received create = github.received().get(2);
        assertThat(create.method()).isEqualTo("POST");
        for (FakeGitHub.Received request : github.received()) {
            assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.headers().getFirst("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(request.headers().getFirst("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        }
        JsonNode body = new ObjectMapper().readTree(create.body());
        assertThat(body.path("title").asText()).isEqualTo("shop: production failure (2026-03-01T10:15:30Z)");
        assertThat(body.path("body").asText()).isEqualTo("**evidence**\n\n<!-- liftoff-incident: incident-1 -->");
        assertThat(body.path("labels").toString()).isEqualTo("[\"release-incident\",\"liftoff\"]");
    }

    @Test
    void aDrillGetsTheDrillLabel() throws Exception {
        tracker.file("incident-2", "[DRILL] shop: production failure", "body", true);

        JsonNode body = new ObjectMapper().readTree(github.received().get(2).body());
        assertThat(body.path("labels").toString()).isEqualTo("[\"release-incident\",\"liftoff\",\"drill\"]");
    }

    @Test
    void aBadGatewayBeforeCreatingThenARetryFilesExactlyOneIssue() {
        github.failNextCreateBeforeCreating();

        assertThatThrownBy(() -> tracker.file("incident-3", "title", "body", false))
                .isInstanceOf(TrackerFailedException.class)
                .hasMessageContaining("HTTP 502");
        TrackerIssue retried = tracker.file("incident-3", "title", "body", false);

        assertThat(github.issues()).hasSize(1);
        assertThat(retried.number()).isEqualTo(1);
    }

    @Test
    void anIssueCreatedButAnsweredWithABadGatewayIsFoundOnRetryAndNotFiledAgain() {
        tracker.file("an-older-incident", "older", "body", false);
        github.failNextCreateAfterCreating();

        assertThatThrownBy(() -> tracker.file("incident-4", "title", "body", false)).isInstanceOf(TrackerFailedException.class);
        TrackerIssue retried = tracker.file("incident-4", "title", "body", false);

        assertThat(github.issues()).hasSize(2);
        assertThat(github.creates()).isEqualTo(2);
        assertThat(retried).isEqualTo(new TrackerIssue(2, "https://github.example.com/acme/shop/issues/2"));
    }

    @Test
    void anIssueWhoseLabelsWereTakenOffIsStillFoundOnRetry() {
        github.failNextCreateAfterCreating();
        assertThatThrownBy(() -> tracker.file("incident-8", "title", "body", false)).isInstanceOf(TrackerFailedException.class);
        github.removeLabels(1);

        TrackerIssue retried = tracker.file("incident-8", "title", "body", false);

        assertThat(github.creates()).isEqualTo(1);
        assertThat(retried.number()).isEqualTo(1);
    }

    @Test
    void refusalsSayWhatToFixAndNeverShowTheToken() {
        Map<Integer, String> fixes = Map.of(
                401, "check that the environment variable LIFTOFF_TEST_GITHUB_TOKEN (liftoff.incidents.github.token-env)",
                403, "give it 'Issues: read and write' on acme/shop",
                404, "check liftoff.incidents.github.repository (acme/shop)",
                422, "check liftoff.incidents.github.labels");
        fixes.forEach((status, fix) -> {
            github.answerEveryRequestWith(status);
            assertThatThrownBy(() -> tracker.file("incident-5", "title", "body", false))
                    .isInstanceOf(TrackerFailedException.class)
                    .hasMessageContaining("GitHub repository acme/shop: HTTP " + status)
                    .hasMessageContaining(fix)
                    .message().doesNotContain(TOKEN);
        });
        assertThat(github.issues()).isEmpty();
    }

    @Test
    void aGitHubThatCannotBeReachedIsATechnicalFailure() {
        IssueTracker unreachable = tracker(URI.create("http://127.0.0.1:9/api/v3"), List.of("release-incident"));

        assertThatThrownBy(() -> unreachable.file("incident-6", "title", "body", false))
                .isInstanceOf(TrackerFailedException.class)
                .hasMessageContaining("could not look up issues in GitHub repository acme/shop at http://127.0.0.1:9/api/v3");
    }

    @Test
    void aMissingTokenNamesTheVariableAndTheKey() {
        IncidentsConfig.GitHub config = new IncidentsConfig.GitHub(github.apiUrl(), REPOSITORY, "LIFTOFF_SURELY_UNSET_TOKEN", null, null);
        IssueTracker withoutToken = new IssueTracker(properties(config), new SecretResolver(new StandardEnvironment()));

        assertThatThrownBy(() -> withoutToken.file("incident-7", "title", "body", false))
                .hasMessage("environment variable LIFTOFF_SURELY_UNSET_TOKEN is not set (named by liftoff.incidents.github.token-env)");
        assertThat(github.received()).isEmpty();
    }

    static IssueTracker tracker(URI apiUrl, List<String> labels) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("LIFTOFF_TEST_GITHUB_TOKEN", TOKEN)));
        IncidentsConfig.GitHub config = new IncidentsConfig.GitHub(apiUrl, REPOSITORY, "LIFTOFF_TEST_GITHUB_TOKEN", labels, null);
        return new IssueTracker(properties(config), new SecretResolver(environment));
    }

    private static LiftoffProperties properties(IncidentsConfig.GitHub github) {
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(),
                new IncidentsConfig(null, null, null, null, null, null, github));
    }
}
