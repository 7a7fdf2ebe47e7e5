package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/release-closure.bpmn", "processes/release-notification.bpmn"})
class ReleaseClosureProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void writesTheSummaryForAnyOutcome() {
        ProcessInstance closure = startStage(ProcessKeys.RELEASE_CLOSURE, "shop@2.0.0", Map.of(
                Vars.OUTCOME, "REJECTED", Vars.OUTCOME_REASON, "No-Go by rita: freeze week"));
        assertThat(closure).isWaitingAt("Task_WriteReleaseSummary");
        runJobs();

        assertThat(closure).isEnded().hasPassed("EndEvent_Closed");
        assertThat(outcomeOf(closure, Vars.RELEASE_SUMMARY).toString())
                .contains("\"outcome\":\"REJECTED\"", "\"outcomeReason\":\"No-Go by rita: freeze week\"");
        assertThat(standIns.stakeholderMails).containsExactly("shop@2.0.0: REJECTED");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.RELEASE_NOTIFICATION)
                .processInstanceBusinessKey("shop@2.0.0").finished().count()).isEqualTo(1);
    }

    @Test
    void aServiceWithoutStakeholdersTellsNobody() {
        ProcessInstance closure = startStage(ProcessKeys.RELEASE_CLOSURE, "ledger@2.0.0", Map.of(Vars.SERVICE, TestServices.LEDGER,
                Vars.OUTCOME, "RELEASED", Vars.OUTCOME_REASON, "ledger 2.0.0 is live"));
        runJobs();

        assertThat(closure).isEnded().hasPassed("Task_NotifyStakeholders", "EndEvent_Closed");
        assertThat(standIns.stakeholderMails).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.RELEASE_NOTIFICATION)
                .count()).isZero();
    }
}
