package dev.liftoff.verification;

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
 * Waits until the environment reports the deployed commit. An environment that never does
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
        VersionWait wait = verification.awaitCommit((String) execution.getVariable(Vars.SERVICE), environment, commitSha);
        if (!wait.passed()) {
            VerificationReport report = VerificationReport.of(environment, List.of(wait.check()), wait.elapsedMs());
            JsonVars.write(RootInstance.of(execution), Vars.verificationOf(environment), report.toMap());
            throw new BpmnError(BpmnErrors.VERIFICATION_FAILED,
                    environment + " never reported commit " + commitSha + ": " + wait.check().actual());
        }
    }
}
