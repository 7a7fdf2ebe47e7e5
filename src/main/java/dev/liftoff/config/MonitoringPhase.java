package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One phase of a monitoring window: a tick every {@code every}, for {@code for} (the phase's
 * length), e.g. every 15 minutes for the first hour.
 */
public record MonitoringPhase(
        @NotNull(message = "say how often a tick runs, e.g. every: 15m") Duration every,
        @Name("for") @NotNull(message = "say how long the phase lasts, e.g. for: 1h") Duration lasting) {

    @AssertTrue(message = "every and for must be positive, and every at most as long as for")
    public boolean isSane() {
        return every == null || lasting == null
                || (every.toMillis() > 0 && lasting.toMillis() > 0 && every.compareTo(lasting) <= 0);
    }
}
