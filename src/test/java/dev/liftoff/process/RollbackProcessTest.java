package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/rollback.bpmn")
class RollbackProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void redeploysWhatRanBeforeAndVerifiesIt() {
        ProcessInstance rollback = startStage(ProcessKeys.ROLLBACK, "shop@2.0.0", Map.of(Vars.ENVIRONMENT, "production",
                "productionPreviousRelease", JsonVars.json(Map.of("version", "1.9.0", "commitSha", "1111aaa"))));
        runJobs();

        assertThat(rollback).isEnded().hasPassed("Task_RedeployPreviousVersion", "Task_VerifyRestoredVersion", "EndEvent_RollbackDone");
        assertThat(standIns.deploys).containsExactly("production:1.9.0");
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(true);
    }

    @Test
    void withNothingKnownToRestoreItEndsUnverifiedAndDeploysNothing() {
        ProcessInstance rollback = startStage(ProcessKeys.ROLLBACK, "ledger@2.0.0", Map.of(Vars.SERVICE, TestServices.LEDGER,
                Vars.ENVIRONMENT, "production"));
        runJobs();

        assertThat(rollback).isEnded().hasPassed("EndEvent_NothingToRestore");
        assertThat(standIns.deploys).isEmpty();
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(false);
    }
}
