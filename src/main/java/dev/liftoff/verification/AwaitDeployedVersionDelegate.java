package dev.liftoff.verification;

import dev.liftoff.config.Slot;
import dev.liftoff.process.BpmnErrors;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Waits until the environment reports the deployed commit, on the slot named by the step's input
 * {@code slot} (absent: live; blue-green: {@code idle} first). An environment that never does
 * within its deploy timeout failed its verification, with what it last reported as evidence.
 */
@Component("awaitDeployedVersion")
public class AwaitDeployedVersionDelegate implements JavaDelegate {

    private final VerificationService verification;

    public AwaitDeployedVersionDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        String commitSha = (String) execution.getVariable(Vars.COMMIT_SHA);
        Slot slot = Slot.of(execution.getVariable(Vars.SLOT));
        VersionWait wait = verification.awaitCommit((String) execution.getVariable(Vars.SERVICE), environment, slot, commitSha);
        if (!wait.passed()) {
            String checked = Evidence.label(environment, slot);
            VerificationReport report = VerificationReport.of(checked, List.of(wait.check()), wait.elapsedMs());
            JsonVars.write(RootInstance.of(execution), Evidence.variable(environment, slot), report.toMap());
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED,
                    checked + " never reported commit " + commitSha + ": " + wait.check().actual());
        }
    }
}
