package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The answer to a start is built from the request rather than read back from the engine: it must
 * be exactly what {@code GET /api/releases/{id}} says of the release at that moment. The job
 * executor is off here, so the release stays where its start left it.
 */
@DemoStack
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ReleaseStartViewTest {

    @LocalServerPort
    int port;

    @Test
    void theStartAnswersWithTheViewAReadGivesRightAfter() {
        LiftoffClient client = new LiftoffClient(port);
        LiftoffClient.Reply started = client.post("ci-bot", "/api/releases", Map.of("service", "study-api", "version", "2027.3.1",
                "commitSha", "c0ffee1234abcd", "requestedBy", "erin", "commitTime", "2026-11-20T08:00:00Z", "notes", "fixes the quiz timer"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode answered = started.json();

        JsonNode read = client.get("ci-bot", "/api/releases/" + answered.path("id").asText()).json();

        assertThat(answered).isEqualTo(read);
        assertThat(answered.path("stage").asText()).isEqualTo("pre-deployment checks");
        assertThat(answered.path("state").asText()).isEqualTo("RUNNING");
        assertThat(answered.path("startedBy").asText()).isEqualTo("ci-bot");
        assertThat(answered.path("notes").asText()).isEqualTo("fixes the quiz timer");
    }
}
