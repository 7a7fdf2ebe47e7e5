package dev.liftoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.process.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The series Liftoff publishes before anything happened, and what an unknown value adds. */
class ReleaseMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ReleaseMeters meters = new ReleaseMeters(registry, TestServices.properties());

    @Test
    void everyForeseenSeriesStartsAtZeroSoThatIncreaseSeesTheFirstEvent() {
        assertThat(registry.scrape()).contains(
                "liftoff_releases_total{outcome=\"RELEASED\",service=\"shop\"} 0.0",
                "liftoff_releases_total{outcome=\"CANCELLED\",service=\"unknown\"} 0.0",
                "liftoff_release_duration_seconds_count{service=\"unknown\"} 0",
                "liftoff_rollbacks_total{reason=\"requested\",service=\"kiosk\"} 0.0",
                "liftoff_gate_wait_seconds_count{ended=\"cancelled\",gate=\"signoff:security-leads\"} 0",
                "liftoff_gate_wait_seconds_count{ended=\"completed\",gate=\"incident-acknowledgement\"} 0",
                "liftoff_verification_seconds_count{environment=\"rollback\"} 0");
    }

    @Test
    void valuesOutsideTheConfigurationCountUnderUnknown() {
        meters.releaseEnded(meters.service("typo-service"), ReleaseMeters.outcome(null), Duration.ofSeconds(1));
        meters.verified(meters.environment("qa-17"), Duration.ofSeconds(1));

        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getTags().stream()
                .anyMatch(tag -> tag.getValue().equals("typo-service") || tag.getValue().equals("qa-17")));
        assertThat(registry.scrape()).contains("liftoff_releases_total{outcome=\"CANCELLED\",service=\"unknown\"} 1.0",
                "liftoff_verification_seconds_count{environment=\"unknown\"} 1");
    }
}
