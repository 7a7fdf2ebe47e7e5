package dev.liftoff.cli;

import static dev.liftoff.cli.ReleaseView.Task.forGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.cli.FakeReleaseApi.Request;
import dev.liftoff.cli.LiftoffCli.Result;
import dev.liftoff.cli.ReleaseView.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bin/liftoff release --wait / --until: a release followed through the long-poll events endpoint. */
class LiftoffCliFollowTest {

    private static final Task GO_NO_GO = forGroup("task-go", "Go/No-Go: study-api 1.2.3", "release-managers");
    private static final Task UAT = new Task("task-uat", "UAT: study-api 1.2.3", List.of("uat-testers"), List.of("ursula", "uma"));
    private static final Task ENGINEERING = forGroup("task-eng", "Sign off go-live as engineering-leads: study-api 1.2.3", "engineering-leads");
    private static final Task SECURITY = forGroup("task-sec", "Sign off go-live as security-leads: study-api 1.2.3", "security-leads");

    private final LiftoffCli cli = LiftoffCli.ofThisCheckout();
    private FakeReleaseApi api;
    private Map<String, String> env;

    @BeforeEach
    void startApi() throws IOException {
        api = new FakeReleaseApi();
        env = LiftoffCli.ciEnvironment(api.url(), FakeReleaseApi.USER, FakeReleaseApi.PASSWORD);
        env.put("LIFTOFF_POLL_SECONDS", "1");
        env.put("LIFTOFF_RETRY_DELAY", "0");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** A release from its start to production, one view per step a person would notice. */
    private static List<ReleaseView> toProduction() {
        ReleaseView started = ReleaseView.started();
        ReleaseView goNoGo = started.waitingFor("Go/No-Go", GO_NO_GO);
        ReleaseView staging = goNoGo.running("staging deployment");
        ReleaseView stagingVerified = staging.staging(true, "44 of 44 checks passed").running("UAT while staging is watched");
        ReleaseView uat = stagingVerified.waitingFor("UAT while staging is watched", UAT);
        ReleaseView signOff = uat.waitingFor("go-live sign-off", ENGINEERING, SECURITY);
        ReleaseView engineeringSigned = signOff.waitingFor("go-live sign-off", SECURITY);
        ReleaseView production = engineeringSigned.running("production deployment");
        ReleaseView productionVerified = production.production(true, "44 of 44 checks passed").running("production monitoring");
        return List.of(started, goNoGo, staging, stagingVerified, uat, signOff, engineeringSigned, production, productionVerified);
    }

    private Result release(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("release", "--service", "study-api", "--version", "1.2.3",
                "--sha", "c0ffee1234abcd", "--requested-by", "erin"));
        args.addAll(List.of(options));
        return cli.run(env, args.toArray(String[]::new));
    }

    @Test
    void followsAReleaseToReleasedPrintingEachStageAndEachTaskWithItsTasklistLink() {
        List<ReleaseView> steps = new java.util.ArrayList<>(toProduction());
        steps.add(steps.get(steps.size() - 1).ended("RELEASED", "study-api 1.2.3 is live in production and verified"));
        api.play(steps.toArray(ReleaseView[]::new));

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String tasklist = api.url() + "/camunda/app/tasklist/default/#/?task=";
        assertThat(result.lines()).containsSubsequence(
                "liftoff: release study-api 1.2.3 started: " + ReleaseView.ID + " (study-api@1.2.3)",
                "liftoff: stage: pre-deployment checks",
                "liftoff: stage: Go/No-Go",
                "liftoff: waiting for release-managers: Go/No-Go: study-api 1.2.3 -> " + tasklist + "task-go",
                "liftoff: stage: staging deployment",
                "liftoff: stage: UAT while staging is watched",
                "liftoff: staging verified: 44 of 44 checks passed",
                "liftoff: waiting for uat-testers, ursula, uma: UAT: study-api 1.2.3 -> " + tasklist + "task-uat",
                "liftoff: stage: go-live sign-off",
                "liftoff: waiting for engineering-leads: Sign off go-live as engineering-leads: study-api 1.2.3 -> " + tasklist + "task-eng",
                "liftoff: waiting for security-leads: Sign off go-live as security-leads: study-api 1.2.3 -> " + tasklist + "task-sec",
                "liftoff: stage: production deployment",
                "liftoff: stage: production monitoring",
                "liftoff: production verified: 44 of 44 checks passed",
                "liftoff: stage: closed",
                "liftoff: outcome: RELEASED: study-api 1.2.3 is live in production and verified",
                "liftoff: report: " + api.url() + "/api/releases/" + ReleaseView.ID + "/report");
        // a task still open in the next view is announced once, a stage that stays is printed once
        assertThat(result.lines()).filteredOn(line -> line.contains("security-leads:")).hasSize(1);
        assertThat(result.lines()).filteredOn(line -> line.equals("liftoff: stage: go-live sign-off")).hasSize(1);
    }

