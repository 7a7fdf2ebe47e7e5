package dev.liftoff.canary;

import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.analysis.ReleaseOf;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.process.BpmnErrors;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.VerificationReport;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        VerificationReport report = analysis.analyze(canary, ReleaseOf.previous(execution, canary.environment()).orElse(null),
                step.analyze().duration());

        CanaryRecord.analyzed(root, canary.environment(), index, step.describe(), report);

        String described = canary.environment() + " canary " + steps.describe(canary.service(), canary.environment(), index);
        if (report.inconclusive()) {
            MetricDecisions.ask(execution, report.inconclusiveRows("canary analysis"), false);
        } else if (!report.passed()) {
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, described + " failed: " + report.summary());
        }
        execution.setVariable(Vars.VERIFICATION_INCONCLUSIVE, report.inconclusive());
    }
}
