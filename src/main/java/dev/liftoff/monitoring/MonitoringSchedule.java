package dev.liftoff.monitoring;

import dev.liftoff.config.MonitoringConfig;
import dev.liftoff.config.MonitoringPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When the ticks of a monitoring window fall: phase after phase, each tick at the end of one
 * {@code every} of its phase (every 15 minutes for an hour: at 15, 30, 45 and 60 minutes). The
 * next tick is the first one after now, so a tick that ran late does not shift the ones after it.
 */
final class MonitoringSchedule {

    private final MonitoringConfig config;

    MonitoringSchedule(MonitoringConfig config) {
        this.config = config;
    }

    /** the first tick strictly after {@code now}, or empty once the window started at {@code windowStart} is over */
    Optional<Instant> nextTick(Instant windowStart, Instant now) {
        Instant phaseStart = windowStart;
        for (MonitoringPhase phase : config.phases()) {
            Instant phaseEnd = phaseStart.plus(phase.lasting());
            if (now.isBefore(phaseEnd)) {
                long elapsed = Math.max(0, Duration.between(phaseStart, now).toMillis());
                long every = phase.every().toMillis();
                Instant tick = phaseStart.plusMillis((elapsed / every + 1) * every);
                return Optional.of(tick.isAfter(phaseEnd) ? phaseEnd : tick);
            }
            phaseStart = phaseEnd;
        }
        return Optional.empty();
    }

    Instant windowEnd(Instant windowStart) {
        return windowStart.plus(config.length());
    }

    /** e.g. "every 15m for 1h, then every 30m for 3h" */
    String describe() {
        if (config.phases().isEmpty()) {
            return "no monitoring window";
        }
        return config.phases().stream()
                .map(phase -> "every " + readable(phase.every()) + " for " + readable(phase.lasting()))
                .collect(Collectors.joining(", then "));
    }

    static String readable(Duration duration) {
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
