package dev.liftoff.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.Outcome;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Chooses what a rollback restores: the version the environment ran before this release, else
 * the last version Liftoff released there, from its own history: the latest finished
 * {@code release-lifecycle} of the service whose {@code outcome} was {@code RELEASED}. A released
 * release went through staging and production, so it counts for either environment.
 */
@Service
public class RollbackTargets {

    private final HistoryService historyService;

    public RollbackTargets(HistoryService historyService) {
        this.historyService = historyService;
    }

    /**
     * @param previous the {@code <environment>PreviousRelease} evidence of this release (may be a null node)
     * @param failedCommit the commit being rolled back, which is never a target
     */
    public Optional<RollbackTarget> choose(JsonNode previous, String service, String failedCommit, String releaseInstanceId) {
        if (previous.hasNonNull("commitSha") && !sameCommit(previous.get("commitSha").asText(), failedCommit)) {
            return Optional.of(new RollbackTarget(previous.path("version").asText(), previous.get("commitSha").asText(),
                    "running before this release"));
        }
        return lastReleased(service, failedCommit, releaseInstanceId);
    }

    private Optional<RollbackTarget> lastReleased(String service, String failedCommit, String releaseInstanceId) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE)
                .variableValueEquals(Vars.SERVICE, service)
                .variableValueEquals(Vars.OUTCOME, Outcome.RELEASED.name())
                .finished()
                .orderByProcessInstanceEndTime().desc()
                .listPage(0, 20).stream()
                .filter(release -> !release.getId().equals(releaseInstanceId))
                .map(this::targetOf)
                .flatMap(Optional::stream)
                .filter(target -> !sameCommit(target.commitSha(), failedCommit))
                .findFirst();
    }

    private Optional<RollbackTarget> targetOf(HistoricProcessInstance release) {
        String version = variable(release.getId(), Vars.VERSION);
        String commit = variable(release.getId(), Vars.COMMIT_SHA);
        return commit == null ? Optional.empty()
                : Optional.of(new RollbackTarget(version, commit, "last release by Liftoff (" + release.getBusinessKey() + ")"));
    }

    private String variable(String instanceId, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).variableName(name).singleResult();
        return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
    }

    static boolean sameCommit(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        return x.startsWith(y) || y.startsWith(x);
    }
}
