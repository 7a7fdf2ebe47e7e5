package dev.liftoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.process.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example Grafana dashboard imports as it is: well-formed JSON whose panels all ask the
 * Prometheus chosen at import, for series that Liftoff's meters really publish.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("examples/grafana/liftoff-dashboard.json");
    private static final Pattern LIFTOFF_SERIES = Pattern.compile("\\bliftoff_[a-z_]+");
    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    @Test
    void everyPanelAsksThePrometheusChosenAtImport() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("__inputs").get(0).path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(dashboard.path("__inputs").get(0).path("pluginId").asText()).isEqualTo("prometheus");
        assertThat(panels(dashboard)).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(DATASOURCE);
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE));
        });
        assertThat(dashboard.path("templating").path("list")).allSatisfy(variable ->
                assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE));
        assertThat(panels(dashboard)).extracting(panel -> panel.path("title").asText()).contains("Releases by outcome",
                "Release duration p50 / p90", "Mean gate waiting time", "Verification time per environment", "Rollbacks by reason",
                "JVM heap", "HTTP requests per second");
    }

    @Test
    void everyLiftoffSeriesItAsksForIsPublished() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ReleaseMeters meters = new ReleaseMeters(registry, TestServices.properties());
        meters.releaseEnded(TestServices.SHOP, "RELEASED", Duration.ofHours(30));
        meters.gateClosed("go-no-go", GateWaitListener.COMPLETED, Duration.ofMinutes(20));
        meters.verified("staging", Duration.ofSeconds(12));
        meters.rollbackStarted(TestServices.SHOP, RollbackReasons.TRIGGER);
        Set<String> published = registry.scrape().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("[{ ].*", "")).collect(Collectors.toSet());

        List<String> asked = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        panels(dashboard).forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher series = LIFTOFF_SERIES.matcher(target.path("expr").asText());
            while (series.find()) {
                asked.add(series.group());
            }
        }));

        assertThat(asked).contains("liftoff_releases_total", "liftoff_release_duration_seconds_bucket", "liftoff_gate_wait_seconds_bucket",
                "liftoff_verification_seconds_sum", "liftoff_rollbacks_total");
        assertThat(published).containsAll(asked);
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
        });
        return panels;
    }
}
