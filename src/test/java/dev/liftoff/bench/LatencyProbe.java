package dev.liftoff.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint whose latency Liftoff measures and the benchmark measures again independently.
 * Only the p99 target is given: the figures are compared with an independent measurement, the
 * p50 and p95 are reported and not judged.
 */
record LatencyProbe(String name, String path, int samples, int concurrency, Duration p99Target) {

    /** the check's name in a verification report */
    String checkName() {
        return name + ": latency";
    }

    String endpoint() {
        return "GET " + path;
    }

    /** the probe as a {@code liftoff.services.<id>.latency[i]} entry, keys relative to the entry */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("method", "GET");
        properties.put("path", path);
        properties.put("samples", samples);
        properties.put("concurrency", concurrency);
        properties.put("p99", p99Target.toMillis() + "ms");
        return properties;
    }
}
