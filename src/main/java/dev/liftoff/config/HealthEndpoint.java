package dev.liftoff.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The health endpoint: healthy means HTTP 200 and, when {@code statusPointer} is set, the JSON
 * value at that pointer equals {@code expectedStatus}.
 */
public record HealthEndpoint(
        @NotBlank @Pattern(regexp = "/.*", message = "must be a path starting with /") String path,
        @Pattern(regexp = "(/.*)?", message = "must be a JSON pointer such as /status") String statusPointer,
        String expectedStatus) {

    public HealthEndpoint {
        path = path == null ? "/health" : path;
        expectedStatus = expectedStatus == null ? "UP" : expectedStatus;
    }

    static HealthEndpoint defaults() {
        return new HealthEndpoint(null, "/status", null);
    }
}
