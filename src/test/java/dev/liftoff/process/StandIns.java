package dev.liftoff.process;

import dev.liftoff.analysis.AnalysisPlans;
import dev.liftoff.analysis.InconclusiveMetricsDecisionListener;
import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.PlanMetricTriggersDelegate;
import dev.liftoff.analysis.TriggerWatch;
import dev.liftoff.canary.CanaryDecisionRecorder;
import dev.liftoff.canary.CanarySteps;
import dev.liftoff.config.Slot;
import dev.liftoff.deploy.ChooseRollbackTargetDelegate;
import dev.liftoff.deploy.DeployStrategies;
import dev.liftoff.deploy.ManualInterventionRecorder;
import dev.liftoff.deploy.PlanManualInterventionDelegate;
import dev.liftoff.deploy.RollbackTargets;
import dev.liftoff.incident.IncidentPolicy;
import dev.liftoff.incident.PlanAcknowledgementDelegate;
import dev.liftoff.incident.PlanIncidentReviewDelegate;
import dev.liftoff.incident.RaiseReleaseIncidentDelegate;
import dev.liftoff.incident.ReleaseIncidents;
import dev.liftoff.monitoring.MonitoringService;
import dev.liftoff.monitoring.PlanNextTickDelegate;
import dev.liftoff.monitoring.RecordRollbackTriggerListener;
import dev.liftoff.monitoring.RecordWindowCutShortListener;
import dev.liftoff.notification.Mailer;
import dev.liftoff.notification.NotifyStakeholdersDelegate;
import dev.liftoff.notification.StakeholderMail;
import dev.liftoff.release.RecordOutcomeDelegate;
import dev.liftoff.release.ReleaseRequestValidator;
import dev.liftoff.release.ValidateReleaseRequestDelegate;
import dev.liftoff.report.ReleaseSummaryService;
import dev.liftoff.report.WriteReleaseSummaryDelegate;
import dev.liftoff.signoff.EvaluateUatDelegate;
import dev.liftoff.signoff.FourEyesGuard;
import dev.liftoff.signoff.GoNoGoDecisionListener;
import dev.liftoff.signoff.PlanGoNoGoDelegate;
import dev.liftoff.signoff.PrepareSignoffsDelegate;
import dev.liftoff.signoff.PrepareUatDelegate;
import dev.liftoff.signoff.RecordSignoffExpiredDelegate;
import dev.liftoff.signoff.RecordUatExpiredDelegate;
import dev.liftoff.signoff.SignoffRecorder;
import dev.liftoff.signoff.UatCandidates;
import dev.liftoff.signoff.UatFeedbackRecorder;
import dev.liftoff.signoff.UatSlotGuard;
import dev.liftoff.verification.VerificationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The beans the BPMN names, for process tests. Steps that reach the outside world (HTTP checks,
 * deploys) are stand-ins steered by the fields below; every other delegate and listener is the
 * real one, on the test engine's services.
 */
public final class StandIns {

