package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Mail is sent off the release's path: with the mail server unreachable, a release still runs to
 * RELEASED, also when its UAT was reminded and went overdue on the way, and a mail that could not
 * be sent ends, after its retries, as a Camunda incident on its own notification instance, where
 * Cockpit shows it.
 */
@DemoStack
// nothing listens on port 1 of the loopback: every connection to the mail server is refused;
// UAT is due 8 seconds after it opens, with a reminder 4 seconds before
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=1",
        "liftoff.services.study-api.uat.due=8s", "liftoff.services.study-api.uat.remind-before=4s"})
class MailServerDownTest {

    @LocalServerPort
    int port;

    @Test
    void aReleaseGoesOnWhileItsMailsFailAndEndAsIncidents() {
        LiftoffClient client = new LiftoffClient(port);
        ReleaseDriver driver = new ReleaseDriver(client, Duration.ofSeconds(120));
        String release = driver.start("c0ffee5678abcd", "erin");
        driver.decide(release, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));
        // the UAT waits until it was reminded and is overdue: its priority rises, its mails cannot go out
        String uat = driver.awaitTaskOf(release, "UserTask_Uat", "ursula", null);
        int opened = client.get("admin", "/engine-rest/task/" + uat).json().path("priority").asInt();
        LiftoffClient.await("the overdue UAT of " + release + " to rise in Tasklist", Duration.ofSeconds(60),
                () -> client.get("admin", "/engine-rest/task/" + uat).json().path("priority").asInt() > opened ? true : null);
        driver.approveFromUat(release);

        assertThat(driver.outcome(release)).isEqualTo("RELEASED");
        // the stakeholders' outcome mail: five retries ten seconds apart, then an incident. (A task's
        // announcement whose task is done by its next retry is dropped instead: nobody needs it then.)
        JsonNode incident = LiftoffClient.await("an incident on the outcome mail of " + release, Duration.ofSeconds(90), () -> {
            for (JsonNode candidate : client.get("admin", "/engine-rest/incident?incidentType=failedJob").json()) {
                if (candidate.path("processDefinitionId").asText().startsWith("release-notification:")) {
                    return candidate;
                }
            }
            return null;
        });
        assertThat(incident.path("incidentMessage").asText()).containsIgnoringCase("mail");
        JsonNode instance = client.get("admin", "/engine-rest/process-instance/" + incident.path("processInstanceId").asText()).json();
        assertThat(instance.path("businessKey").asText()).as("the mail belongs to the release").isEqualTo(release);
        assertThat(driver.text(release, "outcome")).as("the release kept its outcome").isEqualTo("RELEASED");
        // the UAT's reminder and overdue notice were notification instances of their own, not steps of the release
        JsonNode notices = client.get("admin", "/engine-rest/history/variable-instance?variableName=notice&deserializeValues=false").json();
        assertThat(notices).extracting(notice -> notice.path("value").asText()).contains("REMINDER", "OVERDUE");
    }
}
