package dev.liftoff.process;

/** Error codes of business outcomes thrown as {@code BpmnError}, and message names. */
public final class BpmnErrors {
    /** an environment did not pass its verification (or never reported the deployed commit) */
    public static final String VERIFICATION_FAILED = "VerificationFailed";
    /** a staging monitoring tick failed: the release stops as FAILED */
    public static final String MONITOR_TICK_FAILED = "MonitorTickFailed";
    /** a production monitoring tick tripped a rollback trigger */
    public static final String ROLLBACK_TRIGGERED = "RollbackTriggered";
    /** the message a release manager sends to end a monitoring window early, with {@code cutShortReason} */
    public static final String MESSAGE_WINDOW_CUT_SHORT = "MonitoringWindowCutShort";
    /** a rollback could not restore production on its own: a person must step in */
    public static final String ROLLBACK_FAILED = "RollbackFailed";
    /** the message a person sends to roll a production release back */
    public static final String MESSAGE_ROLLBACK_REQUESTED = "RollbackRequested";

    private BpmnErrors() {
    }
}
