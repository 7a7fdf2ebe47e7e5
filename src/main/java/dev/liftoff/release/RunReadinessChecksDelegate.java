package dev.liftoff.release;

import dev.liftoff.process.Decisions;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.CheckResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<CheckResult> checks = readinessChecks.run((String) execution.getVariable(Vars.SERVICE), root.getId());
        List<CheckResult> failed = checks.stream().filter(check -> !check.passed()).toList();
        String summary = (checks.size() - failed.size()) + "/" + checks.size() + " passed"
                + (failed.isEmpty() ? "" : " — " + String.join("; ", failed.stream().map(c -> c.name() + ": " + c.actual()).toList()));

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passed", failed.isEmpty());
        evidence.put("summary", summary);
        evidence.put("checks", checks.stream().map(CheckResult::toMap).toList());
        JsonVars.write(execution, Vars.READINESS, evidence);
        JsonVars.write(root, Vars.READINESS, evidence);
        execution.setVariable(Vars.READINESS_PASSED, failed.isEmpty());
        execution.setVariable(Vars.READINESS_SUMMARY, summary);
        if (!failed.isEmpty()) {
            execution.setVariable(Vars.GO_DECISION, Decisions.NO_GO);
            execution.setVariable(Vars.GO_REASON, "Pre-deployment checks failed (" + summary + "); nothing was deployed.");
        }
    }
}
