package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test utility other tests and benchmarks start their Prometheus with. */
class PrometheusServerTest {

    @Test
    void theConfigurationHasOneJobPerTargetWithItsPathAndLabels() {
        String yaml = PrometheusServer.PrometheusConfigFile.render(Duration.ofMillis(1500), List.of(
                PrometheusServer.Target.at("127.0.0.1:8081"),
                PrometheusServer.Target.at("127.0.0.1:8082").path("/internal/metrics").label("service", "shop")
                        .label("note", "say \"hi\"\\\n")));
        assertThat(yaml).isEqualTo("""
                global:
                  scrape_interval: 1500ms
                  evaluation_interval: 1500ms
                scrape_configs:
                  - job_name: "target-0"
                    metrics_path: "/metrics"
                    static_configs:
                      - targets: ["127.0.0.1:8081"]
                  - job_name: "target-1"
                    metrics_path: "/internal/metrics"
                    static_configs:
                      - targets: ["127.0.0.1:8082"]
                        labels:
                          "service": "shop"
                          "note": "say \\"hi\\"\\\\\\n"
                """);
    }

    @Test
    void scrapesATargetAtItsPathWithItsLabelsAndStopsAndStartsOnTheSamePort() throws Exception {
        PrometheusServer.assumeInstalled();
        String note = "say \"hi\" \\ 'there'";
        try (MetricsTarget target = new MetricsTarget("/internal/metrics").counter("jobs_total", Map.of("queue", "mail"), 3);
                PrometheusServer prometheus = PrometheusServer.scraping(Duration.ofSeconds(1),
                        PrometheusServer.Target.at(target.hostPort()).path("/internal/metrics").label("service", "shop").label("note", note))) {
            List<Series> series = prometheus.awaitSeries("jobs_total", Duration.ofSeconds(20));
            assertThat(series).singleElement().satisfies(jobs -> {
                assertThat(jobs.labels()).containsEntry("service", "shop").containsEntry("note", note).containsEntry("queue", "mail");
                assertThat(jobs.samples().get(0).value()).isEqualTo(3.0);
            });
            assertThat(prometheus.isRunning()).isTrue();

            URI uri = prometheus.uri();
            prometheus.stop();
            prometheus.stop();
            assertThat(prometheus.isRunning()).isFalse();
            assertThatThrownBy(() -> prometheus.provider().query("jobs_total", Instant.now())).isInstanceOf(ProviderException.class);

            prometheus.start();
            prometheus.start();
            assertThat(prometheus.isRunning()).isTrue();
            assertThat(prometheus.uri()).isEqualTo(uri);
            assertThat(prometheus.provider().query("jobs_total", Instant.now())).as("the data survived the restart").hasSize(1);
            assertThat(prometheus.logTail()).contains("Server is ready to receive web requests");

            assertThatThrownBy(() -> prometheus.awaitSeries("no_such_metric", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Prometheus returned no sample of no_such_metric within PT0.3S (last: an empty answer)")
                    .hasMessageContaining("prometheus.log, last lines");
            Path home = prometheus.directory();
            assertThat(home.resolve("prometheus.yml")).exists();
            prometheus.close();
            assertThat(prometheus.isRunning()).isFalse();
            assertThat(Files.exists(home)).as("its temporary directory is removed").isFalse();
        }
    }
}
