package dev.liftoff.process;

import java.util.List;

/** Activity ids of {@code release-lifecycle} (and user task keys of its stages) that Java reads. */
public final class Activities {
    public static final String VALIDATE_REQUEST = "Task_ValidateRequest";
    public static final String PRE_DEPLOYMENT_CHECKS = "CallActivity_PreDeploymentChecks";
    public static final String DEPLOY_TO_STAGING = "CallActivity_DeployToStaging";
    public static final String STAGING_WATCH = "SubProcess_StagingWatch";
    public static final String UAT_SIGNOFF = "CallActivity_UatSignoff";
    public static final String MONITOR_STAGING = "CallActivity_MonitorStaging";
    public static final String STAGING_JOIN = "Gateway_StagingJoin";
    public static final String GO_LIVE_SIGNOFF = "CallActivity_GoLiveSignoff";
    /** the sub-process whose boundary catches {@code RollbackRequested} */
    public static final String PRODUCTION = "SubProcess_Production";
    public static final String MEASURE_LATENCY_BASELINE = "Task_MeasureLatencyBaseline";
    public static final String DEPLOY_TO_PRODUCTION = "CallActivity_DeployToProduction";
    public static final String MONITOR_PRODUCTION = "CallActivity_MonitorProduction";
    public static final String ROLLBACK = "CallActivity_Rollback";
    public static final String RELEASE_CLOSURE = "CallActivity_ReleaseClosure";
    /** the steps that record an outcome on the way to the closure */
    public static final List<String> OUTCOME_STEPS = List.of("Task_RejectInvalidRequest", "Task_RejectNoGo", "Task_FailStaging",
            "Task_RaiseStagingIncident", "Task_FailStagingMonitoring", "Task_RejectUat", "Task_RejectSignoff", "Task_RecordReleased",
            "Task_RecordRolledBack", "Task_RecordRollbackFailed", "Gateway_MergeOutcomes", "Gateway_Outcome");

    /** the boundary events of {@link #PRODUCTION} that start its rollback */
    public static final String PRODUCTION_VERIFICATION_FAILED = "BoundaryEvent_ProductionVerificationFailed";
    public static final String ROLLBACK_TRIGGERED = "BoundaryEvent_RollbackTriggered";
    public static final String ROLLBACK_REQUESTED = "BoundaryEvent_RollbackRequested";

    // user tasks of the stages
    public static final String GO_NO_GO_TASK = "UserTask_GoNoGo";
    /** the decisions on inconclusive metrics: after a verification, after a monitoring tick, in a rollback trigger's watch */
    public static final String DECIDE_INCONCLUSIVE_VERIFICATION = "UserTask_DecideInconclusiveVerification";
    public static final String DECIDE_INCONCLUSIVE_TICK = "UserTask_DecideInconclusiveTick";
    public static final String DECIDE_INCONCLUSIVE_TRIGGER = "UserTask_DecideInconclusiveTrigger";
    public static final String DECIDE_INCONCLUSIVE_CANARY = "UserTask_DecideInconclusiveCanary";
    /** a canary's pause until approved: promote (the next step) or abort (roll back) */
    public static final String DECIDE_CANARY = "UserTask_DecideCanary";
    public static final String UAT_TASK = "UserTask_Uat";
    /** one per sign-off role, offered to the role's group */
    public static final String SIGN_OFF_TASK = "UserTask_SignOff";
    public static final String ACKNOWLEDGE_INCIDENT_TASK = "UserTask_AcknowledgeIncident";
    public static final String REVIEW_INCIDENT_TASK = "UserTask_ReviewIncident";
    public static final String MANUAL_INTERVENTION_TASK = "UserTask_ManualIntervention";

    // verification steps: environment-deployment's of the environment and of a blue-green idle slot, rollback's of the restored version
    public static final String VERIFY_ENVIRONMENT = "Task_VerifyEnvironment";
    public static final String VERIFY_IDLE_SLOT = "Task_VerifyIdleSlot";
    public static final String VERIFY_RESTORED_VERSION = "Task_VerifyRestoredVersion";

    private Activities() {
    }
}
