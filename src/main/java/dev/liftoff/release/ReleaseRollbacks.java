package dev.liftoff.release;

import dev.liftoff.process.BpmnErrors;
import dev.liftoff.process.Vars;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * A person's rollback request over {@code /api}: the message {@code RollbackRequested} with
 * {@code rollbackReason} and {@code rollbackRequestedBy}, correlated to the release's root instance
 * by its business key, as the caller (Camunda checks {@code UPDATE} on the instance, which only
 * operations and release managers hold). Only the production sub-process catches it: in any other
 * phase the request is refused with the phase named.
 */
@Service
public class ReleaseRollbacks {

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ReleaseViews views;

    public ReleaseRollbacks(RuntimeService runtime, IdentityService identity, ReleaseViews views) {
        this.runtime = runtime;
        this.identity = identity;
        this.views = views;
    }

    /** @throws dev.liftoff.config.ApiProblem 404 unknown release, 409 not in a phase that can roll back */
    public ReleaseView request(String releaseId, String reason, String caller, List<String> callerGroups) {
        ReleaseViews.Snapshot snapshot = views.snapshot(releaseId).orElseThrow(() -> ReleaseProblems.notFound(releaseId));
        ReleaseView release = snapshot.view();
        if (!release.running() || !ReleaseStages.canRollBack(snapshot.activities())) {
            throw ReleaseProblems.cannotRollBack(release);
        }
        identity.setAuthentication(caller, callerGroups);
        try {
            var correlation = runtime.createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED).processInstanceId(release.id())
                    .setVariable(Vars.ROLLBACK_REASON, reason)
                    .setVariable(Vars.ROLLBACK_REQUESTED_BY, caller);
            if (release.businessKey() != null) {
                correlation.processInstanceBusinessKey(release.businessKey());
            }
            correlation.correlateWithResult();
        } catch (MismatchingMessageCorrelationException movedOn) {
            // production ended (or was interrupted) between the look and the request
            throw ReleaseProblems.cannotRollBack(views.view(releaseId).orElse(release));
        } finally {
            identity.clearAuthentication();
        }
        return views.view(releaseId).orElse(release);
    }
}
