package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.bench.ResultsMarkdown.AgreementRow;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PercentileComparisonTest {

    private final LatencyProbe daily = new LatencyProbe("Daily question", "/api/daily/next", 200, 4, Duration.ofMillis(300));
    private final LatencyPercentiles bySampler = new LatencyPercentiles(52.2, OptionalDouble.of(53.6), OptionalDouble.of(54.3), 55.7, 200);
    private final LatencyPercentiles byWrk = new LatencyPercentiles(51.0, OptionalDouble.of(51.8), OptionalDouble.empty(), 55.0, 388);

    @Test
    void comparesLiftoffsReportedPercentilesWithBothIndependentMeasurements() {
        VerificationReport report = VerificationReport.of("staging", List.of(new CheckResult("Daily question: latency", true,
                "p99 <= 300 ms", "p50 52 ms, p95 54 ms, p99 61 ms over 200 samples", 2600)), 2600);
        Optional<LatencyPercentiles> byLiftoff = EngineLatency.check(report, daily).map(check -> EngineLatency.parse(check.actual()));

        List<AgreementRow> rows = PercentileComparison.rows(daily, byLiftoff, bySampler, Optional.of(byWrk));

        assertThat(rows).filteredOn(AgreementRow::binding)
                .extracting(row -> row.against() + " " + row.agreement().percentile() + " " + row.agreement().agrees())
                .containsExactly("raw sampler p50 true", "raw sampler p95 true", "raw sampler p99 true");
        assertThat(rows).filteredOn(row -> !row.binding())
                .extracting(row -> row.measuredBy() + " against " + row.against() + " " + row.agreement().percentile()
                        + " " + row.agreement().agrees())
                .containsExactly("Liftoff against wrk p50 true", "Liftoff against wrk p99 false",
                        "raw sampler against wrk p50 true", "raw sampler against wrk p99 true");
    }

    @Test
    void withoutLiftoffsFiguresOnlyTheIndependentMeasurementsAreCompared() {
        assertThat(PercentileComparison.rows(daily, Optional.empty(), bySampler, Optional.of(byWrk)))
                .noneMatch(AgreementRow::binding).hasSize(2);
        assertThat(PercentileComparison.rows(daily, Optional.empty(), bySampler, Optional.empty())).isEmpty();
    }
}
