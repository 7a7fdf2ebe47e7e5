package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One assertion on a smoke response. Exactly one subject is set:
 * <ul>
 *   <li>{@code status}: {@code 200} or a class such as {@code 2xx};</li>
 *   <li>{@code json}: a JSON pointer, with {@code equals}, {@code exists}, {@code matches}
 *       (regex), {@code min} and/or {@code max} (numeric);</li>
 *   <li>{@code header}: a header name, present, or with {@code equals} / {@code matches};</li>
 *   <li>{@code bodyContains}: a substring of the body;</li>
 *   <li>{@code maxLatency}: the response arrives within this time.</li>
 * </ul>
 */
public record SmokeExpectation(
        @Pattern(regexp = "[1-5]([0-9]{2}|xx)", message = "must be a status such as 200 or a class such as 2xx") String status,
        @Pattern(regexp = "(/.*)?", message = "must be a JSON pointer such as /data/0/id") String json,
        String header,
        String bodyContains,
        Duration maxLatency,
        String equals,
        Boolean exists,
        String matches,
        BigDecimal min,
        BigDecimal max) {

    @AssertTrue(message = "set exactly one of status, json, header, body-contains, max-latency")
    public boolean isOneSubject() {
        return Stream.of(status, json, header, bodyContains, maxLatency).filter(v -> v != null).count() == 1;
    }

    @AssertTrue(message = "matches must be a valid regular expression")
    public boolean isMatchesCompilable() {
        try {
            return matches == null || java.util.regex.Pattern.compile(matches) != null;
        } catch (java.util.regex.PatternSyntaxException invalid) {
            return false;
        }
    }

    @AssertTrue(message = "equals, exists, matches, min and max qualify json or header assertions only")
    public boolean isQualifierOnJsonOrHeader() {
        boolean qualified = equals != null || exists != null || matches != null || min != null || max != null;
        return !qualified || json != null || header != null;
    }
}
