package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.AnalysisUse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one analysis query costs in Liftoff beyond Prometheus' own answer: the same instant query
 * sent by a bare JDK HTTP client (Prometheus' answer time as a client sees it) and measured by
 * Liftoff (render the template, send it through the provider, read the answer, judge the value), in
 * turn, against Debian's Prometheus scraping a target every second. Run with
 * {@code bench/metrics.sh}; the figures go to {@code target/bench/metric-query.md}.
 */
@Tag("benchmark")
class MetricQueryBenchmark {

    private static final int WARM_UP = 300;
    private static final int RUNS = 1000;
    private static final double GOAL_OVERHEAD_MS = 5;
    private static final String TEMPLATE = "sum(shop_requests_total{service=\"{{service}}\",version=\"{{version}}\"})";

    @Test
    void anAnalysisQueryCostsLiftoffAtMostFiveMillisecondsBeyondPrometheusOwnAnswer() throws Exception {
        PrometheusServer.assumeInstalled();
        try (MetricsTarget target = new MetricsTarget().counter("shop_requests_total", Map.of("service", "shop", "version", "2.0.0"), 10);
                PrometheusServer prometheus = PrometheusServer.scraping(Duration.ofSeconds(1), PrometheusServer.Target.at(target.hostPort()))) {
            prometheus.awaitSeries("shop_requests_total", Duration.ofSeconds(30));
            AnalysisService analysis = new AnalysisService(Analyses.plans(Map.of("requests",
                    Analyses.of(TEMPLATE, "result >= 0", Duration.ofSeconds(1), 1, 0))), MetricProviders.of(prometheus.provider()));
            AnalysisPlan plan = analysis.plans().require("shop", "production", "requests");
            String query = plan.query().render(Analyses.RELEASE);
            HttpClient bare = HttpClient.newHttpClient();

            List<Double> raw = new ArrayList<>();
            List<Double> liftoff = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = bare.send(HttpRequest.newBuilder(URI.create(prometheus.uri() + "/api/v1/query"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time="
                                + Instant.now().toEpochMilli() / 1000.0)).build(), HttpResponse.BodyHandlers.ofString());
                double rawMs = (System.nanoTime() - start) / 1e6;
                assertThat(answer.body()).contains("\"status\":\"success\"");

                start = System.nanoTime();
                AnalysisResult result = analysis.run(plan, Analyses.RELEASE, AnalysisUse.VERIFICATION, null);
                double liftoffMs = (System.nanoTime() - start) / 1e6;
                assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
                if (i >= WARM_UP) {
                    raw.add(rawMs);
                    liftoff.add(liftoffMs);
                }
            }
            double overhead = percentile(liftoff, 50) - percentile(raw, 50);
            write(raw, liftoff, overhead);
            assertThat(overhead).isLessThanOrEqualTo(GOAL_OVERHEAD_MS);
        }
    }

    private static void write(List<Double> raw, List<Double> liftoff, double overhead) throws IOException {
        String markdown = """
                ## One analysis query: Liftoff's cost beyond Prometheus' answer (%s)

                %d instant queries each way, in turn, after %d warm-up pairs; Prometheus 2.42 on loopback.

                | | p50 | p90 | p99 |
                |---|---|---|---|
                | bare HTTP client: Prometheus' answer | %s ms | %s ms | %s ms |
                | Liftoff: template, provider, answer read, value judged | %s ms | %s ms | %s ms |
                | **overhead (p50 difference)** | **%s ms** | | |

                Goal: overhead ≤ %s ms: %s.
                """.formatted(LocalDate.now(), RUNS, WARM_UP, ms(percentile(raw, 50)), ms(percentile(raw, 90)), ms(percentile(raw, 99)),
                ms(percentile(liftoff, 50)), ms(percentile(liftoff, 90)), ms(percentile(liftoff, 99)), ms(overhead), ms(GOAL_OVERHEAD_MS),
                overhead <= GOAL_OVERHEAD_MS ? "met" : "NOT met");
        Path output = Path.of(System.getProperty("liftoff.bench.metric-query-output", "target/bench/metric-query.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
