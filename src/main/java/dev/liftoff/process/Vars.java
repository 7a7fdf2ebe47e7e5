package dev.liftoff.process;

/** Process variable names. The first block is the public contract (PRODUCT.md). */
public final class Vars {
    // contract: start variables and outcome on the root release-lifecycle instance
    public static final String SERVICE = "service";
    public static final String VERSION = "version";
    public static final String COMMIT_SHA = "commitSha";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String STARTED_BY = "startedBy";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_REASON = "outcomeReason";
    public static final String ROLLBACK_REASON = "rollbackReason";
    public static final String ROLLBACK_REQUESTED_BY = "rollbackRequestedBy";
    /** suffix of {@code <environment>Verification}, e.g. {@code stagingVerification} */
    public static final String VERIFICATION_SUFFIX = "Verification";

    // request validation
    public static final String REQUEST_VALID = "requestValid";
    public static final String REQUEST_PROBLEMS = "requestProblems";

    // environment-deployment
    public static final String ENVIRONMENT = "environment";
    public static final String DEPLOY_VERSION = "deployVersion";
    public static final String DEPLOY_COMMIT_SHA = "deployCommitSha";
    /** where the deploy target's answer goes on the root: {@code <environment>Deployment}, {@code rollbackDeployment} */
    public static final String RECEIPT_VARIABLE = "receiptVariable";
    /** suffix of {@code <environment>PreviousRelease}: what ran before this release, on the root */
    public static final String PREVIOUS_RELEASE_SUFFIX = "PreviousRelease";
    /** BPMN input of a deploy or check step: {@code idle} addresses the idle slot of blue-green; absent = live */
    public static final String SLOT = "slot";
    /** suffix of {@code <environment>IdleSlotVerification}: the checks of the idle slot before traffic moved */
    public static final String IDLE_SLOT_VERIFICATION_SUFFIX = "IdleSlotVerification";
    /** suffix of {@code <environment>TrafficSwitch}: the switch's answer, on the root once traffic moved */
    public static final String TRAFFIC_SWITCH_SUFFIX = "TrafficSwitch";

    // canary (strategy canary of environment-deployment)
    /** the element variable of the canary's step loop: the index of the step in canary.steps */
    public static final String CANARY_STEP = "canaryStep";
    /** BPMN input of a weight change that is no step of canary.steps (the promotion's and the rollback's 0) */
    public static final String CANARY_WEIGHT = "canaryWeight";
    /** suffix of {@code <environment>Canary} on the root: the canary's weight and every step with its evidence */
    public static final String CANARY_SUFFIX = "Canary";
    /** suffix of {@code <environment>CanaryWeight} on the root: the percent of traffic the canary gets now */
    public static final String CANARY_WEIGHT_SUFFIX = "CanaryWeight";
    /** suffix of {@code <environment>CanaryVerification} on the root: the checks of the canary before it got traffic */
    public static final String CANARY_VERIFICATION_SUFFIX = "CanaryVerification";
    /** suffix of {@code <environment>StableVerification}: why the promoted stable version was not seen running */
    public static final String STABLE_VERIFICATION_SUFFIX = "StableVerification";
    /** suffix of {@code <environment>CanaryPromotion} on the root: the deploy target's answer once the canary was promoted */
    public static final String CANARY_PROMOTION_SUFFIX = "CanaryPromotion";
    /** rollback: the canary had been promoted (the stable version runs it), so a rollback redeploys */
    public static final String CANARY_PROMOTED = "canaryPromoted";
    /** the canary's rows for its decision task: [{step, what, result, summary}] */
    public static final String CANARY_ROWS = "canaryRows";
    /** task-local form fields of a canary's pause until approved */
    public static final String CANARY_DECISION = "canaryDecision";
    public static final String CANARY_COMMENT = "canaryComment";

    // pre-deployment-checks
    public static final String READINESS = "readiness";
    public static final String READINESS_PASSED = "readinessPassed";
    public static final String GO_DECISION = "goDecision";
    public static final String GO_REASON = "goReason";
    public static final String GO_NO_GO_DUE_AT = "goNoGoDueAt";
    public static final String GO_NO_GO_REMIND_AT = "goNoGoRemindAt";

    // human decisions (task-local form fields)
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    /** a refusal's reason as the forms ask for it (REST callers may send it as {@link #COMMENT}) */
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String APPROVALS = "approvals";
    public static final String END_AS = "endAs";
    public static final String END_BECAUSE = "endBecause";

