package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Picks the version to restore and notes whether traffic had moved to the new version (blue-green)
 * and whether a canary had been promoted (so the stable version no longer runs what ran before).
 * With no version known, nothing can be restored automatically: the failure is stated for the
 * person who must step in.
 */
@Component("chooseRollbackTarget")
public class ChooseRollbackTargetDelegate implements JavaDelegate {

    private final RollbackTargets rollbackTargets;

    public ChooseRollbackTargetDelegate(RollbackTargets rollbackTargets) {
        this.rollbackTargets = rollbackTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution root = RootInstance.of(execution);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        String commitSha = (String) execution.getVariable(Vars.COMMIT_SHA);
        Optional<RollbackTarget> target = rollbackTargets.choose(
                JsonVars.read(root, Vars.previousReleaseOf(environment)),
                (String) execution.getVariable(Vars.SERVICE), commitSha, root.getId());

        String failing = execution.getVariable(Vars.VERSION) + " (" + commitSha + ")";
        execution.setVariable(Vars.ROLLBACK_TARGET_KNOWN, target.isPresent());
        execution.setVariable(Vars.TRAFFIC_SWITCHED, JsonVars.read(root, Vars.trafficSwitchOf(environment)).isObject());
        execution.setVariable(Vars.CANARY_PROMOTED, JsonVars.read(root, Vars.canaryPromotionOf(environment)).isObject());
        target.ifPresentOrElse(found -> {
            execution.setVariable(Vars.ROLLBACK_TARGET_VERSION, found.version());
            execution.setVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA, found.commitSha());
            execution.setVariable(Vars.ROLLBACK_VERSIONS, "from " + failing + " back to " + found.version() + " ("
                    + found.commitSha() + "), " + found.source());
            JsonVars.write(root, Vars.ROLLBACK_TARGET, found);
        }, () -> {
            String failure = "Rollback impossible: no earlier version of "
                    + execution.getVariable(Vars.SERVICE) + " is known on " + environment
                    + " (the environment did not report one before the deploy and Liftoff never released one there); "
                    + environment + " may still run commit " + commitSha + " and needs manual intervention.";
            execution.setVariable(Vars.ROLLBACK_VERSIONS, "from " + failing + "; no earlier version known");
            execution.setVariable(Vars.ROLLBACK_VERIFIED, false);
            execution.setVariable(Vars.ROLLBACK_SUMMARY, failure);
            execution.setVariable(Vars.ROLLBACK_FAILURE, failure);
        });
    }
}
