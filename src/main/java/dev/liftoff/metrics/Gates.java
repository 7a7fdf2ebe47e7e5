package dev.liftoff.metrics;

import dev.liftoff.process.Activities;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The {@code gate} of a human task: a small fixed vocabulary derived from its task definition key.
 * A sign-off is one gate per role ({@code signoff:<candidate group>}); a user task added later
 * counts under its key in kebab case ({@code UserTask_InconclusiveMetrics} → {@code inconclusive-metrics}).
 */
final class Gates {

    static final String SIGNOFF_PREFIX = "signoff:";

    /** a decision on inconclusive metrics is one gate wherever it is asked: after a verification, a tick, in a trigger's watch */
    static final String INCONCLUSIVE_METRICS = "inconclusive-metrics";

    private static final Map<String, String> BY_TASK = Map.ofEntries(
            Map.entry(Activities.GO_NO_GO_TASK, "go-no-go"),
            Map.entry(Activities.UAT_TASK, "uat"),
            Map.entry(Activities.ACKNOWLEDGE_INCIDENT_TASK, "incident-acknowledgement"),
            Map.entry(Activities.REVIEW_INCIDENT_TASK, "incident-review"),
            Map.entry(Activities.MANUAL_INTERVENTION_TASK, "manual-intervention"),
            Map.entry(Activities.DECIDE_CANARY, "canary-approval"),
            Map.entry(Activities.DECIDE_INCONCLUSIVE_VERIFICATION, INCONCLUSIVE_METRICS),
            Map.entry(Activities.DECIDE_INCONCLUSIVE_TICK, INCONCLUSIVE_METRICS),
            Map.entry(Activities.DECIDE_INCONCLUSIVE_TRIGGER, INCONCLUSIVE_METRICS),
            Map.entry(Activities.DECIDE_INCONCLUSIVE_CANARY, INCONCLUSIVE_METRICS));

    /** the gates every Liftoff has, whatever its configuration */
    static final Collection<String> FIXED = new java.util.TreeSet<>(BY_TASK.values());

    private Gates() {
    }

    static String of(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (Activities.SIGN_OFF_TASK.equals(key)) {
            return SIGNOFF_PREFIX + role(task);
        }
        return BY_TASK.getOrDefault(key, Labels.kebab(key, "UserTask_"));
    }

    /** the group the sign-off is offered to: the role it signs for */
    private static String role(DelegateTask task) {
        return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).sorted().findFirst().orElse(ReleaseMeters.UNKNOWN);
    }
}
