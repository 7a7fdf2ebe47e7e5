package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineLatencyTest {

    private final LatencyProbe daily = new LatencyProbe("Daily question", "/api/daily/next", 20, 4, Duration.ofMillis(300));

    @Test
    void readsThePercentilesOfALatencyCheck() {
        LatencyPercentiles percentiles = EngineLatency.parse("p50 412.3 ms, p95 590.0 ms, p99 702.8 ms over 20 samples");

        assertThat(percentiles.p50()).isEqualTo(412.3);
        assertThat(percentiles.p95()).hasValue(590.0);
        assertThat(percentiles.p99()).isEqualTo(702.8);
        assertThat(percentiles.p90()).isEmpty();
        assertThat(percentiles.samples()).isEqualTo(20);
    }

    @Test
    void readsThePercentilesWhenMoreEvidenceFollows() {
        assertThat(EngineLatency.parse("p50 51 ms, p95 53 ms, p99 58 ms over 200 samples; target p99 300 ms").p99()).isEqualTo(58);
    }

    @Test
    void refusesTextThatIsNotALatencyCheck() {
        for (String actual : new String[] {"status 200", "p50 0.4 s, p95 590 ms, p99 702 ms over 20 samples",
                "took p50 412 ms, p95 590 ms, p99 702 ms over 20 samples", "", null}) {
            assertThatThrownBy(() -> EngineLatency.parse(actual)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void findsTheLatencyCheckOfAProbeByItsName() {
        CheckResult smoke = new CheckResult("Daily question: status", true, "200", "status 200", 51);
        CheckResult latency = new CheckResult("Daily question: latency", true, "p99 <= 300 ms",
                "p50 51 ms, p95 53 ms, p99 58 ms over 20 samples", 260);
        VerificationReport withLatency = VerificationReport.of("staging", List.of(smoke, latency), 300);
        VerificationReport withoutLatency = VerificationReport.of("staging", List.of(smoke), 60);

        assertThat(EngineLatency.check(withLatency, daily)).contains(latency);
        assertThat(EngineLatency.check(withoutLatency, daily)).isEmpty();
    }
}
