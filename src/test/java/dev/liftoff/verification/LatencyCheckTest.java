package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static dev.liftoff.verification.Configs.latency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.LatencyCheck;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyCheckTest {

    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    private static final Pattern ACTUAL = Pattern.compile("p50 (\\d+\\.\\d) ms, p95 (\\d+\\.\\d) ms, p99 (\\d+\\.\\d) ms over (\\d+) samples(; .*)?");

    private final FakeEnvironment staging = FakeEnvironment.start().deployed(COMMIT);

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void passesWhenEveryTargetIsMet() {
        staging.json("/api/version", 200, "{\"version\": \"2026.11.0\"}");

        CheckResult check = verifyLatency(latency("Version", "/api/version", 10, 2, ms(1000), ms(2000), ms(3000)));

        assertThat(check.name()).isEqualTo("Version: latency");
        assertThat(check.passed()).isTrue();
        assertThat(check.expected()).isEqualTo("p50 ≤ 1000 ms, p95 ≤ 2000 ms, p99 ≤ 3000 ms");
        assertThat(check.actual()).matches(ACTUAL).endsWith(" over 10 samples");
        assertThat(staging.hits("/api/version")).isEqualTo(10);
    }

    @Test
    void failsWhenATargetIsMissedAndReportsAllThreePercentiles() {
        staging.slow("/api/generate", 150);

        CheckResult check = verifyLatency(latency("Quiz generation", "/api/generate", 4, 4, null, ms(50), null));

        assertThat(check.passed()).isFalse();
        assertThat(check.expected()).isEqualTo("p95 ≤ 50 ms");
        Matcher actual = parse(check.actual());
        assertThat(Double.parseDouble(actual.group(2))).isGreaterThanOrEqualTo(150);
        assertThat(actual.group(5)).as("no failed samples").isNull();
    }

    @Test
    void nearestRankPercentilesOfAKnownDelayDistribution() {
        // the i-th request to arrive waits i × 20 ms: latencies ≈ 20, 40, …, 400 ms
        AtomicInteger arrived = new AtomicInteger();
        staging.on("/api/daily/next", exchange -> {
            TargetHttpTest.sleep(arrived.incrementAndGet() * 20L);
            FakeEnvironment.reply(exchange, 200, "application/json", "{}");
        });

        CheckResult check = verifyLatency(latency("Daily question", "/api/daily/next", 20, 4, ms(5000), null, null));

        Matcher actual = parse(check.actual());
        // nearest rank of 20: p50 = 10th (200 ms), p95 = 19th (380 ms), p99 = 20th (400 ms), plus overhead
        assertThat(Double.parseDouble(actual.group(1))).isBetween(200.0, 350.0);
        assertThat(Double.parseDouble(actual.group(2))).isBetween(380.0, 530.0);
        assertThat(Double.parseDouble(actual.group(3))).isBetween(400.0, 550.0);
        assertThat(actual.group(4)).isEqualTo("20");
        assertThat(check.passed()).isTrue();
        assertThat(staging.mostInFlight()).as("concurrency 4").isLessThanOrEqualTo(4);
    }

    @Test
    void failedSamplesFailTheCheckEvenWithinTargets() {
        AtomicInteger arrived = new AtomicInteger();
        staging.on("/api/score", exchange -> FakeEnvironment.reply(exchange, arrived.incrementAndGet() % 4 == 0 ? 500 : 200,
                "application/json", "{}"));

        CheckResult check = verifyLatency(latency("Answer scoring", "/api/score", 8, 2, ms(5000), ms(5000), ms(5000)));

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).matches(ACTUAL).endsWith(" over 8 samples; 2 failed: status 500");
    }

    @Test
    void differentFailuresAreCountedByReason() {
        AtomicInteger arrived = new AtomicInteger();
        staging.on("/api/score", exchange -> {
            int n = arrived.incrementAndGet();
            FakeEnvironment.reply(exchange, n == 1 ? 503 : n == 2 ? 500 : 200, "application/json", "{}");
        });

        CheckResult check = verifyLatency(latency("Answer scoring", "/api/score", 4, 1, ms(5000), null, null));

        assertThat(check.actual()).endsWith(" over 4 samples; 2 failed: 1× status 503, 1× status 500");
    }

    @Test
    void anUnreachableEndpointFailsEverySample() throws Exception {
        URI closed = FakeEnvironment.closedPort();

        VerificationReport report = Configs.service(closed)
                .latency(latency("Version", "/api/version", 3, 3, ms(100), null, null))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        CheckResult check = report.checks().get(report.checks().size() - 1);
        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).matches(ACTUAL).endsWith(" over 3 samples; 3 failed: unreachable: connection refused");
    }

    private CheckResult verifyLatency(LatencyCheck check) {
        VerificationReport report = Configs.service(staging.baseUrl()).latency(check).verificationService()
                .verify(SERVICE, STAGING, COMMIT);
        assertThat(report.checks()).extracting(CheckResult::name)
                .containsExactly("health", "deployed commit", check.name() + ": latency");
        return report.checks().get(2);
    }

    private static Matcher parse(String actual) {
        Matcher matcher = ACTUAL.matcher(actual);
        assertThat(matcher.matches()).as(actual).isTrue();
        return matcher;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
