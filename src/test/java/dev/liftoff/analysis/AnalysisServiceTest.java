package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analyses judged against the real Prometheus (Debian's 2.42) scraping a service's figures every
 * second: passes and failures by condition, counts, the comparison with the version before, a
 * query without data (inconclusive after its retries), a query that needs aggregating (a failure
 * naming its series), and a rollback trigger whose failure must last its sustained-for.
 */
class AnalysisServiceTest {

    static MetricsTarget target;
    static PrometheusServer prometheus;
    static AnalysisService analysis;
    /** when Prometheus had the first values: a window opened then has history from then on */
    static Instant firstData;

    @BeforeEach
    void scrapeTheService() {
        PrometheusServer.assumeInstalled();
        if (prometheus != null) {
            return;
        }
        target = new MetricsTarget()
                .counter("shop_error_ratio", Map.of("service", "shop", "version", "2.0.0"), 0.01)
                .counter("shop_error_ratio", Map.of("service", "shop", "version", "1.9.0"), 0.02)
                .counter("shop_latency_p95_seconds", Map.of("service", "shop", "version", "1.9.0"), 0.100)
                .counter("shop_latency_p95_seconds", Map.of("service", "shop", "version", "2.0.0"), 0.200)
                .counter("shop_requests_total", Map.of("service", "shop", "instance_name", "a"), 5)
                .counter("shop_requests_total", Map.of("service", "shop", "instance_name", "b"), 7);
        prometheus = PrometheusServer.scraping(Duration.ofSeconds(1), PrometheusServer.Target.at(target.hostPort()));
        prometheus.awaitSeries("shop_error_ratio", Duration.ofSeconds(30));
        firstData = Instant.now();
        Map<String, AnalysisConfig> production = new LinkedHashMap<>();
        String errorRatio = "shop_error_ratio{service=\"{{service}}\",version=\"{{version}}\"}";
        production.put("error-rate", Analyses.of(errorRatio, "result < 0.05", Duration.ofMillis(200), 3, null));
        production.put("strict-error-rate", Analyses.of(errorRatio, "result < 0.001", Duration.ofMillis(200), 1, null));
        production.put("p95", Analyses.againstPrevious("shop_latency_p95_seconds{service=\"{{service}}\",version=\"{{version}}\"}", 50, 0.01));
        production.put("missing", Analyses.of("shop_not_exported{service=\"{{service}}\"}", "result < 1", Duration.ofMillis(100), 1, 1));
        production.put("per-instance", Analyses.of("shop_requests_total{service=\"{{service}}\"}", "result > 0", Duration.ofMillis(100), 1, null));
        production.put("failing-trigger", Analyses.trigger(errorRatio, "result < 0.001", Duration.ofSeconds(1), Duration.ofSeconds(3)));
        production.put("passing-trigger", Analyses.trigger(errorRatio, "result < 0.05", Duration.ofSeconds(1), Duration.ofSeconds(3)));
        analysis = new AnalysisService(Analyses.plans(production), MetricProviders.of(prometheus.provider()));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void anAnalysisTakesItsCountOfMeasurementsAndKeepsTheQueryAsSent() {
        AnalysisResult result = run("error-rate", null);

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(3).allSatisfy(measurement -> assertThat(measurement.value()).isEqualTo(0.01));
        assertThat(Duration.between(result.from(), result.to())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(result.query()).isEqualTo("shop_error_ratio{service=\"shop\",version=\"2.0.0\"}");
        assertThat(result.condition()).isEqualTo("result < 0.05");
        assertThat(result.summary()).isEqualTo("0.01 (3 measurements: 0.01, 0.01, 0.01)");
        assertThat(result.graphUrl().toString()).startsWith(prometheus.uri() + "/graph?g0.expr=");
        assertThat(result.evidence()).containsEntry("where", "verification").containsEntry("verdict", "passed");
    }

    @Test
    void aValueOutsideTheConditionFailsAtOnce() {
        AnalysisResult result = run("strict-error-rate", null);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.summary()).isEqualTo("FAILED: 0.01: not result < 0.001");
    }

    @Test
    void theComparisonWithTheVersionBeforeFailsARegressionOfMoreThanItsLimit() {
        Map<String, Baseline> before = analysis.baselines(Analyses.BEFORE);
        assertThat(before).containsOnlyKeys("p95");
        assertThat(before.get("p95").value()).isEqualTo(0.100);
        assertThat(before.get("p95").query()).isEqualTo("shop_latency_p95_seconds{service=\"shop\",version=\"1.9.0\"}");

        AnalysisResult result = run("p95", before.get("p95"));

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.summary()).isEqualTo("FAILED: 0.2: 0.2 against 0.1 before the release (+100 %, limit 50 %)");
        assertThat(result.evidence()).containsKey("baseline");
    }

    @Test
    void withoutAValueFromBeforeTheComparisonIsInconclusive() {
        AnalysisResult result = run("p95", Baseline.unavailable("Prometheus prometheus (http://x) refused the connection"));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.summary()).contains("no value from before the release to compare with (Prometheus prometheus (http://x) refused");
    }

    @Test
    void aQueryWithoutDataIsInconclusiveAfterItsRetriesNeverAPass() {
        AnalysisResult result = run("missing", null);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.measurements()).as("one measurement and inconclusive-limit 1 retry").hasSize(2)
                .allSatisfy(measurement -> assertThat(measurement.detail()).isEqualTo("no data: the query returned no series"));
    }

    @Test
    void aQueryAnsweringSeveralSeriesFailsNamingThem() {
        AnalysisResult result = run("per-instance", null);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.summary()).startsWith("FAILED: the query returned 2 series (")
                .contains("instance_name=\"a\"", "instance_name=\"b\"").contains("aggregate the series");
    }

    @Test
    void aTriggerFiresOnlyOnceItsFailureLastedSustainedFor() throws InterruptedException {
        AnalysisPlan failing = analysis.plans().require("shop", "production", "failing-trigger");
        Instant now = Instant.now();
        TriggerReading young = analysis.measureTrigger(failing, Analyses.RELEASE, now.minusSeconds(1), now, null);
        assertThat(young.verdict()).as("a window opened a second ago: %s", young.detail()).isEqualTo(Verdict.PASSED);
        assertThat(young.failingSince()).isNotNull();
        assertThat(young.detail()).endsWith(": not yet");

        waitUntil(firstData.plusSeconds(5));
        now = Instant.now();
        TriggerReading sustained = analysis.measureTrigger(failing, Analyses.RELEASE, firstData, now, null);
        assertThat(sustained.verdict()).as(sustained.detail()).isEqualTo(Verdict.FAILED);
        assertThat(sustained.detail()).startsWith("0.01: not result < 0.001, failing since ").contains("sustained-for 3s");
        assertThat(Duration.between(sustained.from(), sustained.to())).isEqualTo(Duration.ofSeconds(3));

        TriggerReading passing = analysis.measureTrigger(analysis.plans().require("shop", "production", "passing-trigger"),
                Analyses.RELEASE, firstData, now, null);
        assertThat(passing.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(passing.failingSince()).isNull();
    }

    private static AnalysisResult run(String name, Baseline baseline) {
        return analysis.run(analysis.plans().require("shop", "production", name), Analyses.RELEASE, AnalysisUse.VERIFICATION, baseline);
    }

    private static void waitUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
