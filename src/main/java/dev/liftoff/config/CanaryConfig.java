package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;

/**
 * Canary of one environment: the new version is deployed beside the stable one, the traffic
 * adapter gives it a growing share of the users' traffic step by step, each analysis step judges it
 * against the stable version, and after the last step the new version is promoted (deployed as the
 * stable one, the canary's share back to 0). A failed step sets the share back to 0 and rolls back.
 *
 * @param canaryUrl where the canary answers directly; the checks of the new version go here
 * @param stableUrl where the stable version answers directly; the comparison samples it side by
 *     side with the canary
 * @param traffic the traffic adapter, a webhook or a command declared like {@code deploy}: told
 *     {@code {service, environment, version, commitSha, weight}} with an Idempotency-Key per step
 * @param steps what happens, in order: {@code set-weight}, {@code analyze} and {@code pause}
 * @param comparison how the canary is judged against the stable version at an analysis step
 */
public record CanaryConfig(
        @NotNull(message = "set canary.canary-url: where the canary answers directly") URI canaryUrl,
        @NotNull(message = "set canary.stable-url: where the stable version answers directly, for the side-by-side comparison") URI stableUrl,
        @Valid @NotNull(message = "set canary.traffic: the traffic adapter, type webhook or command like deploy") DeployTargetConfig traffic,
        @NotEmpty(message = "set canary.steps, e.g. [{set-weight: 10}, {analyze: {for: 2m}}, {set-weight: 50}, {analyze: {for: 2m}}]")
        List<@Valid @NotNull CanaryStep> steps,
        @Valid CanaryComparisonConfig comparison) {

    public CanaryConfig {
        steps = steps == null ? List.of() : List.copyOf(steps);
        comparison = comparison == null ? CanaryComparisonConfig.defaults() : comparison;
    }

    @AssertTrue(message = "canary.canary-url and canary.stable-url must be absolute http(s) URLs without query or fragment")
    public boolean isUrlsUsable() {
        return Urls.isBaseUrl(canaryUrl) && Urls.isBaseUrl(stableUrl);
    }

    @AssertTrue(message = "canary.steps must give the canary traffic (set-weight above 0) before the first analyze or pause step: "
            + "a canary without users' traffic proves nothing")
    public boolean isWeightSetBeforeJudging() {
        int weight = 0;
        for (CanaryStep step : steps) {
            if (step == null || step.kind() == null) {
                // reported on the step itself
                return true;
            }
            if (step.kind() != CanaryStep.Kind.SET_WEIGHT) {
                return weight > 0;
            }
            weight = step.setWeight();
        }
        return true;
    }
}