    @Test
    void eachLongPollAsksForWhatChangedAfterTheRevisionItLastSaw() {
        List<ReleaseView> steps = new java.util.ArrayList<>(toProduction().subList(0, 4));
        steps.add(steps.get(3).ended("REJECTED", "No-Go by rita"));
        api.play(steps.toArray(ReleaseView[]::new));

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        List<Request> polls = api.polls();
        assertThat(polls).hasSize(4);
        for (int i = 0; i < polls.size(); i++) {
            // the revisions hold a space, '/', '+', '&' and '=': they arrive only if encoded
            assertThat(polls.get(i).query()).containsEntry("after", "rev " + (i + 1) + "/+&=").containsEntry("timeout", "1");
            assertThat(polls.get(i).path()).isEqualTo("/api/releases/" + ReleaseView.ID + "/events");
        }
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @CsvSource({
            "RELEASED, 0, study-api 1.2.3 is live in production and verified",
            "REJECTED, 2, go-live sign-off rejected by sam (security-leads): CSP header missing",
            "ROLLED_BACK, 3, production verification failed: p95 of /api/score 900 ms > 300 ms; 1.2.2 restored and verified",
            "FAILED, 4, staging verification failed: 3 of 44 checks failed"})
    void theExitCodeSaysHowTheReleaseEnded(String outcome, int exitCode, String reason) {
        ReleaseView started = ReleaseView.started();
        api.play(started, started.running("staging deployment"), started.ended(outcome, reason));

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.lines()).contains("liftoff: outcome: " + outcome + ": " + reason);
    }

    @Test
    void aReleaseThatAlreadyEndedIsNotFollowedAnyFurther() {
        api.play(ReleaseView.started().ended("REJECTED", "commitSha: must be 7 to 40 hex characters"));

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(api.polls()).isEmpty();
    }

    @Test
    void untilStagingStopsFollowingOnceStagingIsVerified() {
        List<ReleaseView> steps = toProduction();
        api.play(steps.toArray(ReleaseView[]::new));

        Result result = release("--until", "staging");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsSubsequence(
                "liftoff: staging verified: 44 of 44 checks passed",
                "liftoff: staging reached: release " + ReleaseView.ID + " goes on in Liftoff (stage: UAT while staging is watched)");
        assertThat(result.output()).doesNotContain("go-live sign-off", "outcome");
        assertThat(api.polls()).hasSize(3);
    }

    @Test
    void untilStagingIsNotReachedByAFailedStagingVerification() {
        ReleaseView started = ReleaseView.started();
        ReleaseView failedStaging = started.running("staging verification").staging(false, "3 of 44 checks failed");
        api.play(started, failedStaging, failedStaging.ended("FAILED", "staging verification failed: 3 of 44 checks failed"));

        Result result = release("--until", "staging");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.lines()).containsSubsequence(
                "liftoff: staging failed its verification: 3 of 44 checks failed",
                "liftoff: outcome: FAILED: staging verification failed: 3 of 44 checks failed");
    }

    @Test
    void untilProductionWaitsPastStaging() {
        api.play(toProduction().toArray(ReleaseView[]::new));

        Result result = release("--until", "production");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsSubsequence(
                "liftoff: staging verified: 44 of 44 checks passed",
                "liftoff: stage: go-live sign-off",
                "liftoff: production verified: 44 of 44 checks passed",
                "liftoff: production reached: release " + ReleaseView.ID + " goes on in Liftoff (stage: production monitoring)");
    }

    @Test
    void givesUpAtTheTimeoutNamingWhatTheReleaseWaitsFor() {
        ReleaseView started = ReleaseView.started();
        api.play(started, started.waitingFor("Go/No-Go", GO_NO_GO));

        Result result = release("--wait", "--timeout", "3s");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.lines()).contains(
                "liftoff: timed out after 3s: release " + ReleaseView.ID + " is still WAITING_FOR_APPROVAL (stage: Go/No-Go); it goes on in Liftoff",
                "liftoff:   open: release-managers: Go/No-Go: study-api 1.2.3 -> "
                        + ReleaseView.taskLink(api.url(), "task-go"));
        assertThat(result.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
        // every poll after the script played out was held by the server, not repeated in a spin
        assertThat(api.polls()).hasSizeBetween(2, 5);
    }

    @Test
    void aPollThatFailsWithA5xxIsRetried() {
        ReleaseView started = ReleaseView.started();
        api.play(started, started.running("staging deployment"), started.ended("RELEASED", "live"));
        api.failNextPolls(503, 2);

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).contains(
                "liftoff: " + api.url() + ": HTTP 503; retrying in 0s (1 of 5)",
                "liftoff: " + api.url() + ": HTTP 503; retrying in 0s (2 of 5)",
                "liftoff: outcome: RELEASED: live");
    }

    @Test
    void retriesBackOffDoublingTheDelay() {
        ReleaseView started = ReleaseView.started();
        api.play(started, started.ended("RELEASED", "live"));
        api.failNextPolls(502, 2);
        env.put("LIFTOFF_RETRY_DELAY", "1");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).contains(
                "liftoff: " + api.url() + ": HTTP 502; retrying in 1s (1 of 5)",
                "liftoff: " + api.url() + ": HTTP 502; retrying in 2s (2 of 5)");
        assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a5xxThatOutlastsTheRetriesEndsWithItsProblem() {
        ReleaseView started = ReleaseView.started();
        api.play(started, started.ended("RELEASED", "live"));
        api.failNextPolls(503, 4);
        env.put("LIFTOFF_RETRIES", "2");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).contains("liftoff: could not follow release " + ReleaseView.ID
                + ": Service Unavailable (HTTP 503): Liftoff is restarting");
        assertThat(api.polls()).hasSize(3);
    }
}
