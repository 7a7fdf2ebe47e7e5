package dev.liftoff.release;

import dev.liftoff.config.LiftoffProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a release request must meet before anything is deployed. Each problem is a sentence
 * that names the field, what was wrong and what is allowed.
 */
@Component
public class ReleaseRequestValidator {

    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");
    static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    private final LiftoffProperties properties;

    public ReleaseRequestValidator(LiftoffProperties properties) {
        this.properties = properties;
    }

    public List<String> problems(Object service, Object version, Object commitSha, Object requestedBy) {
        List<String> problems = new ArrayList<>();
        if (isBlank(service)) {
            problems.add("service is missing; configured services: " + properties.services().keySet());
        } else if (properties.service(service.toString()).isEmpty()) {
            problems.add("service '" + service + "' is not configured; configured services: " + properties.services().keySet());
        }
        if (isBlank(version)) {
            problems.add("version is missing");
        } else if (!VERSION.matcher(version.toString()).matches()) {
            problems.add("version '" + version + "' must start with a letter or digit and contain only letters, digits and . + _ - (at most 64 characters)");
        }
        if (isBlank(commitSha)) {
            problems.add("commitSha is missing");
        } else if (!COMMIT_SHA.matcher(commitSha.toString()).matches()) {
            problems.add("commitSha '" + commitSha + "' must be 7 to 40 hexadecimal characters");
        }
        if (isBlank(requestedBy)) {
            problems.add("requestedBy is missing: name the person responsible for the change");
        }
        return problems;
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
