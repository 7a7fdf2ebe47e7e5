package dev.liftoff.release;

import dev.liftoff.process.Vars;
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
        List<String> problems = validator.problems(
                execution.getVariable(Vars.SERVICE), execution.getVariable(Vars.VERSION),
                execution.getVariable(Vars.COMMIT_SHA), execution.getVariable(Vars.REQUESTED_BY));
        execution.setVariable(Vars.REQUEST_VALID, problems.isEmpty());
        if (!problems.isEmpty()) {
            execution.setVariable(Vars.REQUEST_PROBLEMS,
                    "The release request was refused and nothing was deployed: " + String.join("; ", problems) + ".");
        }
    }
}
