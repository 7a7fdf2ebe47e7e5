package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitCommitTest {

    private static final String OLD = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String NEW = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private final FakeEnvironment staging = FakeEnvironment.start();

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void waitsUntilTheEnvironmentReportsTheCommit() {
        AtomicInteger polls = new AtomicInteger();
        staging.on("/version", exchange -> {
            boolean deployed = polls.incrementAndGet() > 3;
            FakeEnvironment.reply(exchange, 200, "application/json",
                    deployed ? "{\"version\": \"2026.11.0\", \"commit\": \"" + NEW + "\"}" : "{\"version\": \"2026.10.2\", \"commit\": \"" + OLD + "\"}");
        });

        VersionWait wait = service(staging.baseUrl(), Duration.ofSeconds(10)).awaitCommit(SERVICE, STAGING, NEW);

        assertThat(wait.passed()).isTrue();
        assertThat(wait.check()).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("deployed commit", true, NEW, "commit " + NEW + " (version 2026.11.0) after 4 polls");
        // pauses of 200, 300 and 450 ms between the four polls
        assertThat(wait.elapsedMs()).isBetween(900L, 3000L);
        assertThat(wait.check().durationMs()).isEqualTo(wait.elapsedMs());
    }

    @Test
    void aShortShaMatchesTheFullOneReported() {
        staging.json("/version", 200, "{\"version\": \"2026.11.0\", \"commit\": \"" + NEW + "\"}");

        VersionWait wait = service(staging.baseUrl(), Duration.ofSeconds(10)).awaitCommit(SERVICE, STAGING, "2222222B");

        assertThat(wait.passed()).isTrue();
        assertThat(wait.check().actual()).endsWith("after 1 poll");
    }

    @Test
    void givesUpAfterTheDeployTimeoutWithTheLastCommitSeen() {
        staging.json("/version", 200, "{\"version\": \"2026.10.2\", \"commit\": \"" + OLD + "\"}");

        VersionWait wait = service(staging.baseUrl(), Duration.ofMillis(800)).awaitCommit(SERVICE, STAGING, NEW);

        assertThat(wait.passed()).isFalse();
        assertThat(wait.check().passed()).isFalse();
        assertThat(wait.check().actual()).matches("commit " + OLD + " \\(version 2026\\.10\\.2\\) after [3-5] polls");
        assertThat(wait.elapsedMs()).isBetween(800L, 2000L);
    }

    @Test
    void keepsPollingAnEnvironmentThatIsDown() throws Exception {
        VersionWait wait = service(FakeEnvironment.closedPort(), Duration.ofMillis(500)).awaitCommit(SERVICE, STAGING, NEW);

        assertThat(wait.passed()).isFalse();
        assertThat(wait.check().actual()).matches("unreachable: connection refused after [2-4] polls");
    }

    @Test
    void verifiesOnceTheCommitIsDeployed() {
        staging.json("/version", 200, "{\"version\": \"2026.11.0\", \"commit\": \"" + NEW + "\"}");
        staging.json("/health", 200, "{\"status\": \"UP\"}");

        VerificationReport report = service(staging.baseUrl(), Duration.ofSeconds(10)).verifyOnceDeployed(SERVICE, STAGING, NEW);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name).containsExactly("health", "deployed commit");
    }

    @Test
    void aCommitThatNeverShowsIsAFailedReportWithWhatWasSeen() {
        staging.json("/version", 200, "{\"version\": \"2026.10.2\", \"commit\": \"" + OLD + "\"}");

        VerificationReport report = service(staging.baseUrl(), Duration.ofMillis(500)).verifyOnceDeployed(SERVICE, STAGING, NEW);

        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("deployed commit");
            assertThat(check.actual()).startsWith("commit " + OLD);
        });
        assertThat(report.summary()).startsWith("0/1 passed — deployed commit: commit " + OLD);
    }

    private static VerificationService service(URI baseUrl, Duration deployTimeout) {
        return new VerificationService(Configs.properties(Configs.environment(baseUrl, null, deployTimeout), List.of()));
    }
}
