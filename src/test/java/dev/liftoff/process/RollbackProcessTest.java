package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/rollback.bpmn", "forms/manual-intervention.form", "incident-response-stand-in.bpmn"})
class RollbackProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    private static final JsonValue PREVIOUS = JsonVars.json(Map.of("version", "1.9.0", "commitSha", "1111aaa"));

    @Test
    void directRedeploysWhatRanBeforeAndVerifiesIt() {
        ProcessInstance rollback = startRollback(TestServices.SHOP, "shop@2.0.0", Map.of("productionPreviousRelease", PREVIOUS));

        assertThat(rollback).isEnded().hasPassed("Gateway_Strategy", "Task_RedeployPreviousVersion", "Task_VerifyRestoredVersion",
                "EndEvent_RollbackDone");
        assertThat(standIns.deploys).containsExactly("production:1.9.0");
        assertThat(standIns.switches).isEmpty();
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(true);
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_FAILURE)).isNull();
    }

    @Test
    void blueGreenSwitchesTrafficBackToTheWarmSlotAndVerifiesIt() {
        ProcessInstance rollback = startRollback(TestServices.KIOSK, "kiosk@2.0.0", Map.of("productionPreviousRelease", PREVIOUS,
                "productionTrafficSwitch", JsonVars.json(Map.of("status", 200))));

        assertThat(rollback).isEnded().hasPassed("Task_SwitchTrafficBack", "Task_VerifyRestoredVersion", "EndEvent_RollbackDone")
                .hasNotPassed("Task_RedeployPreviousVersion");
        assertThat(standIns.switches).containsExactly("production:1.9.0");
        assertThat(standIns.deploys).isEmpty();
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(true);
    }

    @Test
    void aCanaryBeforeItsPromotionSendsAllTrafficBackToTheStableVersionAndVerifiesIt() {
        ProcessInstance rollback = startRollback(TestServices.FLOCK, "flock@2.0.0", Map.of("productionPreviousRelease", PREVIOUS,
                "productionCanaryWeight", 50));

        assertThat(rollback).isEnded().hasPassed("Gateway_CanaryPromoted", "Task_ReturnTrafficToStable", "Task_VerifyRestoredVersion",
                "EndEvent_RollbackDone").hasNotPassed("Task_RedeployPreviousVersion");
        assertThat(standIns.canaryWeights).containsExactly("production:0");
        assertThat(standIns.deploys).isEmpty();
        assertThat(outcomeOf(rollback, Vars.CANARY_PROMOTED)).isEqualTo(false);
    }

    @Test
    void aPromotedCanaryIsRolledBackByRedeployingWhatRanBefore() {
        ProcessInstance rollback = startRollback(TestServices.FLOCK, "flock@2.0.1", Map.of("productionPreviousRelease", PREVIOUS,
                "productionCanaryPromotion", JsonVars.json(Map.of("status", 202))));

        assertThat(rollback).isEnded().hasPassed("Task_RedeployPreviousVersion", "EndEvent_RollbackDone")
                .hasNotPassed("Task_ReturnTrafficToStable");
        assertThat(standIns.deploys).containsExactly("production:1.9.0");
        assertThat(standIns.canaryWeights).isEmpty();
    }

    @Test
    void blueGreenBeforeTrafficMovedOnlyVerifiesWhatStillServes() {
        ProcessInstance rollback = startRollback(TestServices.KIOSK, "kiosk@2.0.1", Map.of("productionPreviousRelease", PREVIOUS));

        assertThat(rollback).isEnded().hasPassed("Gateway_TrafficSwitched", "Task_VerifyRestoredVersion", "EndEvent_RollbackDone")
                .hasNotPassed("Task_SwitchTrafficBack");
        assertThat(standIns.switches).isEmpty();
        assertThat(standIns.deploys).isEmpty();
        assertThat(outcomeOf(rollback, Vars.TRAFFIC_SWITCHED)).isEqualTo(false);
    }

    @Test
    void aRefusedSwitchBackIsHandedToOperationsWhoSayProductionIsNotRestored() {
        standIns.rollbackRefused = true;
        ProcessInstance rollback = startRollback(TestServices.KIOSK, "kiosk@2.0.2", Map.of("productionPreviousRelease", PREVIOUS,
                "productionTrafficSwitch", JsonVars.json(Map.of("status", 200))));

        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention").hasPassed("BoundaryEvent_RestoreRefused");
        assertThat((String) engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_FAILURE))
                .isEqualTo("Switching production traffic back was refused: webhook answered 409: slot not warm");
        Task task = task(rollback, "UserTask_ManualIntervention");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Groups.OPERATIONS));

        completeAs("otto", task, intervention("Paged the platform team; the load balancer is stuck", "NO"));

        assertThat(rollback).isEnded().hasPassed("EndEvent_HandledByOperations");
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(false);
        assertThat((String) outcomeOf(rollback, Vars.ROLLBACK_SUMMARY))
                .isEqualTo("Switching production traffic back was refused: webhook answered 409: slot not warm"
                        + " Manual intervention by otto: Paged the platform team; the load balancer is stuck"
                        + " — production is not restored.");
        JsonNode intervention = json(rollback, Vars.MANUAL_INTERVENTION);
        assertThat(intervention.path("by").asText()).isEqualTo("otto");
        assertThat(intervention.path("actions").asText()).isEqualTo("Paged the platform team; the load balancer is stuck");
        assertThat(intervention.path("restored").asBoolean()).isFalse();
        assertThat(intervention.path("at").asText()).isNotBlank();
    }

    @Test
    void aRefusedRedeployIsHandedToOperationsToo() {
        standIns.rollbackRefused = true;
        ProcessInstance rollback = startRollback(TestServices.SHOP, "shop@2.0.3", Map.of("productionPreviousRelease", PREVIOUS));

        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention").hasPassed("BoundaryEvent_RestoreRefused")
                .hasNotPassed("Task_VerifyRestoredVersion");
        assertThat((String) engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_FAILURE))
                .startsWith("Redeploying the previous version was refused");
    }

    @Test
    void anUnverifiedRestoreIsVerifiedOnlyWhenOperationsConfirmIt() {
        standIns.restoredVersionVerifies = false;
        ProcessInstance rollback = startRollback(TestServices.SHOP, "shop@2.0.4", Map.of("productionPreviousRelease", PREVIOUS));

        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention").hasPassed("Task_VerifyRestoredVersion");
        assertThat(engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_VERIFIED)).isEqualTo(false);
        completeAs("olga", task(rollback, "UserTask_ManualIntervention"),
                intervention("Redeployed 1.9.0 by hand and ran the smoke suite: all green", "YES"));

        assertThat(rollback).isEnded().hasPassed("EndEvent_HandledByOperations");
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(true);
        assertThat((String) outcomeOf(rollback, Vars.ROLLBACK_SUMMARY))
                .startsWith("The restored version did not pass its verification")
                .endsWith("— olga confirmed that production is restored and verified.");
        assertThat(json(rollback, Vars.MANUAL_INTERVENTION).path("restored").asBoolean()).isTrue();
    }

    @Test
    void withNothingKnownToRestoreNothingIsDeployedAndOperationsAreAsked() {
        ProcessInstance rollback = startRollback(TestServices.LEDGER, "ledger@2.0.0", Map.of());

        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention").hasNotPassed("SubProcess_Restore");
        assertThat(standIns.deploys).isEmpty();
        assertThat((String) engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_FAILURE))
                .startsWith("Rollback impossible: no earlier version of ledger is known on production");
        assertThat(engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_VERSIONS))
                .isEqualTo("from 2.0.0 (abcdef0123); no earlier version known");

        completeAs("otto", task(rollback, "UserTask_ManualIntervention"), intervention("Nothing to roll back to; kept 2.0.0", "NO"));
        assertThat(outcomeOf(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(false);
    }

    @Test
    void theServerRefusesAnInterventionWithoutActionsOrAnswer() {
        ProcessInstance rollback = startRollback(TestServices.LEDGER, "ledger@2.0.1", Map.of());
        Task task = task(rollback, "UserTask_ManualIntervention");

        assertThatThrownBy(() -> completeAs("otto", task, intervention("  ", "YES")))
                .hasMessageContaining("interventionActions is required");
        assertThatThrownBy(() -> completeAs("otto", task, intervention("Restarted the pods", "maybe")))
                .hasMessageContaining("productionRestored must be one of");
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), intervention("Restarted the pods", "YES")))
                .hasMessageContaining("Liftoff records who stepped in");
        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention");
    }

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aManualInterventionIsDueInAnHourWithAReminderBeforeAndAnEscalationWhenOverdue() {
        ClockUtil.setCurrentTime(Date.from(START));
        ProcessInstance rollback = startRollback(TestServices.LEDGER, "ledger@2.0.2", Map.of());
        assertThat(task(rollback, "UserTask_ManualIntervention").getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofHours(1))));

        passTo(START.plus(Duration.ofMinutes(45)).minusSeconds(1));
        assertThat(standIns.reminders).isEmpty();
        passTo(START.plus(Duration.ofMinutes(45)));
        passTo(START.plus(Duration.ofMinutes(60)));

        assertThat(standIns.reminders).containsExactly("reminder UserTask_ManualIntervention at 2026-11-22T10:45:00Z",
                "overdue UserTask_ManualIntervention at 2026-11-22T11:00:00Z");
        assertThat(rollback).isWaitingAt("UserTask_ManualIntervention")
                .hasPassed("Task_PlanManualIntervention", "EndEvent_OperationsReminded", "EndEvent_InterventionEscalated");
        completeAs("otto", task(rollback, "UserTask_ManualIntervention"), intervention("Nothing to roll back to; kept 2.0.2", "NO"));
        assertThat(rollback).isEnded().hasPassed("EndEvent_HandledByOperations");
    }

    @Test
    void aManualInterventionHandledInTimeCancelsItsReminderAndEscalation() {
        ClockUtil.setCurrentTime(Date.from(START));
        ProcessInstance rollback = startRollback(TestServices.LEDGER, "ledger@2.0.3", Map.of());
        assertThat(timers(rollback)).extracting(Job::getDuedate).containsExactlyInAnyOrder(
                Date.from(START.plus(Duration.ofMinutes(45))), Date.from(START.plus(Duration.ofMinutes(60))));

        passTo(START.plus(Duration.ofMinutes(10)));
        completeAs("olga", task(rollback, "UserTask_ManualIntervention"), intervention("Kept 2.0.3; paged the owners", "NO"));
        passTo(START.plus(Duration.ofHours(2)));

        assertThat(rollback).isEnded().hasNotPassed("Task_RemindOperations", "Task_EscalateIntervention");
        assertThat(timers(rollback)).isEmpty();
        assertThat(standIns.reminders).isEmpty();
    }

    private ProcessInstance startRollback(String service, String businessKey, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put(Vars.SERVICE, service);
        variables.put(Vars.VERSION, businessKey.substring(businessKey.indexOf('@') + 1));
        variables.put(Vars.ENVIRONMENT, "production");
        ProcessInstance rollback = startStage(ProcessKeys.ROLLBACK, businessKey, variables);
        runJobs();
        return rollback;
    }

    private static Map<String, Object> intervention(String actions, String restored) {
        return Map.of(Vars.INTERVENTION_ACTIONS, actions, Vars.PRODUCTION_RESTORED, restored);
    }

    private JsonNode json(ProcessInstance instance, String variable) {
        Object value = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(variable).disableCustomObjectDeserialization()
                .singleResult().getTypedValue();
        try {
            return JsonVars.MAPPER.readTree(((JsonValue) value).getValueSerialized());
        } catch (Exception e) {
            throw new AssertionError(variable + " is not JSON", e);
        }
    }
}
