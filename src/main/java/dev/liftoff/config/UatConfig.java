package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The UAT a service asks for: scenarios to try, who tests, the least confidence that passes, and
 * when it is due (reference: 48 hours), with a reminder {@code remind-before} the due date.
 */
public record UatConfig(
        @NotBlank String group,
        List<@NotBlank String> scenarios,
        @Min(1) @Max(5) int minConfidence,
        Duration due,
        Duration remindBefore) {

    @ConstructorBinding
    public UatConfig {
        group = group == null ? "uat-testers" : group;
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        minConfidence = minConfidence == 0 ? 3 : minConfidence;
        due = due == null ? Duration.ofHours(48) : due;
        remindBefore = remindBefore == null ? Duration.ofHours(4) : remindBefore;
    }

    /** the reference due date and reminder */
    public UatConfig(String group, List<String> scenarios, int minConfidence) {
        this(group, scenarios, minConfidence, null, null);
    }

    static UatConfig defaults() {
        return new UatConfig(null, null, 0);
    }

    @AssertTrue(message = "due must be positive and remind-before shorter than due")
    public boolean isTimingSane() {
        return due.toMillis() > 0 && !remindBefore.isNegative() && remindBefore.compareTo(due) < 0;
    }
}
