package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the deploy, measures each against-previous analysis on the version that runs now (as
 * {@code <environment>PreviousRelease} recorded it) into {@code <environment>MetricBaseline} on the
 * root. Measures nothing when no analysis of the environment compares; a value it cannot measure is
 * kept with the reason, and each comparison with it is then inconclusive.
 */
@Component("measureMetricBaseline")
public class MeasureMetricBaselineDelegate implements JavaDelegate {

    private final AnalysisService analysis;

    public MeasureMetricBaselineDelegate(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReleaseLabels release = ReleaseOf.labels(execution);
        if (!analysis.comparesWithPrevious(release.service(), release.environment())) {
            return;
        }
        DelegateExecution root = RootInstance.of(execution);
        JsonNode previous = JsonVars.read(root, Vars.previousReleaseOf(release.environment()));
        Map<String, Baseline> baselines = previous.hasNonNull("version") && previous.hasNonNull("commitSha")
                ? analysis.baselines(new ReleaseLabels(release.service(), release.environment(), previous.get("version").asText(),
                        previous.get("commitSha").asText()))
                : analysis.baselinesUnknown(release.service(), release.environment(), "what ran on " + release.environment()
                        + " before the deploy is not known: " + previous.path("unknown").asText("not recorded"));
        Map<String, Object> stored = new LinkedHashMap<>();
        baselines.forEach((name, baseline) -> stored.put(name, baseline.toMap()));
        JsonVars.write(root, Vars.metricBaselineOf(release.environment()), stored);
    }
}
