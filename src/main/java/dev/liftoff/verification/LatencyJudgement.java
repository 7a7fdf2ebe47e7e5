package dev.liftoff.verification;

import dev.liftoff.config.LatencyCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges the samples of a latency check against its targets. The check passes when every
 * configured target is met and no sample failed; a target left out is reported, not judged.
 */
final class LatencyJudgement {

    private LatencyJudgement() {
    }

    static String name(LatencyCheck check) {
        return check.name() + ": latency";
    }

    /** the configured targets only, e.g. "p50 ≤ 400 ms, p95 ≤ 800 ms, p99 ≤ 1500 ms" */
    static String expected(LatencyCheck check) {
        List<String> targets = new ArrayList<>();
        addTarget(targets, "p50", check.p50());
        addTarget(targets, "p95", check.p95());
        addTarget(targets, "p99", check.p99());
        return String.join(", ", targets);
    }

    /**
     * Actual: "p50 412.3 ms, p95 590.0 ms, p99 702.8 ms over 20 samples", followed by
     * "; 3 failed: status 500" when samples got no 2xx (several reasons: "; 3 failed: 2× status 500, 1× unreachable: …").
     */
    static CheckResult judge(LatencyCheck check, List<LatencySample> samples, long durationMs) {
        Percentiles percentiles = Percentiles.of(samples.stream().map(LatencySample::latencyMicros).toList());
        List<String> failures = samples.stream().filter(LatencySample::failed).map(LatencySample::failure).toList();
        boolean targetsMet = within(percentiles.p50(), check.p50())
                && within(percentiles.p95(), check.p95())
                && within(percentiles.p99(), check.p99());
        String actual = percentiles.describe() + (failures.isEmpty() ? "" : "; " + failures.size() + " failed: " + reasons(failures));
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put(CheckResult.SAMPLES, (long) samples.size());
        figures.put(CheckResult.FAILED, (long) failures.size());
        figures.put("p50Micros", percentiles.p50());
        figures.put(CheckResult.P95_MICROS, percentiles.p95());
        figures.put("p99Micros", percentiles.p99());
        return new CheckResult(name(check), targetsMet && failures.isEmpty(), expected(check), actual, durationMs, figures);
    }

    static CheckResult unfinished(LatencyCheck check, String actual, long durationMs) {
        return new CheckResult(name(check), false, expected(check), actual, durationMs);
    }

    private static void addTarget(List<String> targets, String percentile, Duration target) {
        if (target != null) {
            targets.add(percentile + " ≤ " + target.toMillis() + " ms");
        }
    }

    private static boolean within(long measuredMicros, Duration target) {
        return target == null || measuredMicros <= TimeUnit.NANOSECONDS.toMicros(target.toNanos());
    }

    private static String reasons(List<String> failures) {
        Map<String, Long> counts = failures.stream()
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        if (counts.size() == 1) {
            return failures.get(0);
        }
        return counts.entrySet().stream().map(reason -> reason.getValue() + "× " + reason.getKey()).collect(Collectors.joining(", "));
    }
}
