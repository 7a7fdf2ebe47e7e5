package dev.liftoff.incident;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.TaskDeadline;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the post-incident review, which opens now, is due, and when its reviewers are reminded of it
 * ({@code liftoff.incidents.review}); both drive timers in the model.
 */
@Component("planIncidentReview")
public class PlanIncidentReviewDelegate implements JavaDelegate {

    private final TaskDeadline deadline;

    public PlanIncidentReviewDelegate(LiftoffProperties properties) {
        this.deadline = properties.incidents().review();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(Vars.REVIEW_DUE_AT, Date.from(deadline.dueAt(now)));
        execution.setVariable(Vars.REVIEW_REMIND_AT, Date.from(deadline.remindAt(now)));
    }
}
