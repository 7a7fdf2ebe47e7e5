package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the analyses of a step need from its process: the release's own values and the values measured before its deploy. */
public final class ReleaseOf {

    private ReleaseOf() {
    }

    public static ReleaseLabels labels(DelegateExecution execution) {
        return new ReleaseLabels(text(execution, Vars.SERVICE), text(execution, Vars.ENVIRONMENT), text(execution, Vars.VERSION),
                text(execution, Vars.COMMIT_SHA));
    }

    /**
     * What ran on the environment before this release, as {@code <environment>PreviousRelease} on the
     * root recorded it (a canary's stable version); empty when it is not known.
     */
    public static Optional<ReleaseLabels> previous(DelegateExecution execution, String environment) {
        JsonNode previous = JsonVars.read(RootInstance.of(execution), Vars.previousReleaseOf(environment));
        return previous.hasNonNull("version") && previous.hasNonNull("commitSha")
                ? Optional.of(new ReleaseLabels(text(execution, Vars.SERVICE), environment, previous.get("version").asText(),
                        previous.get("commitSha").asText()))
                : Optional.empty();
    }

    /** {@code <environment>MetricBaseline} on the root, by analysis name; empty when none was measured */
    public static Map<String, Baseline> baselines(DelegateExecution execution, String environment) {
        JsonNode stored = JsonVars.read(RootInstance.of(execution), Vars.metricBaselineOf(environment));
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        if (stored.isObject()) {
            stored.fields().forEachRemaining(entry -> baselines.put(entry.getKey(), Baseline.of(entry.getValue())));
        }
        return baselines;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