    // uat-signoff
    public static final String UAT_GROUP = "uatGroup";
    /** one string per UAT task ({@code tester:<user>} or {@code group:<group>#<n>}), and the element variable of each task */
    public static final String UAT_SLOTS = "uatSlots";
    public static final String UAT_SLOT = "uatSlot";
    public static final String UAT_SCENARIOS = "uatScenarios";
    public static final String UAT_MIN_CONFIDENCE = "uatMinConfidence";
    public static final String UAT_DUE_AT = "uatDueAt";
    public static final String UAT_REMIND_AT = "uatRemindAt";
    /** when a UAT still open fails as expired (uat.expire-after; far in the future when the service sets none) */
    public static final String UAT_EXPIRES_AT = "uatExpiresAt";
    /** input of a reminder or escalation step: the user task it is about, and which notice */
    public static final String WAITING_TASK = "waitingTask";
    public static final String NOTICE = "notice";
    public static final String SCENARIOS_PASSED = "scenariosPassed";
    public static final String CONFIDENCE = "confidence";
    public static final String ISSUES = "issues";
    /** task-local: who was shut out of this task and why, as [{user, reason}] */
    public static final String EXCLUDED_USERS = "excludedUsers";
    public static final String UAT_FEEDBACK = "uatFeedback";
    public static final String UAT_PASSED = "uatPassed";
    public static final String UAT_REASON = "uatReason";

    // go-live-signoff
    public static final String SIGNOFF_ROLES = "signoffRoles";
    public static final String SIGNOFF_DUE_AT = "signoffDueAt";
    public static final String SIGNOFF_REMIND_AT = "signoffRemindAt";
    public static final String SIGNOFF_EXPIRES_AT = "signoffExpiresAt";
    /** the service's signoff.uat-tester-may-sign: false excludes whoever gave UAT feedback from the sign-offs */
    public static final String UAT_TESTER_MAY_SIGN = "uatTesterMaySign";
    public static final String ROLE = "role";
    public static final String SIGNOFF_REJECTED = "signoffRejected";
    public static final String SIGNOFF_REASON = "signoffReason";

    // rollback
    public static final String ROLLBACK_TRIGGER = "rollbackTrigger";
    public static final String ROLLBACK_TARGET = "rollbackTarget";
    public static final String ROLLBACK_TARGET_KNOWN = "rollbackTargetKnown";
    public static final String ROLLBACK_TARGET_VERSION = "rollbackTargetVersion";
    public static final String ROLLBACK_TARGET_COMMIT_SHA = "rollbackTargetCommitSha";
    public static final String ROLLBACK_VERIFICATION = "rollbackVerification";
    public static final String VERIFICATION_ERROR = "verificationError";
    public static final String ROLLBACK_VERIFIED = "rollbackVerified";
    public static final String ROLLBACK_SUMMARY = "rollbackSummary";
    /** blue-green: traffic had moved to the new version, so a rollback switches it back */
    public static final String TRAFFIC_SWITCHED = "trafficSwitched";
    /** one line for the person who steps in: from which version to which */
    public static final String ROLLBACK_VERSIONS = "rollbackVersions";
    /** one sentence: what failed in the rollback, with the evidence summary */
    public static final String ROLLBACK_FAILURE = "rollbackFailure";
    /** {by, at, actions, restored}: what operations did when the rollback failed */
    public static final String MANUAL_INTERVENTION = "manualIntervention";
    /** task-local form fields of the manual intervention */
    public static final String INTERVENTION_ACTIONS = "interventionActions";
    public static final String PRODUCTION_RESTORED = "productionRestored";
    public static final String INTERVENTION_DUE_AT = "interventionDueAt";
    public static final String INTERVENTION_REMIND_AT = "interventionRemindAt";

    // monitoring-window
    /** suffix of {@code <environment>Monitoring} on the root: the window's schedule, every tick, how it ended */
    public static final String MONITORING_SUFFIX = "Monitoring";
    /** suffix of {@code <environment>LatencyBaseline} on the root: p95 per latency check before the deploy */
    public static final String LATENCY_BASELINE_SUFFIX = "LatencyBaseline";
    /** the BPMN error a window throws when a tick stops it: MonitorTickFailed (staging) or RollbackTriggered (production) */
    public static final String ON_FAILURE = "onFailure";
    public static final String WINDOW_STARTED_AT = "windowStartedAt";
    public static final String NEXT_TICK_AT = "nextTickAt";
    public static final String WINDOW_OVER = "windowOver";
    public static final String ERROR_RATE_ABOVE_SINCE = "errorRateAboveSince";
    public static final String CUT_SHORT_REASON = "cutShortReason";
    public static final String MONITORING_ERROR = "monitoringError";

    // metric analyses
    /** suffix of {@code <environment>MetricBaseline} on the root: each against-previous analysis' value before the deploy */
    public static final String METRIC_BASELINE_SUFFIX = "MetricBaseline";
    /** suffix of {@code <environment>MetricTriggers} on the root: each rollback trigger's watch, written when it changes */
    public static final String METRIC_TRIGGERS_SUFFIX = "MetricTriggers";
    /** the window's rollback triggers (names), each watched by an instance of its own; {@link #METRIC_TRIGGER} in each */
    public static final String METRIC_TRIGGERS = "metricTriggers";
    public static final String METRIC_TRIGGER = "metricTrigger";
    /** local to a trigger's watch: what it remembers between measurements */
    public static final String TRIGGER_WATCH = "triggerWatch";
    public static final String TRIGGER_INCONCLUSIVE = "triggerInconclusive";
    public static final String TICK_INCONCLUSIVE = "tickInconclusive";
    public static final String VERIFICATION_INCONCLUSIVE = "verificationInconclusive";
    /** what the decision on inconclusive metrics shows: [{analysis, where, detail, query, graphUrl}] */
    public static final String INCONCLUSIVE_ANALYSES = "inconclusiveAnalyses";
    public static final String METRICS_DECISION = "metricsDecision";
    public static final String METRICS_COMMENT = "metricsComment";
    public static final String METRICS_DECISION_DUE_AT = "metricsDecisionDueAt";
    /** on the root: every decision on inconclusive metrics, {environment, where, analyses, decision, by, at, comment} */
    public static final String METRIC_DECISIONS = "metricDecisions";

