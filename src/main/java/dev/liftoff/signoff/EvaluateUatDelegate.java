package dev.liftoff.signoff;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies {@link UatRule}, and through it the decision table {@code uat-feedback-verdict}, to the testers' feedback. */
@Component("evaluateUat")
public class EvaluateUatDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<UatFeedback> feedback = JsonVars.MAPPER.convertValue(
                JsonVars.read(execution, Vars.UAT_FEEDBACK), new TypeReference<List<UatFeedback>>() { });
        UatRule.Verdict verdict = UatRule.evaluate(execution.getProcessEngineServices().getDecisionService(),
                feedback == null ? List.of() : feedback,
                ((Number) execution.getVariable(Vars.UAT_MIN_CONFIDENCE)).intValue());
        execution.setVariable(Vars.UAT_PASSED, verdict.passed());
        execution.setVariable(Vars.UAT_REASON, verdict.reason());
    }
}
