package dev.liftoff.verification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One assertion of a verification, kept as evidence.
 *
 * @param expected what had to hold, e.g. "200" or ">= 0"
 * @param actual what Liftoff saw: for HTTP checks the status and, where it matters, the value
 *     seen and an excerpt of the body (at most 2 KB); or why the environment did not answer
 */
public record CheckResult(String name, boolean passed, String expected, String actual, long durationMs) {

    /** the check as it appears in the {@code <environment>Verification} variable */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("passed", passed);
        // the same as text, for forms whose tables cannot show a boolean
        map.put("result", passed ? "passed" : "FAILED");
        map.put("expected", expected);
        map.put("actual", actual);
        map.put("durationMs", durationMs);
        return map;
    }
}
