package dev.liftoff.bench;

import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the percentiles of a Liftoff latency check from its evidence, whose {@code actual} starts
 * with e.g. {@code p50 412 ms, p95 590 ms, p99 702 ms over 20 samples}.
 */
final class EngineLatency {

    private static final Pattern ACTUAL = Pattern.compile("p50 (\\d+(?:\\.\\d+)?) ms, p95 (\\d+(?:\\.\\d+)?) ms, p99 (\\d+(?:\\.\\d+)?) ms over (\\d+) samples");

    private EngineLatency() {
    }

    /** the check named {@code <name>: latency} of the report, empty when the report has none */
    static Optional<CheckResult> check(VerificationReport report, LatencyProbe probe) {
        return report.checks().stream().filter(check -> check.name().equals(probe.checkName())).findFirst();
    }

    /** @throws IllegalArgumentException when {@code actual} does not start with the percentiles */
    static LatencyPercentiles parse(String actual) {
        Matcher matcher = ACTUAL.matcher(actual == null ? "" : actual);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("not the percentiles of a latency check: '" + actual + "'");
        }
        return new LatencyPercentiles(Double.parseDouble(matcher.group(1)), OptionalDouble.empty(),
                OptionalDouble.of(Double.parseDouble(matcher.group(2))), Double.parseDouble(matcher.group(3)),
                Long.parseLong(matcher.group(4)));
    }
}
