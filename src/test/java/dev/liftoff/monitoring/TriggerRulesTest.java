package dev.liftoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.ErrorRateTrigger;
import dev.liftoff.config.LatencyDegradationTrigger;
import dev.liftoff.verification.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final ErrorRateTrigger errorRate = new ErrorRateTrigger(5, Duration.ofMinutes(5), "/health", 20, Duration.ofSeconds(30));

    @Test
    void anErrorRateAtTheThresholdIsBelowIt() {
        ErrorRateVerdict verdict = ErrorRateVerdict.judge(errorRate, probe(20, 1), null, NOW);

        assertThat(verdict.state()).isEqualTo(ErrorRateVerdict.State.BELOW);
        assertThat(verdict.aboveSince()).isNull();
        assertThat(verdict.description()).isEqualTo("error rate 5.0 % (1 of 20 requests failed; threshold 5 %)");
    }

    @Test
    void theFirstRateAboveTheThresholdOpensAnEpisodeThatRollsBackOnlyOnceSustained() {
        ErrorRateVerdict opened = ErrorRateVerdict.judge(errorRate, probe(20, 2), null, NOW);
        ErrorRateVerdict still = ErrorRateVerdict.judge(errorRate, probe(20, 3), opened.aboveSince(), NOW.plus(Duration.ofMinutes(4)));
        ErrorRateVerdict sustained = ErrorRateVerdict.judge(errorRate, probe(20, 3), opened.aboveSince(), NOW.plus(Duration.ofMinutes(5)));

        assertThat(opened.state()).isEqualTo(ErrorRateVerdict.State.OPENED);
        assertThat(opened.description()).endsWith("above the threshold: probing every 30s");
        assertThat(still.state()).isEqualTo(ErrorRateVerdict.State.ABOVE);
        assertThat(sustained.state()).isEqualTo(ErrorRateVerdict.State.SUSTAINED);
        assertThat(sustained.description())
                .isEqualTo("error rate 15.0 % (3 of 20 requests failed; threshold 5 %), above the threshold for 5m (limit 5m)");
    }

    @Test
    void aRateBackBelowTheThresholdClosesTheEpisode() {
        ErrorRateVerdict recovered = ErrorRateVerdict.judge(errorRate, probe(20, 0), NOW, NOW.plus(Duration.ofSeconds(90)));

        assertThat(recovered.state()).isEqualTo(ErrorRateVerdict.State.BELOW);
        assertThat(recovered.aboveSince()).isNull();
        assertThat(recovered.description()).endsWith("back below the threshold after 90s");
    }

    @Test
    void latencyDegradesWhenP95IsWorseThanTheBaselineByMoreThanTheLimit() {
        LatencyDegradationTrigger trigger = new LatencyDegradationTrigger(50, Duration.ofMillis(5));
        Map<String, Long> baseline = Map.of("Version: latency", 10_000L, "Score: latency", 100_000L, "Health: latency", 1_000L);

        List<String> degraded = LatencyComparison.degradations(trigger, baseline, List.of(
                latency("Version: latency", 18_000), latency("Score: latency", 150_000), latency("New: latency", 900_000),
                latency("Health: latency", 3_000)));

        assertThat(degraded).as("Health tripled, but by 2 ms only: below the minimum increase of 5 ms").containsExactly(
                "Version: latency p95 18.0 ms against 10.0 ms before the release (+80 %, limit +50 %)");
    }

    private static CheckResult probe(long samples, long failed) {
        return new CheckResult("Probe /health: latency", failed == 0, "", "", 5,
                Map.of(CheckResult.SAMPLES, samples, CheckResult.FAILED, failed));
    }

    private static CheckResult latency(String name, long p95Micros) {
        return new CheckResult(name, true, "", "", 5, Map.of(CheckResult.SAMPLES, 20L, CheckResult.FAILED, 0L, CheckResult.P95_MICROS, p95Micros));
    }
}
