package dev.liftoff.signoff;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.UatConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Puts the service's UAT scenarios, tester group and pass threshold where the UAT form reads them,
 * the slots the model opens one UAT task for, and the due date, reminder time and expiry where
 * the model's timers read them.
 */
@Component("prepareUat")
public class PrepareUatDelegate implements JavaDelegate {

    /**
     * The expiry of a UAT that never expires: a timer date needs a value, so the expiry timer of
     * such a UAT waits for a date no release lives to see.
     */
    static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private final LiftoffProperties properties;

    public PrepareUatDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UatConfig uat = properties.requireService((String) execution.getVariable(Vars.SERVICE)).uat();
        execution.setVariable(Vars.UAT_GROUP, uat.group());
        execution.setVariable(Vars.UAT_SLOTS, new ArrayList<>(UatSlot.all(uat)));
        execution.setVariable(Vars.UAT_MIN_CONFIDENCE, uat.minConfidence());
        // the tasks' due date, when their testers are reminded, and when UAT expires; all drive timers in the model
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = now.plus(uat.due());
        execution.setVariable(Vars.UAT_DUE_AT, Date.from(due));
        execution.setVariable(Vars.UAT_REMIND_AT, Date.from(due.minus(uat.remindBefore())));
        execution.setVariable(Vars.UAT_EXPIRES_AT, Date.from(uat.expireAfter() == null ? NEVER : now.plus(uat.expireAfter())));
        // options of the form's checklist: label shown, value submitted
        List<Map<String, String>> options = uat.scenarios().stream()
                .map(scenario -> Map.of("label", scenario, "value", scenario))
                .toList();
        JsonVars.write(execution, Vars.UAT_SCENARIOS, options);
    }
}
