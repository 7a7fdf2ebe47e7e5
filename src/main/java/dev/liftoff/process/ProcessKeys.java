package dev.liftoff.process;

/** Process definition keys; each is the file name of its BPMN under {@code processes/}. */
public final class ProcessKeys {
    public static final String RELEASE_LIFECYCLE = "release-lifecycle";
    public static final String PRE_DEPLOYMENT_CHECKS = "pre-deployment-checks";
    public static final String ENVIRONMENT_DEPLOYMENT = "environment-deployment";
    public static final String MONITORING_WINDOW = "monitoring-window";
    public static final String UAT_SIGNOFF = "uat-signoff";
    public static final String GO_LIVE_SIGNOFF = "go-live-signoff";
    public static final String ROLLBACK = "rollback";
    public static final String RELEASE_NOTIFICATION = "release-notification";
    public static final String TASK_NOTIFICATION = "task-notification";
    public static final String RELEASE_CLOSURE = "release-closure";
    public static final String INCIDENT_RESPONSE = "incident-response";

    private ProcessKeys() {
    }
}
