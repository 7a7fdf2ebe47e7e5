package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How hard and how long Liftoff may press an environment while verifying it.
 *
 * @param parallelism requests in flight at once against the environment
 * @param requestTimeout how long one request may take before it counts as unanswered
 * @param deadline how long the whole verification may take; checks not done by then fail
 * @param maxRequestsPerSecond never more requests than this per second against the environment
 * @param http2 offer HTTP/2 (h2c upgrade or ALPN); off means HTTP/1.1 only
 */
public record VerificationSettings(
        @Min(1) @Max(64) int parallelism,
        Duration requestTimeout,
        Duration deadline,
        @Min(1) @Max(10_000) int maxRequestsPerSecond,
        boolean http2) {

    public VerificationSettings {
        parallelism = parallelism == 0 ? 8 : parallelism;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        deadline = deadline == null ? Duration.ofMinutes(2) : deadline;
        maxRequestsPerSecond = maxRequestsPerSecond == 0 ? 100 : maxRequestsPerSecond;
    }

    public static VerificationSettings defaults() {
        return new VerificationSettings(0, null, null, 0, false);
    }

    @AssertTrue(message = "request-timeout and deadline must be positive, and the deadline at least the request timeout")
    public boolean isTimingSane() {
        return requestTimeout.toMillis() > 0 && deadline.compareTo(requestTimeout) >= 0;
    }
}
