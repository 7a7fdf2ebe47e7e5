package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The UAT a service asks for: scenarios to try, who tests, the least confidence that passes, and
 * when it is due (reference: 48 hours), with a reminder {@code remind-before} the due date.
 * <p>
 * Who tests: either {@code testers}, Camunda user ids that each get a UAT task of their own, or
 * {@code count} tasks offered to the {@code group} (default one), each filled by a different
 * member. A UAT still open {@code expire-after} it opened fails; without it UAT never expires.
 */
public record UatConfig(
        @NotBlank String group,
        List<@NotBlank String> testers,
        @Min(1) Integer count,
        List<@NotBlank String> scenarios,
        @Min(1) @Max(5) int minConfidence,
        Duration due,
        Duration remindBefore,
        Duration expireAfter) {

    @ConstructorBinding
    public UatConfig {
        group = group == null ? "uat-testers" : group;
        testers = testers == null ? List.of() : List.copyOf(testers);
        // count stays null when absent, so that "testers and count both set" can be told apart
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        minConfidence = minConfidence == 0 ? 3 : minConfidence;
        due = due == null ? Duration.ofHours(48) : due;
        remindBefore = remindBefore == null ? Duration.ofHours(4) : remindBefore;
    }

    /** one task for the group, the reference due date and reminder, never expiring */
    public UatConfig(String group, List<String> scenarios, int minConfidence) {
        this(group, null, null, scenarios, minConfidence, null, null, null);
    }

    static UatConfig defaults() {
        return new UatConfig(null, null, 0);
    }

    /** true when each task belongs to a named tester, false when the tasks are offered to the group */
    public boolean namedTesters() {
        return !testers.isEmpty();
    }

    /** how many UAT tasks open: one per named tester, else {@code count} (default 1) for the group */
    public int taskCount() {
        return namedTesters() ? testers.size() : count == null ? 1 : count;
    }

    @AssertTrue(message = "due must be positive and remind-before shorter than due")
    public boolean isTimingSane() {
        return due.toMillis() > 0 && !remindBefore.isNegative() && remindBefore.compareTo(due) < 0;
    }

    @AssertTrue(message = "set either uat.testers (one task per named tester) or uat.count (tasks for uat.group), not both")
    public boolean isTestersOrCount() {
        return testers.isEmpty() || count == null;
    }

    @AssertTrue(message = "uat.testers names somebody twice: each tester gets one task")
    public boolean isTestersDistinct() {
        return testers.stream().distinct().count() == testers.size();
    }

    @AssertTrue(message = "uat.expire-after must be longer than uat.due (leave it out and UAT never expires)")
    public boolean isExpiryAfterDue() {
        return expireAfter == null || expireAfter.compareTo(due) > 0;
    }
}
