package dev.liftoff.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A CORS preflight: {@code OPTIONS path} with {@code Origin}, {@code Access-Control-Request-Method}
 * and {@code -Headers}; the answer must allow that origin (or {@code *}), that method and those
 * headers.
 */
public record CorsPreflightCheck(
        @NotBlank @Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String path,
        @NotBlank @Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin such as https://app.example.com") String origin,
        @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE|HEAD", message = "must be an HTTP method such as GET or POST") String method,
        List<@NotBlank String> requestHeaders) {

    public CorsPreflightCheck {
        method = method == null ? "GET" : method;
        requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
    }
}
