package dev.liftoff.monitoring;

import dev.liftoff.process.Groups;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A release manager ended the window early: records who (the authenticated sender of the message),
 * why ({@code cutShortReason}, required) and when on the window's evidence. Anybody else is refused:
 * operations may roll back, but cutting the watch short is the release manager's call.
 */
@Component("recordWindowCutShort")
public class RecordWindowCutShortListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (caller != null && (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.RELEASE_MANAGERS))) {
            throw new IllegalStateException(caller.getUserId() + " may not cut a monitoring window short: only "
                    + Groups.RELEASE_MANAGERS + " may");
        }
        Object reason = execution.getVariable(Vars.CUT_SHORT_REASON);
        if (reason == null || reason.toString().isBlank()) {
            throw new IllegalArgumentException("say why the monitoring window is cut short: send the variable "
                    + Vars.CUT_SHORT_REASON + " with the message");
        }
        Map<String, Object> cutShort = new LinkedHashMap<>();
        cutShort.put("by", caller == null ? "unknown" : caller.getUserId());
        cutShort.put("reason", reason.toString());
        cutShort.put("at", ClockUtil.getCurrentTime().toInstant().toString());
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        new MonitoringRecord(RootInstance.of(execution), environment).close("cut short", Map.of("cutShort", cutShort));
    }
}