    public final Set<String> failingEnvironments = new HashSet<>();
    public boolean ready = true;
    public boolean previousVersionKnown = true;
    public boolean restoredVersionVerifies = true;
    public boolean deployTargetRefuses = false;
    /** the rollback's redeploy or switch back is refused on its last attempt: {@code RollbackFailed} */
    public boolean rollbackRefused = false;
    /** what reached deploy targets: {@code environment:version}, a slot as {@code environment/idle:version} */
    public final List<String> deploys = new ArrayList<>();
    /** environments whose monitoring ticks stop the window, with the reason */
    public final Map<String, String> stoppingTicks = new HashMap<>();
    /** every monitoring tick run, as "environment@instant of the engine clock" */
    public final List<String> ticks = new ArrayList<>();
    public final List<String> baselines = new ArrayList<>();
    /** outcome mails to stakeholders, as "business key: outcome" */
    public final List<String> stakeholderMails = new ArrayList<>();
    /** reminders and escalations of waiting tasks, as "notice waitingTask at instant" */
    public final List<String> reminders = new ArrayList<>();
    /** what reached traffic switches: {@code environment:version} that is to serve */
    public final List<String> switches = new ArrayList<>();
    /** environments whose verification (an idle slot: {@code production/idle}) has no data for its metric analyses */
    public final Set<String> inconclusiveEnvironments = new HashSet<>();
    /** environments whose monitoring ticks have no data for their metric analyses */
    public final Set<String> inconclusiveTicks = new HashSet<>();
    /** what the next measurements of any metric trigger find, in order; empty: the trigger keeps passing */
    public final java.util.Deque<TriggerWatch.Step> triggerSteps = new java.util.ArrayDeque<>();
    /** every metric trigger measured, as "environment/trigger@instant of the engine clock" */
    public final List<String> triggerMeasurements = new ArrayList<>();
    /** what reached the canary's traffic adapter: {@code environment:weight}, in order */
    public final List<String> canaryWeights = new ArrayList<>();
    /** canary steps (1-based) whose analysis fails, and those that find no metrics data */
    public final Set<Integer> failingCanarySteps = new HashSet<>();
    public final Set<Integer> inconclusiveCanarySteps = new HashSet<>();
    /** environments whose metrics were measured before their deploy */
    public final List<String> metricBaselines = new ArrayList<>();

