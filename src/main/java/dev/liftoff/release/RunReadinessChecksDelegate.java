package dev.liftoff.release;

import dev.liftoff.process.Decisions;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.VerificationReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs the readiness checks and keeps them as evidence for the Go/No-Go. When a check fails the
 * machine says No-Go itself: nobody is asked to approve a release that cannot proceed.
 */
@Component("runReadinessChecks")
public class RunReadinessChecksDelegate implements JavaDelegate {

    private final ReadinessChecks readinessChecks;

    public RunReadinessChecksDelegate(ReadinessChecks readinessChecks) {
        this.readinessChecks = readinessChecks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution root = RootInstance.of(execution);
        VerificationReport readiness = readinessChecks.run((String) execution.getVariable(Vars.SERVICE), root.getId());
        JsonVars.write(execution, Vars.READINESS, readiness.toMap());
        JsonVars.write(root, Vars.READINESS, readiness.toMap());
        execution.setVariable(Vars.READINESS_PASSED, readiness.passed());
        if (!readiness.passed()) {
            execution.setVariable(Vars.GO_DECISION, Decisions.NO_GO);
            execution.setVariable(Vars.GO_REASON, "Pre-deployment checks failed (" + readiness.summary() + "); nothing was deployed.");
        }
    }
}
