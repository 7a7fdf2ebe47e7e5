package dev.liftoff.signoff;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Names the roles that must each sign off this service's go-live: one parallel task per role. */
@Component("prepareSignoffs")
public class PrepareSignoffsDelegate implements JavaDelegate {

    private final LiftoffProperties properties;

    public PrepareSignoffsDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        execution.setVariable(Vars.SIGNOFF_ROLES, new ArrayList<>(properties.requireService(service).signoff().roles()));
        execution.setVariable(Vars.SIGNOFF_REJECTED, false);
    }
}
