package dev.liftoff.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** The UAT a service asks for: scenarios to try, who tests and the least confidence that passes. */
public record UatConfig(
        @NotBlank String group,
        List<@NotBlank String> scenarios,
        @Min(1) @Max(5) int minConfidence) {

    public UatConfig {
        group = group == null ? "uat-testers" : group;
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        minConfidence = minConfidence == 0 ? 3 : minConfidence;
    }

    static UatConfig defaults() {
        return new UatConfig(null, null, 0);
    }
}
