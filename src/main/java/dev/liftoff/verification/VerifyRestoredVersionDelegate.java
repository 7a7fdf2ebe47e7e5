package dev.liftoff.verification;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Proves a rollback on the live URL: the environment reports the restored commit and passes its
 * verification. Either way the result is recorded; only a proven restore counts as rolled back,
 * and an unproven one is stated as the rollback's failure for the person who must step in.
 */
@Component("verifyRestoredVersion")
public class VerifyRestoredVersionDelegate implements JavaDelegate {

    private final VerificationService verification;

    public VerifyRestoredVersionDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        String version = (String) execution.getVariable(Vars.ROLLBACK_TARGET_VERSION);
        String commit = (String) execution.getVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA);
        DelegateExecution root = RootInstance.of(execution);
        VerificationReport report = verification.verifyOnceDeployed(service, environment, commit);
        JsonVars.write(root, Vars.ROLLBACK_VERIFICATION, report.toMap());
        boolean verified = report.passed();
        String summary = (verified
                ? "Rolled " + environment + " back to " + version + " (" + commit + "), which passed its verification ("
                : "Rollback of " + environment + " to " + version + " (" + commit + ") could not be verified (")
                + report.summary() + "). Trigger: " + root.getVariable(Vars.ROLLBACK_TRIGGER) + ".";
        execution.setVariable(Vars.ROLLBACK_VERIFIED, verified);
        execution.setVariable(Vars.ROLLBACK_SUMMARY, summary);
        if (!verified) {
            execution.setVariable(Vars.ROLLBACK_FAILURE, "The restored version " + version + " (" + commit + ") of "
                    + environment + " did not pass its verification: " + report.summary() + ".");
        }
    }
}