    // task-notification
    public static final String TASK_ID = "taskId";
    public static final String TASK_NAME = "taskName";
    public static final String TASK_DUE = "taskDue";
    public static final String CANDIDATE_GROUPS = "candidateGroups";
    public static final String CANDIDATE_USERS = "candidateUsers";
    public static final String EVIDENCE_SUMMARY = "evidenceSummary";
    /** groups told besides the candidates (an overdue task's release managers); {@link #NOTICE} says why */
    public static final String ALSO_NOTIFIED_GROUPS = "alsoNotifiedGroups";

    // release-closure
    public static final String RELEASE_SUMMARY = "releaseSummary";

    // release incidents: raised from a release (task-local inputs of the raising step) ...
    public static final String INCIDENT_KIND = "incidentKind";
    public static final String INCIDENT_STAGE = "incidentStage";
    public static final String INCIDENT_EVIDENCE = "incidentEvidence";
    /** P1..P4; an input of the raising step that overrides the kind's severity, then a variable of the incident */
    public static final String INCIDENT_SEVERITY = "incidentSeverity";
    /** true in a rehearsal: the incident is marked [DRILL] everywhere */
    public static final String DRILL = "drill";
    /** on the root release: {incidentId, severity, title, raisedAt, drill} per incident raised */
    public static final String INCIDENTS = "incidents";
    // ... and the incident-response instance
    public static final String INCIDENT_TITLE = "incidentTitle";
    public static final String INCIDENT_BODY = "incidentBody";
    public static final String RELEASE_INSTANCE_ID = "releaseInstanceId";
    public static final String ACKNOWLEDGING_GROUP = "acknowledgingGroup";
    public static final String ACKNOWLEDGE_BY = "acknowledgeBy";
    public static final String ACKNOWLEDGEMENT_PRIORITY = "acknowledgementPriority";
    public static final String ESCALATION_CYCLE = "escalationCycle";
    public static final String INCIDENT_ESCALATIONS = "incidentEscalations";
    public static final String ESCALATION_COUNT = "escalationCount";
    public static final String TRACKER_ENABLED = "trackerEnabled";
    public static final String EMAIL_ENABLED = "emailEnabled";
    public static final String TRACKER_ISSUE_URL = "trackerIssueUrl";
    public static final String TRACKER_ISSUE_NUMBER = "trackerIssueNumber";
    public static final String ACKNOWLEDGEMENT_NOTE = "acknowledgementNote";
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String FOLLOW_UPS = "followUps";
    public static final String INCIDENT_REVIEW = "incidentReview";
    public static final String REVIEW_DUE_AT = "reviewDueAt";
    public static final String REVIEW_REMIND_AT = "reviewRemindAt";

    private Vars() {
    }

    public static String monitoringOf(String environment) {
        return environment + MONITORING_SUFFIX;
    }

    public static String latencyBaselineOf(String environment) {
        return environment + LATENCY_BASELINE_SUFFIX;
    }

    public static String verificationOf(String environment) {
        return environment + VERIFICATION_SUFFIX;
    }

    public static String idleSlotVerificationOf(String environment) {
        return environment + IDLE_SLOT_VERIFICATION_SUFFIX;
    }

    public static String trafficSwitchOf(String environment) {
        return environment + TRAFFIC_SWITCH_SUFFIX;
    }

    public static String metricBaselineOf(String environment) {
        return environment + METRIC_BASELINE_SUFFIX;
    }

    public static String metricTriggersOf(String environment) {
        return environment + METRIC_TRIGGERS_SUFFIX;
    }

    public static String canaryOf(String environment) {
        return environment + CANARY_SUFFIX;
    }

    public static String canaryWeightOf(String environment) {
        return environment + CANARY_WEIGHT_SUFFIX;
    }

    public static String canaryVerificationOf(String environment) {
        return environment + CANARY_VERIFICATION_SUFFIX;
    }

    public static String stableVerificationOf(String environment) {
        return environment + STABLE_VERIFICATION_SUFFIX;
    }

    public static String canaryPromotionOf(String environment) {
        return environment + CANARY_PROMOTION_SUFFIX;
    }

    public static String previousReleaseOf(String environment) {
        return environment + PREVIOUS_RELEASE_SUFFIX;
    }
}
