package dev.liftoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Label values of BPMN elements that have no fixed name yet: tasks and boundary events added later. */
class LabelsTest {

    @Test
    void aNewUserTaskIsAGateNamedAfterItsKey() {
        assertThat(Labels.kebab("UserTask_InconclusiveMetrics", "UserTask_")).isEqualTo("inconclusive-metrics");
        assertThat(Labels.kebab("UserTask_GoNoGo", "UserTask_")).isEqualTo("go-no-go");
        assertThat(Labels.kebab("UserTask_UATRetest", "UserTask_")).isEqualTo("uat-retest");
        assertThat(Labels.kebab("approveFreezeOverride", "UserTask_")).isEqualTo("approve-freeze-override");
        assertThat(Labels.kebab("UserTask_Canary_Pause2", "UserTask_")).isEqualTo("canary-pause2");
    }

    @Test
    void rollbackReasonsAreTheContractsOrTheBoundaryEventsName() {
        assertThat(RollbackReasons.of("BoundaryEvent_ProductionVerificationFailed")).isEqualTo("verification-failed");
        assertThat(RollbackReasons.of("BoundaryEvent_RollbackTriggered")).isEqualTo("trigger");
        assertThat(RollbackReasons.of("BoundaryEvent_RollbackRequested")).isEqualTo("requested");
        assertThat(RollbackReasons.of("BoundaryEvent_CanaryAnalysisFailed")).isEqualTo("canary-analysis-failed");
    }

    @Test
    void anOutcomeOutsideTheFourIsACancelledRelease() {
        assertThat(ReleaseMeters.outcome("ROLLED_BACK")).isEqualTo("ROLLED_BACK");
        assertThat(ReleaseMeters.outcome(null)).isEqualTo("CANCELLED");
    }
}
