package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * The monitoring window of an environment after its deploy: phases one after another, each
 * re-running the environment's verification on its cadence (reference: staging every 15 minutes
 * for 24 hours; production every 15 minutes in hour 1, every 30 minutes in hours 2–4, hourly to
 * 24 hours). No phases: no window.
 */
public record MonitoringConfig(List<@Valid @NotNull MonitoringPhase> phases) {

    public MonitoringConfig {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    static MonitoringConfig none() {
        return new MonitoringConfig(null);
    }

    /** how long the whole window lasts */
    public Duration length() {
        return phases.stream().map(MonitoringPhase::lasting).reduce(Duration.ZERO, Duration::plus);
    }
}
