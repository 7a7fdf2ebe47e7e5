package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;

/**
 * Latency of one endpoint as percentiles: {@code samples} requests, {@code concurrency} at a
 * time, and p50 / p95 / p99 against their targets. A target left out is reported, not judged.
 */
public record LatencyCheck(
        @NotBlank String name,
        @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE|HEAD", message = "must be an HTTP method such as GET or POST") String method,
        @NotBlank @Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String path,
        Map<String, String> headers,
        String body,
        @Min(1) @Max(10_000) int samples,
        @Min(1) @Max(64) int concurrency,
        Duration p50,
        Duration p95,
        Duration p99) {

    public LatencyCheck {
        method = method == null ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        samples = samples == 0 ? 20 : samples;
        concurrency = concurrency == 0 ? 4 : concurrency;
    }

    @AssertTrue(message = "give at least one target: p50, p95 or p99")
    public boolean isTargeted() {
        return p50 != null || p95 != null || p99 != null;
    }
}
