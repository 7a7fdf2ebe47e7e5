package dev.liftoff.analysis;

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
        Map<String, Baseline> baselines = ReleaseOf.previous(execution, release.environment())
                .map(analysis::baselines)
                .orElseGet(() -> analysis.baselinesUnknown(release.service(), release.environment(), "what ran on "
                        + release.environment() + " before the deploy is not known: "
                        + JsonVars.read(root, Vars.previousReleaseOf(release.environment())).path("unknown").asText("not recorded")));
        Map<String, Object> stored = new LinkedHashMap<>();
        baselines.forEach((name, baseline) -> stored.put(name, baseline.toMap()));
        JsonVars.write(root, Vars.metricBaselineOf(release.environment()), stored);
    }
}
