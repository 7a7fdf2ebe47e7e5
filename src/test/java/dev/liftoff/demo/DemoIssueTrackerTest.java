package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import dev.liftoff.incident.IssueTracker;
import dev.liftoff.incident.TrackerIssue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The demo's issue tracker, driven by Liftoff's own GitHub sink: what works against it works in the demo. */
class DemoIssueTrackerTest {

    private static final String TOKEN = "demo-token";
    private DemoTargetServer server;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), TOKEN);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void liftoffsGitHubSinkFilesAnIssueOnceAndAnybodyCanReadIt() throws Exception {
        IssueTracker tracker = tracker(TOKEN);

        TrackerIssue filed = tracker.file("incident-1", "study-api: production failure (2026-11-22T10:00:00Z)", "smoke: status 500", true);
        TrackerIssue again = tracker.file("incident-1", "study-api: production failure (2026-11-22T10:00:00Z)", "smoke: status 500", true);

        assertThat(again).isEqualTo(filed);
        JsonNode issues = new ObjectMapper().readTree(URI.create(server.issueTrackerUrl() + "/repos/demo/study-api/issues").toURL());
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).path("title").asText()).isEqualTo("study-api: production failure (2026-11-22T10:00:00Z)");
        assertThat(issues.get(0).path("labels")).extracting(label -> label.path("name").asText()).containsExactly("release-incident", "drill");
        assertThat(issues.get(0).path("html_url").asText()).endsWith("/github/demo/study-api/issues/1");
    }

    @Test
    void aWrongTokenIsRefusedLikeGitHubRefusesIt() {
        assertThatThrownBy(() -> tracker("not-the-token").file("incident-2", "title", "body", false))
                .hasMessageContaining("401");
    }

    private IssueTracker tracker(String token) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("DEMO_TRACKER_TOKEN", token)));
        IncidentsConfig.GitHub github = new IncidentsConfig.GitHub(server.issueTrackerUrl(), "demo/study-api", "DEMO_TRACKER_TOKEN",
                null, null);
        return new IssueTracker(new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(),
                new IncidentsConfig(null, null, null, null, null, null, github)), new SecretResolver(environment));
    }
}
