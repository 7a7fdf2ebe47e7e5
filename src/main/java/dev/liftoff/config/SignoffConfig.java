package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The roles (Camunda groups) that each sign off a production go-live, and when their sign-offs
 * are due (default 24 hours after they open), with a reminder {@code remind-before} the due date.
 * A go-live nobody fully signed within {@code expire-after} (default 7 days; {@code 0}: never)
 * expires: the release is rejected with that reason, rather than left waiting for ever. Whoever tested the release in
 * UAT may sign only where {@code uat-tester-may-sign} is true (default false: the person who
 * accepted a release does not also approve it).
 */
public record SignoffConfig(
        @NotEmpty(message = "name at least one sign-off role (a Camunda group)") List<@NotBlank String> roles,
        Duration due,
        Duration remindBefore,
        Duration expireAfter,
        boolean uatTesterMaySign) {

    @ConstructorBinding
    public SignoffConfig {
        roles = roles == null ? List.of("engineering-leads", "security-leads", "operations", "product-owners") : List.copyOf(roles);
        due = due == null ? Duration.ofHours(24) : due;
        remindBefore = remindBefore == null ? Duration.ofHours(2) : remindBefore;
        expireAfter = expireAfter == null ? Duration.ofDays(7) : expireAfter;
    }

    /** the default due date and reminder; UAT testers may not sign */
    public SignoffConfig(List<String> roles) {
        this(roles, null, null, null, false);
    }

    static SignoffConfig defaults() {
        return new SignoffConfig(null);
    }

    /** the same sign-off, except whether UAT testers may sign */
    public SignoffConfig withUatTesterMaySign(boolean maySign) {
        return new SignoffConfig(roles, due, remindBefore, expireAfter, maySign);
    }

    /** whether a go-live that is not fully signed expires at all ({@code expire-after: 0}: never) */
    public boolean expires() {
        return !expireAfter.isZero();
    }

    @AssertTrue(message = "due must be positive, remind-before shorter than due, and expire-after at least due (or 0: never)")
    public boolean isTimingSane() {
        return due.toMillis() > 0 && !remindBefore.isNegative() && remindBefore.compareTo(due) < 0
                && (!expires() || expireAfter.compareTo(due) >= 0);
    }
}
