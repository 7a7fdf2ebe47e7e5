package dev.liftoff.canary;

import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.LiftoffProperties;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * A canary's steps as the BPMN asks for them: the loop runs over {@code indexes}, and each
 * iteration's gateway, timer and task read the step at its index, e.g.
 * {@code ${canarySteps.kind(service, environment, canaryStep) == 'analyze'}}.
 */
@Component("canarySteps")
public class CanarySteps {

    private final LiftoffProperties properties;

    public CanarySteps(LiftoffProperties properties) {
        this.properties = properties;
    }

    /** 0 to the number of steps, exclusive: the loop's collection */
    public List<Integer> indexes(String service, String environment) {
        return IntStream.range(0, canary(service, environment).steps().size()).boxed().toList();
    }

    /** {@code set-weight}, {@code analyze}, {@code pause} (for a time) or {@code approval} (until approved) */
    public String kind(String service, String environment, int index) {
        CanaryStep step = step(service, environment, index);
        return switch (step.kind()) {
            case SET_WEIGHT -> "set-weight";
            case ANALYZE -> "analyze";
            case PAUSE -> step.pause().isApproval() ? "approval" : "pause";
        };
    }

    /** the pause's length as the timer reads it, e.g. {@code PT5M} */
    public String pauseFor(String service, String environment, int index) {
        return step(service, environment, index).pause().duration().toString();
    }

    /** the group whose members decide at a pause until approved */
    public String approvers(String service, String environment, int index) {
        return step(service, environment, index).pause().untilApproved();
    }

    public CanaryStep step(String service, String environment, int index) {
        List<CanaryStep> steps = canary(service, environment).steps();
        if (index < 0 || index >= steps.size()) {
            throw new IllegalStateException("the canary of " + service + " on " + environment + " has " + steps.size()
                    + " steps; there is no step " + index + " (was canary.steps changed while a release ran?)");
        }
        return steps.get(index);
    }

    /** e.g. "step 2 of 5 (analyze for 20 s)" */
    public String describe(String service, String environment, int index) {
        return "step " + (index + 1) + " of " + canary(service, environment).steps().size() + " ("
                + step(service, environment, index).describe() + ")";
    }

    public CanaryConfig canary(String service, String environment) {
        CanaryConfig canary = properties.requireService(service).environment(environment).canary();
        if (canary == null) {
            throw new IllegalStateException(service + " on " + environment + " is not a canary: its strategy is "
                    + properties.requireService(service).environment(environment).strategy());
        }
        return canary;
    }
}
