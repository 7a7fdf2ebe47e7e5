package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One step of a canary, exactly one of: {@code set-weight: 10} (percent of the users' traffic to the
 * canary), {@code analyze: {for: 2m}} (the environment's checks and metric analyses against the canary,
 * and the canary compared with the stable version, for that long), {@code pause: {for: 5m}} or
 * {@code pause: {until-approved: release-managers}} (a Tasklist task for that group: promote or abort).
 */
public record CanaryStep(
        @Min(value = 0, message = "set-weight is a percent from 0 to 100") @Max(value = 100, message = "set-weight is a percent from 0 to 100")
        Integer setWeight,
        @Valid Analyze analyze,
        @Valid Pause pause) {

    public enum Kind { SET_WEIGHT, ANALYZE, PAUSE }

    /** @param duration how long the canary is sampled side by side with the stable version */
    public record Analyze(@Name("for") @NotNull(message = "say how long the analysis samples, e.g. analyze: {for: 2m}") Duration duration) {

        @AssertTrue(message = "analyze.for must be at least 1s")
        public boolean isLongEnough() {
            return duration == null || duration.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

    /**
     * @param duration how long the canary runs at its weight before the next step
     * @param untilApproved the group whose member decides in Tasklist: promote (next step) or abort (roll back)
     */
    public record Pause(@Name("for") Duration duration, String untilApproved) {

        @AssertTrue(message = "a pause has exactly one of for (e.g. pause: {for: 5m}) or until-approved (e.g. pause: {until-approved: release-managers})")
        public boolean isOneKind() {
            return (duration == null) != (untilApproved == null || untilApproved.isBlank());
        }

        @AssertTrue(message = "pause.for must be positive")
        public boolean isPositive() {
            return duration == null || (!duration.isNegative() && !duration.isZero());
        }

        public boolean isApproval() {
            return duration == null;
        }
    }

    /** the kind of step, or null when the step declares none or several (refused at start) */
    public Kind kind() {
        int declared = (setWeight != null ? 1 : 0) + (analyze != null ? 1 : 0) + (pause != null ? 1 : 0);
        if (declared != 1) {
            return null;
        }
        return setWeight != null ? Kind.SET_WEIGHT : analyze != null ? Kind.ANALYZE : Kind.PAUSE;
    }

    @AssertTrue(message = "a canary step is exactly one of set-weight, analyze or pause")
    public boolean isOneKind() {
        return kind() != null;
    }

    /** how the step reads in Cockpit, a task and the report, e.g. "set weight 10 %", "analyze for 2m" */
    public String describe() {
        return switch (kind()) {
            case SET_WEIGHT -> "set weight " + setWeight + " %";
            case ANALYZE -> "analyze for " + Durations.readable(analyze.duration());
            case PAUSE -> pause.isApproval() ? "pause until " + pause.untilApproved() + " approve" : "pause for " + Durations.readable(pause.duration());
        };
    }
}
