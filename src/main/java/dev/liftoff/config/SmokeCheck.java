package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * One smoke request and what its response must show. Each expectation is one assertion in the
 * evidence, so a request with five expectations counts as five checks.
 */
public record SmokeCheck(
        @NotBlank String name,
        @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS", message = "must be an HTTP method such as GET or POST") String method,
        @NotBlank @Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String path,
        Map<String, String> headers,
        String body,
        @NotEmpty(message = "give the request at least one expectation") List<@Valid @NotNull SmokeExpectation> expect) {

    public SmokeCheck {
        method = method == null ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expect = expect == null ? List.of() : List.copyOf(expect);
    }
}
