package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Headers every response must carry. {@code required} maps a header name to the regex its value
 * must match; an empty value means present with any value. With no {@code paths} the headers are
 * checked on every smoke response; otherwise on a GET of each path.
 */
public record SecurityHeadersCheck(
        @NotEmpty(message = "name at least one required header") Map<String, String> required,
        List<@Pattern(regexp = "/(?!/)[^\\s]*", message = "must be a path on the environment's base URL, starting with a single /") String> paths) {

    public SecurityHeadersCheck {
        // keeps the configured order, which is the order of the checks in the evidence
        required = required == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(required));
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    @AssertTrue(message = "each required header's value must be a valid regular expression (\"\" for any value)")
    public boolean isEveryValueARegex() {
        try {
            required.values().stream().filter(value -> value != null).forEach(java.util.regex.Pattern::compile);
            return true;
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }
}