    public static StandIns register(ProcessEngine engine) {
        StandIns standIns = new StandIns();
        var properties = TestServices.properties();
        var history = engine.getHistoryService();

        Mocks.register("validateReleaseRequest",
                new ValidateReleaseRequestDelegate(new ReleaseRequestValidator(properties), engine.getIdentityService()));
        Mocks.register("recordOutcome", new RecordOutcomeDelegate());
        Mocks.register("recordRollbackTrigger", new RecordRollbackTriggerListener());
        Mocks.register("goNoGoDecision", new GoNoGoDecisionListener());
        Mocks.register("planGoNoGo", new PlanGoNoGoDelegate(properties));
        Mocks.register("prepareUat", new PrepareUatDelegate(properties));
        Mocks.register("uatCandidates", new UatCandidates());
        Mocks.register("uatSlotGuard", new UatSlotGuard());
        Mocks.register("uatFeedbackRecorder", new UatFeedbackRecorder());
        Mocks.register("recordUatExpired", new RecordUatExpiredDelegate(properties));
        Mocks.register("evaluateUat", new EvaluateUatDelegate());
        Mocks.register("prepareSignoffs", new PrepareSignoffsDelegate(properties));
        Mocks.register("fourEyesGuard", new FourEyesGuard(engine.getIdentityService()));
        Mocks.register("signoffRecorder", new SignoffRecorder());
        Mocks.register("recordSignoffExpired", new RecordSignoffExpiredDelegate());
        Mocks.register("chooseRollbackTarget", new ChooseRollbackTargetDelegate(new RollbackTargets(history)));
        MonitoringService monitoring = new MonitoringService(properties, new VerificationService(properties));
        Mocks.register("planNextTick", new PlanNextTickDelegate(monitoring));
        Mocks.register("recordWindowCutShort", new RecordWindowCutShortListener());
        Mocks.register("writeReleaseSummary", new WriteReleaseSummaryDelegate(new ReleaseSummaryService(history)));
        // a release raises incidents for real; deploy processes/incident-response.bpmn where it does
        Mocks.register("raiseReleaseIncident", new RaiseReleaseIncidentDelegate(new ReleaseIncidents(properties, engine.getRuntimeService())));
        Mocks.register("planAcknowledgement", new PlanAcknowledgementDelegate(new IncidentPolicy(properties)));
        Mocks.register("deployStrategies", new DeployStrategies(properties));
        Mocks.register("manualInterventionRecorder", new ManualInterventionRecorder());
        Mocks.register("planManualIntervention", new PlanManualInterventionDelegate(properties));
        Mocks.register("planIncidentReview", new PlanIncidentReviewDelegate(properties));

        Mocks.register("runReadinessChecks", standIns.readinessChecks());
        Mocks.register("recordCurrentVersion", standIns.recordCurrentVersion());
        Mocks.register("deployToEnvironment", (JavaDelegate) execution -> {
            if (standIns.deployTargetRefuses) {
                throw new IllegalStateException("webhook https://deployer.example.com/deploy answered 503: busy");
            }
            Object slot = execution.getVariable(Vars.SLOT);
            standIns.deploys.add(execution.getVariable(Vars.ENVIRONMENT) + (slot == null ? "" : "/" + slot) + ":"
                    + execution.getVariable(Vars.DEPLOY_VERSION));
            // the receipt, as the real step leaves it: a rollback reads whether a canary was promoted from it
            JsonVars.write(RootInstance.of(execution), (String) execution.getVariable(Vars.RECEIPT_VARIABLE), Map.of("status", 202));
        });
        Mocks.register("switchTraffic", (JavaDelegate) execution -> {
            String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
            standIns.switches.add(environment + ":" + execution.getVariable(Vars.VERSION));
            JsonVars.write(RootInstance.of(execution), Vars.trafficSwitchOf(environment), Map.of("status", 200));
        });
        Mocks.register("switchTrafficBack", standIns.restore(standIns.switches, "Switching production traffic back"));
        Mocks.register("redeployPreviousVersion", standIns.restore(standIns.deploys, "Redeploying the previous version"));
        Mocks.register("awaitDeployedVersion", (JavaDelegate) execution -> { });
        Mocks.register("verifyEnvironment", standIns.verifyEnvironment());
        Mocks.register("verifyRestoredVersion", standIns.verifyRestoredVersion());
        Mocks.register("runMonitoringTick", standIns.monitoringTick());
        // the closure decides for real whether to tell anyone; the mail itself is StakeholderMailTest's, on a real SMTP server
        Mocks.register("notifyStakeholders", new NotifyStakeholdersDelegate(
                new StakeholderMail(new Mailer(new JavaMailSenderImpl(), "liftoff@example.com"), properties)));
        Mocks.register("remindTask", (JavaDelegate) execution -> standIns.reminders.add(execution.getVariable(Vars.NOTICE) + " "
                + execution.getVariable(Vars.WAITING_TASK) + " at " + ClockUtil.getCurrentTime().toInstant()));
        Mocks.register("emailStakeholders", (JavaDelegate) execution ->
                standIns.stakeholderMails.add(execution.getProcessBusinessKey() + ": " + execution.getVariable(Vars.OUTCOME)));
        Mocks.register("measureLatencyBaseline", (JavaDelegate) execution ->
                standIns.baselines.add((String) execution.getVariable(Vars.ENVIRONMENT)));
        AnalysisPlans plans = new AnalysisPlans(properties, Set.of(TestServices.METRICS_PROVIDER));
        Mocks.register("analysisPlans", plans);
        Mocks.register("planMetricTriggers", new PlanMetricTriggersDelegate(plans));
        Mocks.register("measureMetricBaseline", (JavaDelegate) execution ->
                standIns.metricBaselines.add((String) execution.getVariable(Vars.ENVIRONMENT)));
        Mocks.register("measureMetricTrigger", standIns.metricTrigger());
        Mocks.register("inconclusiveMetricsDecision", new InconclusiveMetricsDecisionListener());
        CanarySteps canarySteps = new CanarySteps(properties);
        Mocks.register("canarySteps", canarySteps);
        Mocks.register("canaryDecisionRecorder", new CanaryDecisionRecorder(canarySteps));
        Mocks.register("setCanaryWeight", standIns.canaryWeight(canarySteps));
        Mocks.register("analyzeCanary", standIns.canaryAnalysis());
        Mocks.register("returnTrafficToStable", (JavaDelegate) execution -> {
            if (standIns.rollbackRefused) {
                throw new BpmnError(BpmnErrors.ROLLBACK_FAILED, "Sending all traffic back to the stable version was refused: webhook answered 503");
            }
            standIns.canaryWeights.add(execution.getVariable(Vars.ENVIRONMENT) + ":0");
        });
        return standIns;
    }

