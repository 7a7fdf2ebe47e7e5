package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Where metric analyses read their measurements: the providers by name, as analyses refer to them
 * (e.g. {@code prometheus}). None by default: a Liftoff without metric analyses needs none.
 */
public record MetricsConfig(Map<String, @Valid @NotNull MetricProviderConfig> providers) {

    public MetricsConfig {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public static MetricsConfig none() {
        return new MetricsConfig(null);
    }
}
