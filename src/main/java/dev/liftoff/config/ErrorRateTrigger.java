package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Roll back when the share of failed requests (no 2xx, or no answer) stays above {@code abovePercent}
 * for {@code sustainedFor} (reference: above 5 % for 5 minutes). Every monitoring tick sends
 * {@code requests} probe requests to {@code path}; once a tick sees the rate above the threshold,
 * the window probes every {@code probeEvery} until the rate falls back (recorded) or has stayed
 * above for {@code sustainedFor} (rollback).
 */
public record ErrorRateTrigger(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") double abovePercent,
        Duration sustainedFor,
        @Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String path,
        @Min(1) @Max(1000) int requests,
        Duration probeEvery) {

    public ErrorRateTrigger {
        abovePercent = abovePercent == 0 ? 5 : abovePercent;
        sustainedFor = sustainedFor == null ? Duration.ofMinutes(5) : sustainedFor;
        requests = requests == 0 ? 20 : requests;
        probeEvery = probeEvery == null ? Duration.ofSeconds(30) : probeEvery;
    }

    @AssertTrue(message = "sustained-for and probe-every must be positive, and probe-every at most sustained-for")
    public boolean isTimingSane() {
        return sustainedFor.toMillis() > 0 && probeEvery.toMillis() > 0 && probeEvery.compareTo(sustainedFor) <= 0;
    }
}
