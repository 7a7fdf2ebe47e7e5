package dev.liftoff.signoff;

import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The go-live sign-off expired before every role signed: the sign-off is refused, naming the roles
 * that did not sign and the deadline, so that the release ends REJECTED with that reason.
 */
@Component("recordSignoffExpired")
public class RecordSignoffExpiredDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Set<String> signed = Approvals.goLiveSignatures(execution).stream()
                .map(record -> record.path("role").asText())
                .collect(Collectors.toSet());
        List<String> unsigned = new ArrayList<>();
        for (Object role : (List<?>) execution.getVariable(Vars.SIGNOFF_ROLES)) {
            if (!signed.contains(role.toString())) {
                unsigned.add(role.toString());
            }
        }
        Date expired = (Date) execution.getVariable(Vars.SIGNOFF_EXPIRES_AT);
        execution.setVariable(Vars.SIGNOFF_REJECTED, true);
        execution.setVariable(Vars.SIGNOFF_REASON, "Go-live sign-off expired at " + expired.toInstant() + ": "
                + String.join(", ", unsigned) + " did not sign in time.");
    }
}
