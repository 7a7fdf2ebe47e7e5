package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.time.Instant;

/**
 * When a human task is due after it opens, and how long before that the people it waits for are
 * reminded; at the due date they and the release managers are told it is overdue. Used for the
 * Go/No-Go ({@code liftoff.services.<id>.go-no-go}), the manual intervention after a failed
 * rollback ({@code liftoff.incidents.manual-intervention}) and the post-incident review
 * ({@code liftoff.incidents.review}); what is left out takes the default of its place.
 */
public record TaskDeadline(Duration due, Duration remindBefore) {

    /** this deadline, with what is not set taken from the given defaults */
    public TaskDeadline or(Duration defaultDue, Duration defaultRemindBefore) {
        return new TaskDeadline(due == null ? defaultDue : due, remindBefore == null ? defaultRemindBefore : remindBefore);
    }

    static TaskDeadline withDefaults(TaskDeadline given, Duration due, Duration remindBefore) {
        return given == null ? new TaskDeadline(due, remindBefore) : given.or(due, remindBefore);
    }

    @AssertTrue(message = "due must be positive and remind-before shorter than due")
    public boolean isTimingSane() {
        return due != null && remindBefore != null && due.toMillis() > 0 && !remindBefore.isNegative()
                && remindBefore.compareTo(due) < 0;
    }

    /** the due date of a task that opens at {@code opensAt} */
    public Instant dueAt(Instant opensAt) {
        return opensAt.plus(due);
    }

    /** when the people a task that opens at {@code opensAt} waits for are reminded */
    public Instant remindAt(Instant opensAt) {
        return dueAt(opensAt).minus(remindBefore);
    }
}
