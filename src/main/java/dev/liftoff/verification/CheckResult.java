package dev.liftoff.verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One assertion of a verification, kept as evidence.
 *
 * @param expected what had to hold, e.g. "200" or ">= 0"
 * @param actual what Liftoff saw: for HTTP checks the status and, where it matters, the value
 *     seen and an excerpt of the body (at most 2 KB); or why the environment did not answer
 * @param figures what a check measured, for the rules that compare it later (latency checks:
 *     {@code samples}, {@code failed}, {@code p50Micros}, {@code p95Micros}, {@code p99Micros}); empty for others
 * @param inconclusive not passed for want of data (a metric analysis whose provider had none or did not
 *     answer): neither a pass nor a failure, a person decides
 * @param analysis a metric analysis' own evidence (query as sent, measurements, range, graph link); empty for other checks
 */
public record CheckResult(String name, boolean passed, String expected, String actual, long durationMs, Map<String, Long> figures,
        boolean inconclusive, Map<String, Object> analysis) {

    public static final String SAMPLES = "samples";
    public static final String FAILED = "failed";
    public static final String P95_MICROS = "p95Micros";

    public CheckResult {
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        analysis = analysis == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(analysis));
    }

    /** a synthetic check: it passes or fails */
    public CheckResult(String name, boolean passed, String expected, String actual, long durationMs, Map<String, Long> figures) {
        this(name, passed, expected, actual, durationMs, figures, false, null);
    }

    /** a check that measures nothing beyond its verdict */
    public CheckResult(String name, boolean passed, String expected, String actual, long durationMs) {
        this(name, passed, expected, actual, durationMs, Map.of());
    }

    /** the check as it appears in the {@code <environment>Verification} variable */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("passed", passed);
        // the same as text, for forms whose tables cannot show a boolean
        map.put("result", passed ? "passed" : inconclusive ? "inconclusive" : "FAILED");
        if (inconclusive) {
            map.put("inconclusive", true);
        }
        map.put("expected", expected);
        map.put("actual", actual);
        map.put("durationMs", durationMs);
        if (!figures.isEmpty()) {
            map.put("figures", figures);
        }
        if (!analysis.isEmpty()) {
            map.put("analysis", analysis);
        }
        return map;
    }
}
