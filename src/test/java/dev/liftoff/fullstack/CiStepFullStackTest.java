package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.cli.LiftoffCli;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CI step for real: {@code bin/liftoff} run as a process against a running Liftoff, as a
 * pipeline runs it, while the demo users decide over REST. Its exit code says how the release
 * ended, and its log says what is waiting for whom, with the Tasklist link.
 */
@DemoStack
class CiStepFullStackTest {

    private static final AtomicInteger VERSIONS = new AtomicInteger();

    @LocalServerPort
    int port;

    ReleaseDriver driver;

    LiftoffCli cli;

    @BeforeEach
    void connect() {
        driver = new ReleaseDriver(new LiftoffClient(port), Duration.ofSeconds(120));
        cli = LiftoffCli.ofThisCheckout().withTimeout(Duration.ofMinutes(3));
    }

    @Test
    void aReleaseApprovedByEveryoneExitsZeroAndTheLogSaysWhatWaitedForWhom() throws Exception {
        String version = nextVersion();
        LiftoffCli.Running ci = start(version, "c0ffee1234abcd", "--wait", "--timeout", "3m");
        // the Go/No-Go waits until the log has told the pipeline about it
        ci.awaitOutput("waiting for release-managers: Go/No-Go: study-api " + version + " -> http://", Duration.ofMinutes(1));
        driver.approveThroughSignoff("study-api@" + version);

        LiftoffCli.Result result = ci.finish();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // the approvers after the Go/No-Go are quick, so which of their tasks the script saw open varies
        assertThat(result.output()).contains("/camunda/app/tasklist/default/#/?task=", "staging verified: 44/44 passed",
                "production verified: 44/44 passed", "outcome: RELEASED");
    }

    @Test
    void aNoGoExitsTwo() throws Exception {
        String version = nextVersion();
        CompletableFuture<LiftoffCli.Result> ci = release(version, "c0ffee1234abce", "--wait", "--timeout", "2m");
        driver.decide("study-api@" + version, "UserTask_GoNoGo", "rita",
                Map.of("decision", ReleaseDriver.value("NO_GO"), "comment", ReleaseDriver.value("freeze week")));

        LiftoffCli.Result result = ci.get(2, TimeUnit.MINUTES);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.output()).contains("REJECTED", "freeze week");
    }

    @Test
    void aBuildThatBreaksProductionExitsThree() throws Exception {
        String version = nextVersion();
        CompletableFuture<LiftoffCli.Result> ci = release(version, "bad0123456abc", "--wait", "--timeout", "3m");
        driver.approveThroughSignoff("study-api@" + version);

        LiftoffCli.Result result = ci.get(3, TimeUnit.MINUTES);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.output()).contains("ROLLED_BACK");
    }

    @Test
    void untilStagingReturnsOnceStagingIsVerifiedAndATimeoutExitsFive() throws Exception {
        String version = nextVersion();
        CompletableFuture<LiftoffCli.Result> ci = release(version, "c0ffee1234abcf", "--until", "staging", "--timeout", "2m");
        driver.decide("study-api@" + version, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));
        LiftoffCli.Result staged = ci.get(2, TimeUnit.MINUTES);
        assertThat(staged.exitCode()).as(staged.toString()).isZero();

        // the release now waits for UAT, which nobody does: waiting for production times out
        LiftoffCli.Result waiting = cli.run(env(), "release", "--service", "study-api", "--version", version,
                "--sha", "c0ffee1234abcf", "--requested-by", "erin", "--until", "production", "--timeout", "5s");
        assertThat(waiting.exitCode()).as(waiting.toString()).isEqualTo(5);
        assertThat(waiting.output()).contains("UAT: study-api " + version);
    }

    /** a test's release may still wait for people (the --until and timeout test leaves one at UAT) */
    @AfterEach
    void cancelLeftovers() {
        driver.cancelRunningReleases();
    }

    private CompletableFuture<LiftoffCli.Result> release(String version, String sha, String... waiting) {
        LiftoffCli.Running ci = start(version, sha, waiting);
        return CompletableFuture.supplyAsync(ci::finish);
    }

    private LiftoffCli.Running start(String version, String sha, String... waiting) {
        String[] args = new String[] {"release", "--service", "study-api", "--version", version, "--sha", sha, "--requested-by", "erin"};
        String[] all = new String[args.length + waiting.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(waiting, 0, all, args.length, waiting.length);
        LiftoffCli.Running ci = cli.start(env(), all);
        driver.awaitStarted("study-api@" + version);
        return ci;
    }

    private Map<String, String> env() {
        return LiftoffCli.ciEnvironment("http://127.0.0.1:" + port, "ci-bot", "ci-bot");
    }

    private static String nextVersion() {
        return "2027.1." + VERSIONS.incrementAndGet();
    }
}
