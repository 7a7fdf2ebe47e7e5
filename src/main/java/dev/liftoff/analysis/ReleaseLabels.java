package dev.liftoff.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The release's own values a query is templated with: {@code {{service}}}, {@code {{environment}}},
 * {@code {{version}}} and {@code {{commitSha}}}.
 */
public record ReleaseLabels(String service, String environment, String version, String commitSha) {

    /** the placeholder names a template may use, in the order of the components */
    static final List<String> NAMES = List.of("service", "environment", "version", "commitSha");

    public ReleaseLabels {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
    }

    /** each placeholder's name with its value */
    public Map<String, String> asMap() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service", service);
        values.put("environment", environment);
        values.put("version", version);
        values.put("commitSha", commitSha);
        return values;
    }
}
