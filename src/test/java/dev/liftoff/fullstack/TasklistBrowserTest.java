package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real Tasklist of a running Liftoff (demo profile) in headless Chromium: a release manager
 * decides Go from the evidence on the form; a UAT tester marks every scenario and reports an issue;
 * the engineering lead who requested the release does
 * not get its engineering sign-off, is told why when she opens its link, and her colleague signs
 * it. Screenshots of every step land in {@code target/screenshots}.
 */
@DemoStack
class TasklistBrowserTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("liftoff.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;

    ReleaseDriver driver;

    Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        Tasklist.assumeChromium();
        driver = new ReleaseDriver(new LiftoffClient(port), Duration.ofSeconds(120));
        tasklist = new Tasklist(port, SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (tasklist != null) {
            tasklist.close();
        }
    }

    @Test
    void approversDecideInTasklistAndTheRequesterIsToldWhySheMayNotSign() {
        String release = driver.start("b0a710cafe1234", "erin");
        String version = release.substring(release.indexOf('@') + 1);

        // rita, release manager: Go/No-Go from the readiness evidence on its form
        String goNoGo = "Go/No-Go: study-api " + version;
        driver.awaitTaskOf(release, "UserTask_GoNoGo", "rita", null);
        tasklist.logIn("rita");
        assertThat(tasklist.listEntry(goNoGo)).as("the due date shows in the list").contains("Due in a day");
        tasklist.screenshot("01-rita-task-list");
        tasklist.openFromList(goNoGo);
        String form = tasklist.formText();
        assertThat(form).contains(goNoGo, "requested by erin", "started by ci-bot", "Pre-deployment checks: 4/4 passed",
                "staging health", "production health", "no other release of study-api running");
        tasklist.screenshot("02-rita-go-no-go-evidence");
        tasklist.claim();
        tasklist.choose("Go: deploy to staging");
        tasklist.screenshot("03-rita-go-chosen");
        tasklist.complete();
        tasklist.awaitNotListed(goNoGo);

        // ursula, UAT tester: ticks the scenarios that passed, reports an issue, gives her confidence and says Go
        String uat = "UAT: study-api " + version;
        driver.awaitTaskOf(release, "UserTask_Uat", "ursula", null);
        tasklist.logIn("ursula");
        tasklist.openFromList(uat);
        assertThat(tasklist.formText()).contains(uat, "44/44 passed", "Scenarios that passed", "Preview flashcards for a topic");
        tasklist.claim();
        tasklist.typeInto("Confidence in this release (1 = none, 5 = full)", "4");
        tasklist.addListItem("Issues found");
        tasklist.select("Severity", "Sev-3: minor function broken");
        tasklist.typeInto("Description", "quiz title wraps on small screens");
        assertThat(tasklist.tickEvery("Scenarios that passed")).as("one box per configured scenario").isEqualTo(5);
        tasklist.choose("Go");
        tasklist.screenshot("04-ursula-uat-feedback");
        tasklist.complete();
        tasklist.awaitNotListed(uat);
        String engineering = driver.awaitTaskOf(release, "UserTask_SignOff", "eli", "engineering-leads");
        String signoff = "Sign off go-live as engineering-leads: study-api " + version;

        // erin, engineering lead who requested the release: not offered, and told why at its link
        tasklist.logIn("erin");
        assertThat(tasklist.listedTasks()).doesNotContain(signoff);
        tasklist.screenshot("05-erin-not-offered");
        tasklist.openLink(engineering);
        assertThat(tasklist.refusal()).contains("You may not work on this task", "You (erin) may not work on \"" + signoff + "\"",
                "you requested this release", "four-eyes rule", "the other members of engineering-leads");
        tasklist.screenshot("06-erin-refused-at-link");

        // eli, her colleague: sees who is shut out and why, then signs
        tasklist.logIn("eli");
        assertThat(tasklist.listEntry(signoff)).as("the due date shows in the list").contains("Due in a day");
        tasklist.openFromList(signoff);
        assertThat(tasklist.formText()).contains("Who may not sign, and why", "erin", "requested this release",
                "ci-bot", "started this release", "User acceptance test", "UAT passed", "ursula",
                "Issues ursula reported:", "Sev-3: quiz title wraps on small screens", "Staging checks");
        tasklist.screenshot("07-eli-signoff-form");
        tasklist.claim();
        // a rejection needs its reason: the form asks for it and keeps the task open without one
        tasklist.choose("Reject");
        assertThat(tasklist.completeRefused()).contains("Why do you reject it? Say what must change");
        tasklist.screenshot("08-eli-reject-needs-a-reason");
        assertThat(new LiftoffClient(port).get("eli", "/engine-rest/task/" + engineering).status()).as("the sign-off is still open").isEqualTo(200);
        // Tasklist keeps its Complete button disabled after a refused attempt: open the task afresh
        tasklist.reload();
        tasklist.choose("Approve go-live");
        tasklist.complete();
        tasklist.screenshot("09-eli-signed");

        JsonNode approvals = awaitApproval(release, "engineering-leads");
        assertThat(approvals.path("user").asText()).isEqualTo("eli");
        assertThat(approvals.path("decision").asText()).isEqualTo("APPROVE");
    }

    private JsonNode awaitApproval(String release, String role) {
        return LiftoffClient.await("the " + role + " sign-off of " + release, Duration.ofSeconds(30), () -> {
            for (JsonNode approval : driver.variable(release, "approvals")) {
                if (role.equals(approval.path("role").asText())) {
                    return approval;
                }
            }
            return null;
        });
    }
}
