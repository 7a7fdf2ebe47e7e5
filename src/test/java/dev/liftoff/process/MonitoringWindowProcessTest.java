package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.TriggerWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/monitoring-window.bpmn", "monitoring-window-caller.bpmn"})
class MonitoringWindowProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    private static final Instant OPENED = Instant.parse("2026-11-22T10:00:00Z");
    private ProcessInstance window;

    @BeforeEach
    void stopTheClock() {
        ClockUtil.setCurrentTime(Date.from(OPENED));
    }

    @AfterEach
    void releaseTheClock() {
        ClockUtil.reset();
    }

    @Test
    void ticksOnItsScheduleThenCompletes() {
        ProcessInstance caller = openWindow("staging", BpmnErrors.MONITOR_TICK_FAILED);
        ProcessInstance window = window(caller);

        assertThat(window).isWaitingAt("Gateway_WaitForTick");
        assertThat(tickDue()).isEqualTo(OPENED.plus(Duration.ofMinutes(15)));
        runJobs();
        assertThat(standIns.ticks).as("nothing ticks before its time").isEmpty();

        passTo(Duration.ofMinutes(15));
        assertThat(tickDue()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        passTo(Duration.ofMinutes(30));

        assertThat(standIns.ticks).containsExactly("staging@2026-11-22T10:15:00Z", "staging@2026-11-22T10:30:00Z");
        assertThat(window).isEnded().hasPassed("EndEvent_WindowCompleted");
        assertThat(caller).isEnded().hasPassed("WindowDone");
        JsonNode record = JsonVars.MAPPER.valueToTree(historic(caller, "stagingMonitoring"));
        assertThat(record.get("schedule").asText()).isEqualTo("every 15m for 30m");
        assertThat(record.get("endsAt").asText()).isEqualTo("2026-11-22T10:30:00Z");
        assertThat(record.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void changesCadenceFromPhaseToPhase() {
        ProcessInstance caller = openWindow("production", BpmnErrors.ROLLBACK_TRIGGERED);

        List<Instant> dues = new java.util.ArrayList<>();
        for (int i = 0; i < 10 && !isEnded(caller); i++) {
            Instant due = tickDue();
            dues.add(due);
            passTo(Duration.between(OPENED, due));
        }

        assertThat(dues).extracting(due -> Duration.between(OPENED, due).toMinutes()).containsExactly(10L, 20L, 50L, 80L);
        assertThat(caller).isEnded().hasPassed("WindowDone");
    }

    @Test
    void aStoppingTickOnProductionTriggersARollbackWithItsReason() {
        standIns.stoppingTicks.put("production", "latency degraded: Version: latency p95 18.0 ms against 10.0 ms");
        ProcessInstance caller = openWindow("production", BpmnErrors.ROLLBACK_TRIGGERED);

        passTo(Duration.ofMinutes(10));

        assertThat(window(caller)).isEnded().hasPassed("EndEvent_RollbackTriggered");
        assertThat(caller).isEnded().hasPassed("RolledBack");
        assertThat(historic(caller, "caughtMessage"))
                .isEqualTo("production monitoring: latency degraded: Version: latency p95 18.0 ms against 10.0 ms");
    }

    @Test
    void aFailedStagingTickFailsTheRelease() {
        standIns.stoppingTicks.put("staging", "verification failed: 30/31 passed — score: status 500 (expected 200)");
        ProcessInstance caller = openWindow("staging", BpmnErrors.MONITOR_TICK_FAILED);

        passTo(Duration.ofMinutes(15));

        assertThat(window(caller)).isEnded().hasPassed("EndEvent_MonitorTickFailed");
        assertThat(caller).isEnded().hasPassed("Failed");
        assertThat((String) historic(caller, "caughtMessage")).startsWith("staging monitoring: verification failed: 30/31 passed");
    }

    @Test
    void aReleaseManagerCutsTheWindowShortWithAReason() {
        ProcessInstance caller = openWindow("staging", BpmnErrors.MONITOR_TICK_FAILED);
        passTo(Duration.ofMinutes(15));

        engine.getIdentityService().setAuthentication("rita", List.of(Groups.RELEASE_MANAGERS));
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_WINDOW_CUT_SHORT)
                .processInstanceBusinessKey(caller.getBusinessKey())
                .setVariable(Vars.CUT_SHORT_REASON, "urgent fix for the checkout outage")
                .correlate();
        engine.getIdentityService().clearAuthentication();

        assertThat(window(caller)).isEnded().hasPassed("EndEvent_WindowCutShort");
        assertThat(caller).isEnded().hasPassed("WindowDone");
        JsonNode record = JsonVars.MAPPER.valueToTree(historic(caller, "stagingMonitoring"));
        assertThat(record.get("status").asText()).isEqualTo("cut short");
        assertThat(record.at("/cutShort/by").asText()).isEqualTo("rita");
        assertThat(record.at("/cutShort/reason").asText()).isEqualTo("urgent fix for the checkout outage");
        assertThat(standIns.ticks).hasSize(1);
    }

    @Test
    void onlyAReleaseManagerMayCutAWindowShortAndOnlyWithAReason() {
        ProcessInstance caller = openWindow("staging", BpmnErrors.MONITOR_TICK_FAILED);

        engine.getIdentityService().setAuthentication("otto", List.of(Groups.OPERATIONS));
        assertThatThrownBy(() -> cutShort(caller, "done watching")).hasMessageContaining("otto may not cut a monitoring window short");
        engine.getIdentityService().setAuthentication("rita", List.of(Groups.RELEASE_MANAGERS));
        assertThatThrownBy(() -> cutShort(caller, " ")).hasMessageContaining("say why the monitoring window is cut short");
        engine.getIdentityService().clearAuthentication();

        assertThat(window(caller)).isWaitingAt("Gateway_WaitForTick");
    }

    @Test
    void aMetricTriggerIsMeasuredOnItsOwnIntervalAndRollsBackOnceItFires() {
        standIns.triggerSteps.addAll(List.of(TriggerWatch.Step.CARRY_ON, TriggerWatch.Step.CARRY_ON, TriggerWatch.Step.FIRE));
        ProcessInstance caller = openWindow(TestServices.GAUGE, "production", BpmnErrors.ROLLBACK_TRIGGERED);
        assertThat(due("TimerEvent_MeasurementDue")).isEqualTo(OPENED.plus(Duration.ofMinutes(1)));

        passTo(Duration.ofMinutes(1));
        passTo(Duration.ofMinutes(2));
        assertThat(window(caller)).isActive();
        passTo(Duration.ofMinutes(3));

        assertThat(standIns.triggerMeasurements).containsExactly("production/error-rate@2026-11-22T10:01:00Z",
                "production/error-rate@2026-11-22T10:02:00Z", "production/error-rate@2026-11-22T10:03:00Z");
        assertThat(standIns.ticks).as("the ticks keep their own schedule").isEmpty();
        assertThat(window(caller)).isEnded().hasPassed("BoundaryEvent_TriggerStopsWindow", "EndEvent_RollbackTriggered");
        assertThat(caller).isEnded().hasPassed("RolledBack");
        assertThat((String) historic(caller, "caughtMessage")).startsWith("production monitoring: metric trigger error-rate: ");
    }

    @Test
    void anInconclusiveTriggerAsksAPersonWhoMayCarryOnAndLaterStop() {
        standIns.triggerSteps.addAll(List.of(TriggerWatch.Step.ASK, TriggerWatch.Step.CARRY_ON, TriggerWatch.Step.ASK));
        ProcessInstance caller = openWindow(TestServices.GAUGE, "production", BpmnErrors.ROLLBACK_TRIGGERED);
        passTo(Duration.ofMinutes(1));

        Task decision = task(caller, Activities.DECIDE_INCONCLUSIVE_TRIGGER);
        assertThat(decision.getName()).isEqualTo("Metric trigger error-rate inconclusive on production: carry on or stop?");
        assertThat(engine.getTaskService().getVariable(decision.getId(), Vars.INCONCLUSIVE_ANALYSES).toString()).contains("no data");
        completeAs("otto", decision, Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "Prometheus restarts"));
        assertThat(window(caller)).isActive();
        assertThat(due("TimerEvent_MeasurementDue")).isEqualTo(OPENED.plus(Duration.ofMinutes(2)));

        passTo(Duration.ofMinutes(2));
        passTo(Duration.ofMinutes(3));
        completeAs("olga", task(caller, Activities.DECIDE_INCONCLUSIVE_TRIGGER),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "still no data: roll back"));

        assertThat(window(caller)).isEnded().hasPassed("EndEvent_TriggerStopped", "EndEvent_RollbackTriggered");
        assertThat(caller).isEnded().hasPassed("RolledBack");
        assertThat(historic(caller, "caughtMessage"))
                .isEqualTo("production monitoring: olga stopped on inconclusive metrics (error-rate): still no data: roll back");
    }

    @Test
    void theTriggersAreWatchedOnlyAsLongAsTheWindowLasts() {
        ProcessInstance caller = openWindow(TestServices.GAUGE, "production", BpmnErrors.ROLLBACK_TRIGGERED);
        for (int i = 0; i < 10 && !isEnded(caller); i++) {
            passTo(Duration.between(OPENED, due("TimerEvent_TickDue")));
        }

        assertThat(caller).isEnded().hasPassed("WindowDone");
        assertThat(window(caller)).isEnded().hasPassed("EndEvent_WindowCompleted").hasNotPassed("EndEvent_NoMetricTriggers");
        // the clock jumps from tick to tick: the trigger's measurement that fell due meanwhile ran each time
        assertThat(standIns.triggerMeasurements).startsWith("production/error-rate@2026-11-22T10:10:00Z",
                "production/error-rate@2026-11-22T10:20:00Z", "production/error-rate@2026-11-22T10:50:00Z");
        assertThat(engine.getManagementService().createJobQuery().count()).as("no trigger measurement left behind").isZero();
    }

    @Test
    void anInconclusiveTickAsksAPersonWhoMayCarryOnOrFailTheRelease() {
        standIns.inconclusiveTicks.add("staging");
        ProcessInstance caller = openWindow("staging", BpmnErrors.MONITOR_TICK_FAILED);
        passTo(Duration.ofMinutes(15));

        completeAs("rita", task(caller, Activities.DECIDE_INCONCLUSIVE_TICK),
                Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "staging has no traffic at night"));
        assertThat(window(caller)).isWaitingAt("Gateway_WaitForTick");
        assertThat(tickDue()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));

        passTo(Duration.ofMinutes(30));
        completeAs("rita", task(caller, Activities.DECIDE_INCONCLUSIVE_TICK),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "two ticks without data"));

        assertThat(window(caller)).isEnded().hasPassed("Gateway_TickCarryOn", "EndEvent_MonitorTickFailed");
        assertThat(caller).isEnded().hasPassed("Failed");
        assertThat(historic(caller, "caughtMessage"))
                .isEqualTo("staging monitoring: rita stopped on inconclusive metrics (error-rate): two ticks without data");
    }

    private ProcessInstance openWindow(String environment, String onFailure) {
        return openWindow(TestServices.RADAR, environment, onFailure);
    }

    private ProcessInstance openWindow(String service, String environment, String onFailure) {
        ProcessInstance caller = startStage("monitoring-window-caller", service + "@2.0.0", Map.of(Vars.SERVICE, service,
                Vars.ENVIRONMENT, environment, Vars.ON_FAILURE, onFailure));
        assertThat(caller).isActive();
        window = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
        return caller;
    }

    private void cutShort(ProcessInstance caller, String reason) {
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_WINDOW_CUT_SHORT)
                .processInstanceBusinessKey(caller.getBusinessKey())
                .setVariable(Vars.CUT_SHORT_REASON, reason)
                .correlate();
    }

    /** the window the caller opened (kept from its start, so that it can be asserted on once ended) */
    private ProcessInstance window(ProcessInstance caller) {
        assertThat(window.getBusinessKey()).isEqualTo(caller.getBusinessKey());
        return window;
    }

    /** when the timer of that event is due (the window's tick, or a trigger's next measurement) */
    private Instant due(String timerEvent) {
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(timerEvent).singleResult();
        assertThat(timer).as("a timer at %s", timerEvent).isNotNull();
        return timer.getDuedate().toInstant();
    }

    private Instant tickDue() {
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).as("the window waits for its next tick").isNotNull();
        return timer.getDuedate().toInstant();
    }

    private void passTo(Duration sinceOpened) {
        ClockUtil.setCurrentTime(Date.from(OPENED.plus(sinceOpened)));
        runJobs();
    }

    private boolean isEnded(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private Object historic(ProcessInstance instance, String name) {
        var variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult();
        assertThat(variable).as(name).isNotNull();
        Object value = variable.getValue();
        return value instanceof org.camunda.spin.json.SpinJsonNode json ? JsonVars.MAPPER.convertValue(
                readTree(json.toString()), Object.class) : value;
    }

    private static JsonNode readTree(String text) {
        try {
            return JsonVars.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
