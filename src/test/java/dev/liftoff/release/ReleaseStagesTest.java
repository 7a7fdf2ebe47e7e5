package dev.liftoff.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseStagesTest {

    @Test
    void theStageInWordsFollowsTheActivitiesOfTheRoot() {
        assertThat(ReleaseStages.describe(Set.of("CallActivity_PreDeploymentChecks"), List.of())).isEqualTo("pre-deployment checks");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_PreDeploymentChecks"), List.of("UserTask_GoNoGo")))
                .isEqualTo("Go/No-Go decision");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_PreDeploymentChecks"), List.of(), true))
                .as("decided, the checks' last step not yet done").isEqualTo("Go/No-Go decided");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_DeployToStaging"), List.of())).isEqualTo("deploying to staging");
        assertThat(ReleaseStages.describe(Set.of("SubProcess_StagingWatch", "CallActivity_UatSignoff", "CallActivity_MonitorStaging"),
                List.of("UserTask_Uat"))).isEqualTo("UAT and staging monitoring");
        assertThat(ReleaseStages.describe(Set.of("SubProcess_StagingWatch", "CallActivity_UatSignoff"), List.of()))
                .isEqualTo("UAT (staging monitoring done)");
        assertThat(ReleaseStages.describe(Set.of("SubProcess_StagingWatch", "CallActivity_MonitorStaging"), List.of()))
                .isEqualTo("staging monitoring (UAT passed)");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_GoLiveSignoff"), List.of())).isEqualTo("go-live sign-off");
        assertThat(ReleaseStages.describe(Set.of("SubProcess_Production", "CallActivity_DeployToProduction"), List.of()))
                .isEqualTo("deploying to production");
        assertThat(ReleaseStages.describe(Set.of("SubProcess_Production", "CallActivity_MonitorProduction"), List.of()))
                .isEqualTo("production monitoring");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_Rollback"), List.of())).isEqualTo("rolling production back");
        assertThat(ReleaseStages.describe(Set.of("CallActivity_ReleaseClosure"), List.of())).isEqualTo("closing the release");
        assertThat(ReleaseStages.ended(ReleaseState.ROLLED_BACK)).isEqualTo("rolled back");
    }

    @Test
    void onlyTheProductionSubProcessCanBeRolledBack() {
        assertThat(ReleaseStages.canRollBack(Set.of("SubProcess_Production", "Task_MeasureLatencyBaseline"))).isTrue();
        assertThat(ReleaseStages.canRollBack(Set.of("CallActivity_GoLiveSignoff"))).isFalse();
        assertThat(ReleaseStages.canRollBack(Set.of("CallActivity_Rollback"))).isFalse();
    }

    @Test
    void htmlOnlyWhenTheClientPrefersIt() {
        assertThat(ReleaseController.prefersHtml(null)).isFalse();
        assertThat(ReleaseController.prefersHtml("*/*")).isFalse();
        assertThat(ReleaseController.prefersHtml("text/markdown")).isFalse();
        assertThat(ReleaseController.prefersHtml("text/html")).isTrue();
        assertThat(ReleaseController.prefersHtml("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
        assertThat(ReleaseController.prefersHtml("text/markdown, text/html;q=0.5")).isFalse();
        assertThat(ReleaseController.prefersHtml("not a media type")).isFalse();
    }
}
