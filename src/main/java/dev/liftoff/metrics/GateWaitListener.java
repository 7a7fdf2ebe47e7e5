package dev.liftoff.metrics;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A human task that closes: completed by a person ({@code ended="completed"}), or deleted with its
 * activity ({@code ended="cancelled"}: a timer expired it, a refused sign-off closed its siblings,
 * a rollback or an operator ended the release). Both measure how long the task stood open.
 */
final class GateWaitListener implements TaskListener {

    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";

    private final ReleaseMeters meters;

    GateWaitListener(ReleaseMeters meters) {
        this.meters = meters;
    }

    @Override
    public void notify(DelegateTask task) {
        String gate = Gates.of(task);
        String ended = EVENTNAME_COMPLETE.equals(task.getEventName()) ? COMPLETED : CANCELLED;
        Duration open = Duration.ofMillis(Math.max(0, ClockUtil.getCurrentTime().getTime() - task.getCreateTime().getTime()));
        AfterCommit.record("task " + task.getId() + " (" + gate + ")", () -> meters.gateClosed(gate, ended, open));
    }
}