    /** the traffic adapter: the step's weight, or the step's input canaryWeight */
    private JavaDelegate canaryWeight(CanarySteps steps) {
        return execution -> {
            String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
            Integer step = (Integer) execution.getVariable(Vars.CANARY_STEP);
            Object given = execution.getVariable(Vars.CANARY_WEIGHT);
            int weight = given != null ? ((Number) given).intValue()
                    : steps.step((String) execution.getVariable(Vars.SERVICE), environment, step).setWeight();
            canaryWeights.add(environment + ":" + weight);
            RootInstance.of(execution).setVariable(Vars.canaryWeightOf(environment), weight);
        };
    }

    /** a canary's analysis: fails the steps in {@link #failingCanarySteps}, finds no data in {@link #inconclusiveCanarySteps} */
    private JavaDelegate canaryAnalysis() {
        return execution -> {
            int step = (Integer) execution.getVariable(Vars.CANARY_STEP) + 1;
            boolean inconclusive = inconclusiveCanarySteps.contains(step);
            if (inconclusive) {
                MetricDecisions.ask(execution, List.of(noData("error-rate", "canary analysis")), false);
            }
            execution.setVariable(Vars.VERIFICATION_INCONCLUSIVE, inconclusive);
            if (failingCanarySteps.contains(step)) {
                throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, execution.getVariable(Vars.ENVIRONMENT) + " canary step " + step
                        + " failed: compared with stable: Quiz latency: canary p50 312.0 ms against stable 11.0 ms (+301.0 ms)");
            }
        };
    }

    /** a rollback step: records what it restored, or fails the rollback as the real one does after its last attempt */
    private JavaDelegate restore(List<String> record, String what) {
        return execution -> {
            if (rollbackRefused) {
                throw new BpmnError(BpmnErrors.ROLLBACK_FAILED, what + " was refused: webhook answered 409: slot not warm");
            }
            record.add(execution.getVariable(Vars.ENVIRONMENT) + ":" + execution.getVariable(Vars.ROLLBACK_TARGET_VERSION));
        };
    }

    private JavaDelegate readinessChecks() {
        return execution -> {
            Map<String, Object> evidence = evidence(ready, ready ? "4/4 passed" : "3/4 passed — staging health: status 503");
            JsonVars.write(execution, Vars.READINESS, evidence);
            execution.setVariable(Vars.READINESS_PASSED, ready);
            if (!ready) {
                execution.setVariable(Vars.GO_DECISION, "NO_GO");
                execution.setVariable(Vars.GO_REASON, "Pre-deployment checks failed");
            }
        };
    }

    private JavaDelegate recordCurrentVersion() {
        return execution -> {
            Map<String, Object> previous = new LinkedHashMap<>();
            if (previousVersionKnown) {
                previous.put("version", "1.0.0");
                previous.put("commitSha", "0000aaa");
            } else {
                previous.put("unknown", "no answer");
            }
            JsonVars.write(RootInstance.of(execution), Vars.previousReleaseOf((String) execution.getVariable(Vars.ENVIRONMENT)), previous);
        };
    }

    /**
     * fails the environments in {@link #failingEnvironments} and finds no metrics data for those in
     * {@link #inconclusiveEnvironments}; a slot is named like {@code production/idle} or {@code production/canary}
     */
    private JavaDelegate verifyEnvironment() {
        return execution -> {
            String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
            Object slot = execution.getVariable(Vars.SLOT);
            String checked = slot == null ? environment : environment + "/" + slot;
            boolean inconclusive = inconclusiveEnvironments.contains(checked);
            if (inconclusive) {
                MetricDecisions.ask(execution, List.of(noData("error-rate", "verification")), false);
            }
            execution.setVariable(Vars.VERIFICATION_INCONCLUSIVE, inconclusive);
            boolean passes = !failingEnvironments.contains(checked);
            String summary = passes ? "3/3 passed" : "2/3 passed — score: status 500 (expected 200)";
            String variable = slot == null ? Vars.verificationOf(environment)
                    : Slot.CANARY.value().equals(slot) ? Vars.canaryVerificationOf(environment) : Vars.idleSlotVerificationOf(environment);
            JsonVars.write(RootInstance.of(execution), variable, evidence(passes, summary));
            if (!passes) {
                throw new BpmnError(BpmnErrors.VERIFICATION_FAILED, environment + " " + summary);
            }
        };
    }

    private JavaDelegate monitoringTick() {
        return execution -> {
            String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
            ticks.add(environment + "@" + ClockUtil.getCurrentTime().toInstant());
            String stop = stoppingTicks.get(environment);
            if (stop != null) {
                throw new BpmnError((String) execution.getVariable(Vars.ON_FAILURE), environment + " monitoring: " + stop);
            }
            boolean inconclusive = inconclusiveTicks.contains(environment);
            if (inconclusive) {
                MetricDecisions.ask(execution, List.of(noData("error-rate", "monitoring tick")), false);
            }
            execution.setVariable(Vars.TICK_INCONCLUSIVE, inconclusive);
        };
    }

    /** a metric trigger's measurement, as the next of {@link #triggerSteps} says: passes, fires, or asks a person */
    private JavaDelegate metricTrigger() {
        return execution -> {
            String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
            String trigger = (String) execution.getVariable(Vars.METRIC_TRIGGER);
            triggerMeasurements.add(environment + "/" + trigger + "@" + ClockUtil.getCurrentTime().toInstant());
            TriggerWatch.Step step = triggerSteps.isEmpty() ? TriggerWatch.Step.CARRY_ON : triggerSteps.poll();
            if (step == TriggerWatch.Step.FIRE) {
                throw new BpmnError((String) execution.getVariable(Vars.ON_FAILURE), environment + " monitoring: metric trigger "
                        + trigger + ": sum(rate(errors_total[1m])) = 0.25: not result < 0.05");
            }
            if (step == TriggerWatch.Step.ASK) {
                MetricDecisions.ask(execution, List.of(noData(trigger, "rollback trigger")), true);
            }
            execution.setVariableLocal(Vars.TRIGGER_INCONCLUSIVE, step == TriggerWatch.Step.ASK);
        };
    }

    private static Map<String, Object> noData(String analysis, String where) {
        return MetricDecisions.row(analysis, where, "no data: the query returned no series", "sum(rate(errors_total[1m]))",
                "http://prometheus.example.com/graph");
    }

    private JavaDelegate verifyRestoredVersion() {
        return (DelegateExecution execution) -> {
            execution.setVariable(Vars.ROLLBACK_VERIFIED, restoredVersionVerifies);
            execution.setVariable(Vars.ROLLBACK_SUMMARY, restoredVersionVerifies
                    ? "Rolled production back to " + execution.getVariable(Vars.ROLLBACK_TARGET_VERSION)
                    : "Rollback could not be verified");
            if (!restoredVersionVerifies) {
                execution.setVariable(Vars.ROLLBACK_FAILURE, "The restored version did not pass its verification: 2/3 passed.");
            }
        };
    }

    private static Map<String, Object> evidence(boolean passed, String summary) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", "stand-in check");
        check.put("passed", passed);
        check.put("expected", "pass");
        check.put("actual", passed ? "pass" : "fail");
        check.put("durationMs", 1);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passed", passed);
        evidence.put("durationMs", 1);
        evidence.put("summary", summary);
        evidence.put("checks", List.of(check));
        return evidence;
    }
}
