package dev.liftoff.verification;

import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.ReleaseOf;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.Slot;
import dev.liftoff.process.BpmnErrors;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Verifies an environment after a deploy, with its metric analyses, and leaves
 * {@code <environment>Verification} on the root instance; a failed verification is the business
 * error {@code VerificationFailed}. One that did not pass only for want of metrics data is neither:
 * {@code verificationInconclusive} hands it to a person. With the step's input {@code slot} =
 * {@code idle} it checks blue-green's idle slot instead, into {@code <environment>IdleSlotVerification},
 * without analyses: no user reaches the idle slot; likewise {@code canary}, a canary before it gets
 * any traffic, into {@code <environment>CanaryVerification}.
 */
@Component("verifyEnvironment")
public class VerifyEnvironmentDelegate implements JavaDelegate {

    private final VerificationService verification;

    public VerifyEnvironmentDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        Slot slot = Slot.of(execution.getVariable(Vars.SLOT));
        VerificationReport report = slot != Slot.LIVE
                ? verification.verify((String) execution.getVariable(Vars.SERVICE), environment, slot,
                        (String) execution.getVariable(Vars.COMMIT_SHA))
                : verification.verifyWithAnalyses(ReleaseOf.labels(execution), AnalysisUse.VERIFICATION,
                        ReleaseOf.baselines(execution, environment));
        JsonVars.write(RootInstance.of(execution), Evidence.variable(environment, slot), report.toMap());
        if (report.inconclusive()) {
            MetricDecisions.ask(execution, report.inconclusiveRows("verification"), false);
        } else if (!report.passed()) {
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, Evidence.label(environment, slot) + " " + report.summary());
        }
        execution.setVariable(Vars.VERIFICATION_INCONCLUSIVE, report.inconclusive());
    }
}
