package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.demo.DemoMailbox;
import dev.liftoff.demo.DemoTargetServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on the demo profile, driven over real HTTP the way its users drive it:
 * CI starts a release over {@code /engine-rest} as {@code ci-bot}, each task is completed by a
 * demo user of its group, and the demo study-api is deployed and verified for real.
 */
@DemoStack
// long enough for a person to ask for a rollback while production is being deployed
@TestPropertySource(properties = "liftoff.demo.deploy-delay=1500ms")
class ReleaseFullStackTest {

    // where release incidents and outcome mails go in the demo: its issue tracker and its mailbox
    @Autowired
    DemoTargetServer demo;

    @Autowired
    DemoMailbox mailbox;

    private static final Duration STEP = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    LiftoffClient client;

    ReleaseDriver driver;

    @BeforeEach
    void connect() {
        client = new LiftoffClient(port);
        driver = new ReleaseDriver(client, STEP);
    }

    @Test
    void approvedReleaseIsReleased() {
        String release = driver.start("c0ffee1234abcd", "erin");
        driver.approveThroughSignoff(release);

        assertThat(driver.outcome(release)).isEqualTo("RELEASED");
        JsonNode staging = driver.variable(release, "stagingVerification");
        assertThat(staging.path("passed").asBoolean()).isTrue();
        // health, commit, 31 smoke assertions, 4 security headers, 1 CORS preflight, 6 latency checks
        assertThat(staging.path("checks").size()).isEqualTo(44);
        assertThat(staging.path("checks")).extracting(check -> check.path("name").asText())
                .contains("security header Strict-Transport-Security", "CORS preflight POST /api/preview", "Quiz generation: latency");
        assertThat(staging.path("checks")).filteredOn(check -> check.path("name").asText().endsWith(": latency"))
                .allSatisfy(check -> assertThat(check.path("actual").asText()).matches("p50 \\d+\\.\\d ms, p95 \\d+\\.\\d ms, p99 \\d+\\.\\d ms over 20 samples"));
        assertThat(driver.variable(release, "productionVerification").path("passed").asBoolean()).isTrue();
        JsonNode summary = driver.variable(release, "releaseSummary");
        assertThat(summary.path("approvals")).extracting(a -> a.path("user").asText())
                .containsExactly("rita", "ursula", "eli", "sam", "otto", "paula");
        // the stakeholders hear of it
        Map<String, Object> told = awaitMail(release, release.replace('@', ' ') + ": RELEASED");
        assertThat((String) told.get("to")).isEqualTo("product@liftoff.example");
        // and Liftoff's own metrics count it, with the time the Go/No-Go waited for rita
        String metrics = LiftoffClient.await("the release in the metrics", STEP, () -> {
            String scraped = client.get("rob", "/actuator/prometheus").body();
            return sample(scraped, "liftoff_releases_total{outcome=\"RELEASED\",service=\"study-api\"}") >= 1 ? scraped : null;
        });
        assertThat(sample(metrics, "liftoff_gate_wait_seconds_count{ended=\"completed\",gate=\"go-no-go\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "liftoff_release_duration_seconds_count{service=\"study-api\"}")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "liftoff_verification_seconds_count{environment=\"production\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void metricsAreReadByAnyLiftoffUserButCiWhileHealthStaysOpen() {
        LiftoffClient.Reply anonymous = client.get(null, "/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Liftoff\"");
        assertThat(client.getWithPassword("pete", "not-pete", "/actuator/prometheus").status()).isEqualTo(401);
        // every actuator path is behind the login, not just the ones exposed today
        assertThat(client.get(null, "/actuator").status()).isEqualTo(401);
        assertThat(client.get(null, "/actuator/metrics").status()).isEqualTo(401);
        LiftoffClient.Reply ci = client.get("ci-bot", "/actuator/prometheus");
        assertThat(ci.status()).isEqualTo(403);
        assertThat(ci.body()).contains("outside the ci group");

        LiftoffClient.Reply scraped = client.get("rob", "/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.header("Content-Type")).startsWith("text/plain");
        assertThat(scraped.body()).contains("# TYPE liftoff_releases_total counter", "# TYPE liftoff_rollbacks_total counter",
                "liftoff_releases_total{outcome=\"ROLLED_BACK\",service=\"study-api\"}", "jvm_memory_used_bytes{",
                "http_server_requests_seconds_count{");
        assertThat(client.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(client.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
    }

    /** the value of one sample line of the Prometheus text format, 0 when the series is not there */
    private static double sample(String scraped, String series) {
        return scraped.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0])).orElse(0.0);
    }

    @Test
    void badCommitPassesStagingAndIsRolledBackInProduction() {
        String release = driver.start("bad0123456789", "erin");
        driver.approveThroughSignoff(release);

        assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
        assertThat(driver.variable(release, "stagingVerification").path("passed").asBoolean()).isTrue();
        assertThat(driver.variable(release, "productionVerification").path("passed").asBoolean()).isFalse();
        assertThat(driver.variable(release, "rollbackVerification").path("passed").asBoolean()).isTrue();
        assertThat(driver.text(release, "outcomeReason")).startsWith("Rolled production back to");
        // blue-green: the bad build passed its checks in the idle slot, broke once traffic moved to it,
        // and the rollback switched traffic back to the slot that kept the previous version warm
        JsonNode idleSlot = driver.variable(release, "productionIdleSlotVerification");
        assertThat(idleSlot.path("passed").asBoolean()).as("idle slot: %s", idleSlot.path("summary")).isTrue();
        assertThat(driver.variable(release, "productionTrafficSwitch").path("status").asInt()).isEqualTo(200);
        assertThat(driver.variable(release, "rollbackTrafficSwitch").path("status").asInt()).isEqualTo(200);
        assertThat(driver.variable(release, "rollbackDeployment").isMissingNode()).as("nothing was redeployed").isTrue();
        JsonNode restored = driver.variable(release, "rollbackTarget");
        assertThat(driver.variable(release, "rollbackVerification").path("checks")).anySatisfy(check -> {
            assertThat(check.path("name").asText()).isEqualTo("deployed commit");
            assertThat(check.path("expected").asText()).isEqualTo(restored.path("commitSha").asText());
            assertThat(check.path("passed").asBoolean()).isTrue();
        });
        // operations hear of it: a P1 release incident with the trigger as evidence, filed as an issue
        JsonNode incident = driver.variable(release, "incidents").get(0);
        assertThat(incident.path("severity").asText()).isEqualTo("P1");
        String title = incident.path("title").asText();
        assertThat(title).startsWith("study-api: production failure (");
        JsonNode issue = awaitIssue(release, title);
        assertThat(issue.path("body").asText()).contains("production verification failed");
        driver.awaitTaskOf(release, "UserTask_AcknowledgeIncident", "olga", "operations");
        // and the stakeholders hear the outcome
        Map<String, Object> told = awaitMail(release, release.replace('@', ' ') + ": ROLLED_BACK");
        assertThat((String) told.get("to")).isEqualTo("product@liftoff.example");
        assertThat((String) told.get("text")).contains("Rolled production back to");
    }

    @Test
    void aDrillFailsTheFirstStagingTickAndProvesTheWholeAlertPath() {
        String release = driver.start("d1e1d0c0ffee12", "erin", true);
        driver.decide(release, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));

        assertThat(driver.outcome(release)).isEqualTo("FAILED");
        assertThat(driver.text(release, "outcomeReason")).contains("drill: Liftoff failed this tick on purpose");
        JsonNode incident = driver.variable(release, "incidents").get(0);
        assertThat(incident.path("severity").asText()).isEqualTo("P2");
        assertThat(incident.path("drill").asBoolean()).isTrue();
        String title = incident.path("title").asText();
        assertThat(title).startsWith("[DRILL] study-api: staging monitoring failure (");

        JsonNode issue = awaitIssue(release, title);
        assertThat(issue.path("labels")).extracting(label -> label.path("name").asText()).contains("release-incident", "drill");
        Map<String, Object> mail = awaitMail(release, title);
        assertThat((String) mail.get("text")).contains("This is a drill");
        assertThat((String) mail.get("to")).isEqualTo("oncall@liftoff.example");
        // newcomers read the demo mailbox over REST, signed in like anywhere else under /api
        assertThat(client.get("rita", "/api/demo/mail").json()).extracting(read -> read.path("subject").asText()).contains(title);
        assertThat(client.get(null, "/api/demo/mail").status()).isEqualTo(401);
        // and in a browser, as a page
        LiftoffClient.Reply page = client.get("rita", "/api/demo/mail", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Demo mailbox</h1>", "<h2>" + org.springframework.web.util.HtmlUtils.htmlEscape(title) + "</h2>");

        String acknowledge = driver.awaitTaskOf(release, "UserTask_AcknowledgeIncident", "otto", "operations");
        LiftoffClient.Reply done = client.post("otto", "/engine-rest/task/" + acknowledge + "/complete",
                Map.of("variables", Map.of("acknowledgementNote", ReleaseDriver.value("drill seen, paged within a minute"))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        driver.awaitTaskOf(release, "UserTask_ReviewIncident", "olga", "operations");
    }

    @Test
    void deadCommitFailsOnStagingAndNeverReachesProduction() {
        String release = driver.start("dead0123456789", "erin");
        driver.decide(release, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));

        assertThat(driver.outcome(release)).isEqualTo("FAILED");
        assertThat(driver.text(release, "outcomeReason")).contains("Staging verification failed");
        assertThat(driver.variable(release, "stagingVerification").path("passed").asBoolean()).isFalse();
        assertThat(driver.variable(release, "productionDeployment").isMissingNode()).isTrue();
    }

    @Test
    void anonymousCallsAreRefusedButHealthIsOpen() {
        assertThat(client.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(client.get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(client.get(null, "/api/releases").status()).isEqualTo(401);
        assertThat(client.get("erin", "/api/releases").status()).isNotEqualTo(401);
        // Liftoff's Tasklist script asks with the Tasklist login, never with a password or anonymously
        LiftoffClient.Reply access = client.get("erin", "/tasklist-session/tasks/any/access");
        assertThat(access.status()).isEqualTo(401);
        assertThat(access.body()).contains("Log in to Tasklist first");
        assertThat(client.get(null, "/tasklist-session/tasks/any/access").status()).isEqualTo(401);
        LiftoffClient.Reply health = client.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void fourEyesKeepsTheRequesterOffTheirOwnSignoff() {
        String release = driver.start("f00dbabe12345", "erin");
        driver.decide(release, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));
        driver.decide(release, "UserTask_Uat", "ursula", ReleaseDriver.uatPass());
        String engineering = driver.awaitTaskOf(release, "UserTask_SignOff", "eli", "engineering-leads");

        // every task is announced by mail with a link to it; the engineering sign-off goes to eli, not to erin
        String version = release.substring(release.indexOf('@') + 1);
        Map<String, Object> goNoGo = awaitMail(release, "Waiting for you in Tasklist: Go/No-Go: study-api " + version);
        assertThat((String) goNoGo.get("to")).isEqualTo("rita@liftoff.example, rob@liftoff.example");
        assertThat((String) goNoGo.get("text")).contains("release-managers", "readiness: ");
        Map<String, Object> signoff = awaitMail(release,
                "Waiting for you in Tasklist: Sign off go-live as engineering-leads: study-api " + version);
        assertThat((String) signoff.get("to")).isEqualTo("eli@liftoff.example");
        assertThat((String) signoff.get("text")).contains("staging: ", "/camunda/app/tasklist/default/#/?task=" + engineering);

        // ci-bot starts releases but works no task
        assertThat(client.post("ci-bot", "/engine-rest/task/" + engineering + "/complete",
                Map.of("variables", Map.of("decision", ReleaseDriver.value("APPROVE")))).status()).isEqualTo(403);
        // erin requested it: the task is not hers to see or sign
        assertThat(client.get("erin", "/engine-rest/task?processInstanceBusinessKey=" + release).json()).isEmpty();
        assertThat(client.get("erin", "/engine-rest/task/" + engineering).status()).isEqualTo(404);
        assertThat(client.post("erin", "/engine-rest/task/" + engineering + "/complete",
                Map.of("variables", Map.of("decision", ReleaseDriver.value("APPROVE")))).status()).isEqualTo(403);
        // eli may not claim it for erin
        LiftoffClient.Reply claimForErin = client.post("eli", "/engine-rest/task/" + engineering + "/claim",
                Map.of("userId", "erin"));
        assertThat(claimForErin.status()).isGreaterThanOrEqualTo(400);
        assertThat(claimForErin.body()).contains("erin requested this release");
        // eli may sign it
        assertThat(client.post("eli", "/engine-rest/task/" + engineering + "/complete",
                Map.of("variables", Map.of("decision", ReleaseDriver.value("APPROVE")))).status()).isEqualTo(204);
        // and having signed engineering, eli cannot see another role's task; sue rejects to end the release
        String security = driver.awaitTaskOf(release, "UserTask_SignOff", "sue", "security-leads");
        assertThat(client.post("sue", "/engine-rest/task/" + security + "/complete",
                Map.of("variables", Map.of("decision", ReleaseDriver.value("REJECT"), "comment", ReleaseDriver.value("pen test pending")))).status())
                .isEqualTo(204);
        assertThat(driver.outcome(release)).isEqualTo("REJECTED");
        assertThat(driver.text(release, "outcomeReason")).isEqualTo("Go-live sign-off refused by sue for security-leads: pen test pending");
        Map<String, Object> told = awaitMail(release, release.replace('@', ' ') + ": REJECTED");
        assertThat((String) told.get("text")).contains("Go-live sign-off refused by sue for security-leads: pen test pending");
    }

    @Test
    void operationsMayRollBackAReleaseThatIsGoingLiveButCiMayNot() {
        String release = driver.start("c0ffee5678abcd", "erin");
        driver.approveThroughSignoff(release);
        LiftoffClient.await("the production deploy of " + release, STEP,
                () -> driver.variable(release, "productionDeployment").isMissingNode() ? null : true);

        Map<String, Object> rollback = Map.of("messageName", "RollbackRequested", "businessKey", release,
                "processVariables", Map.of("rollbackReason", ReleaseDriver.value("error rate climbing")));
        assertThat(client.post("ci-bot", "/engine-rest/message", rollback).status()).isEqualTo(403);
        LiftoffClient.Reply sent = client.post("otto", "/engine-rest/message", rollback);
        assertThat(sent.status()).as(sent.body()).isEqualTo(204);

        assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
        assertThat(driver.text(release, "rollbackRequestedBy")).isEqualTo("otto");
        assertThat(driver.text(release, "rollbackTrigger")).isEqualTo("rollback requested by otto: error rate climbing");
        assertThat(driver.text(release, "requestedBy")).isEqualTo("erin");
    }

    @Test
    void eachGroupSeesItsOwnTasklistFilter() {
        assertThat(client.get("rita", "/engine-rest/filter?resourceType=Task").json())
                .extracting(filter -> filter.path("name").asText())
                .containsExactly("Release managers: open tasks");
        assertThat(client.get("ursula", "/engine-rest/filter?resourceType=Task").json())
                .extracting(filter -> filter.path("name").asText())
                .containsExactlyInAnyOrder("UAT testers: open tasks", "UAT testers: named for me");
        assertThat(client.get("ci-bot", "/engine-rest/filter?resourceType=Task").json()).isEmpty();
    }

    @Test
    void aTaskOfferedToATesterByNameShowsInTheirNamedForMeFilter() {
        String named = "named-" + System.nanoTime();
        assertThat(client.post("admin", "/engine-rest/task/create", Map.of("id", named, "name", "UAT for uma only")).status())
                .isEqualTo(204);
        assertThat(client.post("admin", "/engine-rest/task/" + named + "/identity-links", Map.of("userId", "uma", "type", "candidate"))
                .status()).isEqualTo(204);
        String filterId = client.get("uma", "/engine-rest/filter?resourceType=Task&name=UAT testers: named for me".replace(" ", "%20"))
                .json().get(0).path("id").asText();

        assertThat(client.get("uma", "/engine-rest/filter/" + filterId + "/list").json())
                .extracting(task -> task.path("id").asText()).containsExactly(named);
        assertThat(client.get("ursula", "/engine-rest/filter/" + filterId + "/list").json()).isEmpty();
        assertThat(client.delete("admin", "/engine-rest/task/" + named).status()).isEqualTo(204);
    }

    /** the issue the demo tracker holds with that title, once it is filed */
    private JsonNode awaitIssue(String release, String title) {
        URI issues = URI.create(demo.issueTrackerUrl() + "/repos/demo/study-api/issues");
        return LiftoffClient.await("the tracker issue of " + release, STEP, () -> {
            try {
                for (JsonNode issue : LiftoffClient.JSON.readTree(issues.toURL())) {
                    if (issue.path("title").asText().equals(title)) {
                        return issue;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** the mail the demo mailbox received with that subject, once it arrived */
    private Map<String, Object> awaitMail(String release, String subject) {
        return LiftoffClient.await("the mail '" + subject + "' of " + release, STEP, () -> mailbox.received().stream()
                .filter(mail -> subject.equals(mail.get("subject"))).findFirst().orElse(null));
    }
}
