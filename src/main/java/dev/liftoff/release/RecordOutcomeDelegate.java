package dev.liftoff.release;

import dev.liftoff.process.Outcome;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the contract variables {@code outcome} and {@code outcomeReason} on the root instance. */
@Component("recordOutcome")
public class RecordOutcomeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Outcome outcome = Outcome.valueOf((String) execution.getVariable(Vars.END_AS));
        Object reason = execution.getVariable(Vars.END_BECAUSE);
        DelegateExecution root = RootInstance.of(execution);
        root.setVariable(Vars.OUTCOME, outcome.name());
        root.setVariable(Vars.OUTCOME_REASON, reason == null ? outcome.name() : reason.toString());
    }
}
