package dev.liftoff.signoff;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.UatConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the service's UAT scenarios, tester group and pass threshold where the UAT form reads them,
 * and its due date and reminder time where the model's timers read them.
 */
@Component("prepareUat")
public class PrepareUatDelegate implements JavaDelegate {

    private final LiftoffProperties properties;

    public PrepareUatDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UatConfig uat = properties.requireService((String) execution.getVariable(Vars.SERVICE)).uat();
        execution.setVariable(Vars.UAT_GROUP, uat.group());
        execution.setVariable(Vars.UAT_MIN_CONFIDENCE, uat.minConfidence());
        // the task's due date, and when its testers are reminded; both drive timers in the model
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(uat.due());
        execution.setVariable(Vars.UAT_DUE_AT, Date.from(due));
        execution.setVariable(Vars.UAT_REMIND_AT, Date.from(due.minus(uat.remindBefore())));
        // options of the form's checklist: label shown, value submitted
        List<Map<String, String>> options = uat.scenarios().stream()
                .map(scenario -> Map.of("label", scenario, "value", scenario))
                .toList();
        JsonVars.write(execution, Vars.UAT_SCENARIOS, options);
    }
}
