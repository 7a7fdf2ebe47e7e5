package dev.liftoff.signoff;

import dev.liftoff.config.SignoffConfig;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Names the roles that must each sign off this service's go-live (one parallel task per role), when
 * they are due, and whether the release's UAT testers may be among the signers.
 */
@Component("prepareSignoffs")
public class PrepareSignoffsDelegate implements JavaDelegate {

    private final LiftoffProperties properties;

    public PrepareSignoffsDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        SignoffConfig signoff = properties.requireService(service).signoff();
        execution.setVariable(Vars.SIGNOFF_ROLES, new ArrayList<>(signoff.roles()));
        execution.setVariable(Vars.SIGNOFF_REJECTED, false);
        execution.setVariable(Vars.UAT_TESTER_MAY_SIGN, signoff.uatTesterMaySign());
        // the sign-offs' due date, and when their roles are reminded; both drive timers in the model
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(signoff.due());
        execution.setVariable(Vars.SIGNOFF_DUE_AT, Date.from(due));
        execution.setVariable(Vars.SIGNOFF_REMIND_AT, Date.from(due.minus(signoff.remindBefore())));
        execution.setVariable(Vars.SIGNOFF_EXPIRES_AT, Date.from(signoff.expires()
                ? ClockUtil.getCurrentTime().toInstant().plus(signoff.expireAfter()) : PrepareUatDelegate.NEVER));
    }
}
