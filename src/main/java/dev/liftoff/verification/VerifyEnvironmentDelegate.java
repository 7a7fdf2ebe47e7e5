package dev.liftoff.verification;

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
 * Verifies an environment after a deploy and leaves {@code <environment>Verification} on the
 * root instance; a failed verification is the business error {@code VerificationFailed}. With
 * the step's input {@code slot} = {@code idle} it checks blue-green's idle slot instead, into
 * {@code <environment>IdleSlotVerification}.
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
        VerificationReport report = verification.verify((String) execution.getVariable(Vars.SERVICE), environment, slot,
                (String) execution.getVariable(Vars.COMMIT_SHA));
        JsonVars.write(RootInstance.of(execution), Evidence.variable(environment, slot), report.toMap());
        if (!report.passed()) {
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, Evidence.label(environment, slot) + " " + report.summary());
        }
    }
}
