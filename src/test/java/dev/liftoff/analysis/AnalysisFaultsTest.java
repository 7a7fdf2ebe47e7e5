package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a provider that misbehaves means for an analysis, against a server that plays Prometheus: an
 * error, a timeout or NaN is inconclusive (never a pass, never a failure); a trigger's history with a
 * gap has not proven its failure lasted; a series that stopped is no data.
 */
class AnalysisFaultsTest {

    private static final String QUERY = "shop_error_ratio{service=\"{{service}}\"}";
    private final FakePrometheus prometheus = FakePrometheus.http();

    @AfterEach
    void stop() {
        prometheus.close();
    }

    @Test
    void aProviderAnsweringAnErrorMakesTheMeasurementInconclusiveWithItsMessage() {
        prometheus.answer(503, "maintenance");

        AnalysisResult result = run(Analyses.of(QUERY, "result < 0.05", Duration.ofMillis(50), 1, 2));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.measurements()).as("retried twice").hasSize(3);
        assertThat(result.summary()).startsWith("inconclusive: Prometheus prometheus (" + prometheus.uri() + ") answered HTTP 503");
    }

    @Test
    void aProviderSlowerThanItsTimeoutIsInconclusive() {
        prometheus.delay(Duration.ofSeconds(2)).answerData("vector", vector(0.01));

        AnalysisResult result = run(Analyses.of(QUERY, "result < 0.05", Duration.ofMillis(50), 1, 0), "timeout=300ms");

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.summary()).contains("did not answer within");
    }

    @Test
    void notANumberIsNoData() {
        prometheus.answerData("vector", "[{\"metric\":{},\"value\":[1700000000,\"NaN\"]}]");

        AnalysisResult result = run(Analyses.of(QUERY, "result < 0.05", Duration.ofMillis(50), 1, 0));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.summary()).contains("no data: the query answered NaN");
    }

    @Test
    void anInconclusiveMeasurementIsRetriedAndAConclusiveOneCounts() {
        prometheus.answerData("vector", vector(0.01));

        AnalysisResult result = run(Analyses.of(QUERY, "result < 0.05", Duration.ofMillis(50), 2, 1));

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(2);
    }

    @Test
    void aTriggerWhoseHistoryHasAGapHasNotProvenItsFailureLasted() {
        Instant now = Instant.parse("2026-12-04T10:00:10Z");
        // failing values at 10:00:00 … 10:00:10 but for 10:00:04
        prometheus.answerData("matrix", matrix(now.minusSeconds(10), 11, 4, "0.5"));

        TriggerReading reading = trigger(now.minusSeconds(60), now);

        assertThat(reading.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(reading.failingSince()).isEqualTo(now.minusSeconds(5));
        assertThat(reading.detail()).endsWith(": not yet");
    }

    @Test
    void aTriggerFailingAtEveryStepOfItsSustainedForFires() {
        Instant now = Instant.parse("2026-12-04T10:00:10Z");
        prometheus.answerData("matrix", matrix(now.minusSeconds(10), 11, -1, "0.5"));

        TriggerReading reading = trigger(now.minusSeconds(60), now);

        assertThat(reading.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(reading.value()).isEqualTo(0.5);
        assertThat(reading.failingSince()).isEqualTo(now.minusSeconds(10));
        assertThat(prometheus.last().form()).containsEntry("step", "1");
    }

    @Test
    void aTriggerWhoseSeriesStoppedIsInconclusive() {
        Instant now = Instant.parse("2026-12-04T10:00:10Z");
        prometheus.answerData("matrix", matrix(now.minusSeconds(10), 5, -1, "0.5"));

        TriggerReading reading = trigger(now.minusSeconds(60), now);

        assertThat(reading.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(reading.detail()).startsWith("no data since 2026-12-04T10:00:04Z");
    }

    private AnalysisResult run(AnalysisConfig config, String... settings) {
        AnalysisService analysis = service(config, settings);
        return analysis.run(analysis.plans().require("shop", "production", "a"), Analyses.RELEASE, AnalysisUse.VERIFICATION, null);
    }

    private TriggerReading trigger(Instant windowStart, Instant now) {
        AnalysisService analysis = service(Analyses.trigger(QUERY, "result < 0.05", Duration.ofSeconds(1), Duration.ofSeconds(10)));
        return analysis.measureTrigger(analysis.plans().require("shop", "production", "a"), Analyses.RELEASE, windowStart, now, null);
    }

    private AnalysisService service(AnalysisConfig config, String... settings) {
        String[] prefixed = java.util.Arrays.stream(settings).map(s -> "liftoff.metrics.providers.prometheus." + s).toArray(String[]::new);
        return new AnalysisService(Analyses.plans(Map.of("a", config)), MetricProviders.of(TestProviders.prometheus(prometheus.uri(), prefixed)));
    }

    private static String vector(double value) {
        return "[{\"metric\":{\"service\":\"shop\"},\"value\":[1700000000,\"" + value + "\"]}]";
    }

    /** one series of {@code points} values a second apart from {@code from}, without the one at index {@code gap} (-1: none) */
    private static String matrix(Instant from, int points, int gap, String value) {
        String values = IntStream.range(0, points).filter(i -> i != gap)
                .mapToObj(i -> "[" + from.plusSeconds(i).getEpochSecond() + ",\"" + value + "\"]").collect(Collectors.joining(","));
        return "[{\"metric\":{\"service\":\"shop\"},\"values\":[" + values + "]}]";
    }
}
