package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.bench.ResultsMarkdown.AgreementRow;
import dev.liftoff.bench.ResultsMarkdown.PercentileRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResultsMarkdownTest {

    private final LatencyPercentiles sampled = new LatencyPercentiles(52.2, OptionalDouble.of(53.6), OptionalDouble.of(54.3), 55.7, 200);

    @Test
    void showsTheMediansAndBothRatios() {
        String markdown = ResultsMarkdown.wallTimes(new WallTimes(List.of(831L, 829L, 840L)), new WallTimes(List.of(1950L, 1960L, 1990L)),
                Duration.ofMillis(800), Duration.ofMillis(1410), 33, "31 passed, 0 failed");

        assertThat(markdown)
                .contains("| 33 (health, deployed commit, 31 smoke assertions, security headers of the same responses) | 831 ms | 831, 829, 840 |")
                .contains("| 31 passed, 0 failed | 1960 ms |")
                .contains("| Liftoff ÷ physical limit | 1.04 | ≤ 1.5 (met) |")
                .contains("| runbook script ÷ Liftoff | 2.36 | |");
    }

    @Test
    void marksLiftoffsPercentilesAsPendingWhileItReportsNone() {
        String markdown = ResultsMarkdown.percentiles(
                List.of(new PercentileRow("GET /api/daily/next", "Liftoff latency check", Optional.empty(), "pending latency checks"),
                        new PercentileRow("GET /api/daily/next", "raw sampler", Optional.of(sampled), "")),
                List.of(), "pending latency checks");

        assertThat(markdown)
                .contains("(pending latency checks)")
                .contains("| GET /api/daily/next | Liftoff latency check | pending latency checks | | | | |")
                .contains("| GET /api/daily/next | raw sampler | 200 | 52.2 | 53.6 | 54.3 | 55.7 |")
                .contains("| every probe | Liftoff | raw sampler | p50, p95, p99 | — | — | — | pending latency checks |");
    }

    @Test
    void givesEveryComparisonItsDifferenceAndVerdict() {
        String markdown = ResultsMarkdown.percentiles(List.of(), List.of(
                new AgreementRow("GET /api/version", ResultsMarkdown.LIFTOFF, "raw sampler", new Agreement("p99", 13, 11.5)),
                new AgreementRow("GET /api/version", "raw sampler", "wrk", new Agreement("p50", 11.2, 10.8))), "measured");

        assertThat(markdown)
                .contains("| GET /api/version | Liftoff | raw sampler | p99 | 13.0 | 11.5 | +13.0 % (allowed ±1.2 ms) | **disagrees** |")
                .contains("| GET /api/version | raw sampler | wrk | p50 | 11.2 | 10.8 | +3.7 % (allowed ±1.1 ms) | agrees (for reference) |")
                .doesNotContain("pending");
    }
}
