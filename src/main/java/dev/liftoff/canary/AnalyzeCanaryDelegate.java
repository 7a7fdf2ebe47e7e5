package dev.liftoff.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.analysis.ReleaseOf;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.process.BpmnErrors;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * An analysis step of a canary: judges the canary against the stable version for the step's
 * {@code for} and records the report in {@code <environment>Canary}. A failed report is the business
 * error {@code VerificationFailed}, naming the step (production rolls back); one that did not pass
 * only for want of data goes to a person, like an inconclusive verification.
 */
@Component("analyzeCanary")
public class AnalyzeCanaryDelegate implements JavaDelegate {

    private final CanaryAnalysis analysis;
    private final CanarySteps steps;

    public AnalyzeCanaryDelegate(CanaryAnalysis analysis, CanarySteps steps) {
        this.analysis = analysis;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReleaseLabels canary = ReleaseOf.labels(execution);
        int index = (Integer) execution.getVariable(Vars.CANARY_STEP);
        CanaryStep step = steps.step(canary.service(), canary.environment(), index);
        DelegateExecution root = RootInstance.of(execution);
        VerificationReport report = analysis.analyze(canary, stable(root, canary), step.analyze().duration());

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", index + 1);
        entry.put("what", step.describe());
        entry.put("result", report.passed() ? "passed" : report.inconclusive() ? "inconclusive" : "FAILED");
        entry.put("at", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
        entry.put("summary", report.summary());
        entry.put("report", report.toMap());
        CanaryRecord.record(root, canary.environment(), entry, null);

        String described = canary.environment() + " canary " + steps.describe(canary.service(), canary.environment(), index);
        if (report.inconclusive()) {
            MetricDecisions.ask(execution, inconclusive(report), false);
        } else if (!report.passed()) {
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, described + " failed: " + report.summary());
        }
        execution.setVariable(Vars.VERIFICATION_INCONCLUSIVE, report.inconclusive());
    }

    /** what the stable version runs: the release recorded before the deploy, or null when unknown */
    private static ReleaseLabels stable(DelegateExecution root, ReleaseLabels canary) {
        JsonNode previous = JsonVars.read(root, Vars.previousReleaseOf(canary.environment()));
        return previous.hasNonNull("version") && previous.hasNonNull("commitSha")
                ? new ReleaseLabels(canary.service(), canary.environment(), previous.get("version").asText(),
                        previous.get("commitSha").asText())
                : null;
    }

    private static List<Map<String, Object>> inconclusive(VerificationReport report) {
        return report.checks().stream().filter(CheckResult::inconclusive)
                .map(check -> MetricDecisions.row(check.name(), "canary analysis", check.actual(),
                        String.valueOf(check.analysis().getOrDefault("query", "")), check.analysis().get("graphUrl")))
                .toList();
    }
}
