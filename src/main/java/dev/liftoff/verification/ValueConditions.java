package dev.liftoff.verification;

import dev.liftoff.config.SmokeExpectation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a JSON value or a header value must be. Without qualifiers (or with {@code exists: true})
 * it must be present; {@code exists: false} asks for its absence and nothing else.
 */
record ValueConditions(String equals, Boolean exists, String matches, BigDecimal min, BigDecimal max) {

    static ValueConditions of(SmokeExpectation expectation) {
        return new ValueConditions(expectation.equals(), expectation.exists(), expectation.matches(),
                expectation.min(), expectation.max());
    }

    /** e.g. "present", "absent", "= UP", ">= 0 and <= 100" */
    String expected() {
        List<String> conditions = conditions();
        return conditions.isEmpty() ? "present" : String.join(" and ", conditions);
    }

    /** what follows the subject in a check's name; nothing when presence is all that is asked */
    String nameSuffix() {
        List<String> conditions = conditions();
        return conditions.isEmpty() ? "" : " " + String.join(" and ", conditions);
    }

    boolean test(Optional<String> value) {
        if (Boolean.FALSE.equals(exists)) {
            return value.isEmpty();
        }
        return value.filter(v -> equals == null || equals.equals(v))
                .filter(v -> matches == null || Pattern.matches(matches, v))
                .filter(this::withinRange)
                .isPresent();
    }

    /** true when {@code value} fails only because a range was asked of something that is no number */
    boolean isNumberMissing(String value) {
        return (min != null || max != null) && number(value).isEmpty();
    }

    private boolean withinRange(String value) {
        if (min == null && max == null) {
            return true;
        }
        return number(value)
                .filter(n -> min == null || n.compareTo(min) >= 0)
                .filter(n -> max == null || n.compareTo(max) <= 0)
                .isPresent();
    }

    private List<String> conditions() {
        List<String> conditions = new ArrayList<>();
        if (Boolean.FALSE.equals(exists)) {
            conditions.add("absent");
            return conditions;
        }
        if (equals != null) {
            conditions.add("= " + equals);
        }
        if (matches != null) {
            conditions.add("matches " + matches);
        }
        if (min != null) {
            conditions.add(">= " + min.toPlainString());
        }
        if (max != null) {
            conditions.add("<= " + max.toPlainString());
        }
        return conditions;
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
