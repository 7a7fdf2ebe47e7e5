package dev.liftoff.signoff;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.UatConfig;
import dev.liftoff.process.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * UAT expired before every tester gave feedback: the open UAT tasks are withdrawn and UAT fails,
 * naming who gave none, so that the release ends REJECTED with that reason.
 */
@Component("recordUatExpired")
public class RecordUatExpiredDelegate implements JavaDelegate {

    private final LiftoffProperties properties;

    public RecordUatExpiredDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UatConfig uat = properties.requireService((String) execution.getVariable(Vars.SERVICE)).uat();
        List<String> slots = ((List<?>) execution.getVariable(Vars.UAT_SLOTS)).stream().map(Object::toString).toList();
        execution.setVariable(Vars.UAT_PASSED, false);
        execution.setVariable(Vars.UAT_REASON, UatExpiry.reason(expiredAfter(execution, uat), slots,
                UatTesters.whoGaveFeedback(execution)));
    }

    /** the configured expiry, or, if the service dropped it since this UAT opened, the time the UAT was open */
    private static Duration expiredAfter(DelegateExecution execution, UatConfig uat) {
        if (uat.expireAfter() != null) {
            return uat.expireAfter();
        }
        Instant opened = ((Date) execution.getVariable(Vars.UAT_DUE_AT)).toInstant().minus(uat.due());
        return Duration.between(opened, ((Date) execution.getVariable(Vars.UAT_EXPIRES_AT)).toInstant());
    }
}
