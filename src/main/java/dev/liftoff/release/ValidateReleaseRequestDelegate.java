package dev.liftoff.release;

import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * First step of a release, in the caller's own transaction: records who started it and checks
 * the request. It runs before any asynchronous step so that the caller's identity is still known.
 */
@Component("validateReleaseRequest")
public class ValidateReleaseRequestDelegate implements JavaDelegate {

    private final ReleaseRequestValidator validator;
    private final IdentityService identityService;

    public ValidateReleaseRequestDelegate(ReleaseRequestValidator validator, IdentityService identityService) {
        this.validator = validator;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller != null) {
            // the authenticated caller, never what the request claims
            execution.setVariable(Vars.STARTED_BY, caller.getUserId());
        }
        List<String> problems = new ArrayList<>(validator.problems(
                execution.getVariable(Vars.SERVICE), execution.getVariable(Vars.VERSION),
                execution.getVariable(Vars.COMMIT_SHA), execution.getVariable(Vars.REQUESTED_BY)));
        if (problems.isEmpty()) {
            // releases are found by their key (RunningReleases, rollback requests): it must be the contract's
            String expected = execution.getVariable(Vars.SERVICE) + "@" + execution.getVariable(Vars.VERSION);
            if (!expected.equals(execution.getProcessBusinessKey())) {
                problems.add("the business key must be '" + expected + "' (<service>@<version>), not "
                        + (execution.getProcessBusinessKey() == null ? "missing" : "'" + execution.getProcessBusinessKey() + "'"));
            }
        }
        execution.setVariable(Vars.REQUEST_VALID, problems.isEmpty());
        if (!problems.isEmpty()) {
            execution.setVariable(Vars.REQUEST_PROBLEMS,
                    "The release request was refused and nothing was deployed: " + String.join("; ", problems) + ".");
        }
    }
}
