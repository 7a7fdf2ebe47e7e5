package dev.liftoff.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Headers every response must carry. {@code required} maps a header name to the regex its value
 * must match; an empty value means present with any value. With no {@code paths} the headers are
 * checked on every smoke response; otherwise on a GET of each path.
 */
public record SecurityHeadersCheck(
        @NotEmpty(message = "name at least one required header") Map<String, String> required,
        List<@Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String> paths) {

    public SecurityHeadersCheck {
        required = required == null ? Map.of() : Map.copyOf(required);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
