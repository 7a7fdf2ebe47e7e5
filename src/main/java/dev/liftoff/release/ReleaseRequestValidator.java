package dev.liftoff.release;

import dev.liftoff.config.LiftoffProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a release request must meet before anything is deployed. Each problem is a sentence
 * that names the field, what was wrong and what is allowed. The process checks them when it
 * starts; {@code POST /api/releases} checks them before it starts anything.
 */
@Component
public class ReleaseRequestValidator {

    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");
    static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    /** one broken rule: the request field and a sentence that says what to fix */
    public record FieldProblem(String field, String message, boolean unknownService) {
    }

    private final LiftoffProperties properties;

    public ReleaseRequestValidator(LiftoffProperties properties) {
        this.properties = properties;
    }

    public List<String> problems(Object service, Object version, Object commitSha, Object requestedBy) {
        return fieldProblems(service, version, commitSha, requestedBy).stream().map(FieldProblem::message).toList();
    }

    public List<FieldProblem> fieldProblems(Object service, Object version, Object commitSha, Object requestedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(service)) {
            problems.add(new FieldProblem("service", "service is missing; configured services: " + configuredServices(), false));
        } else if (properties.service(service.toString()).isEmpty()) {
            problems.add(new FieldProblem("service",
                    "service '" + service + "' is not configured; configured services: " + configuredServices(), true));
        }
        if (isBlank(version)) {
            problems.add(new FieldProblem("version", "version is missing", false));
        } else if (!VERSION.matcher(version.toString()).matches()) {
            problems.add(new FieldProblem("version", "version '" + version
                    + "' must start with a letter or digit and contain only letters, digits and . + _ - (at most 64 characters)", false));
        }
        if (isBlank(commitSha)) {
            problems.add(new FieldProblem("commitSha", "commitSha is missing", false));
        } else if (!COMMIT_SHA.matcher(commitSha.toString()).matches()) {
            problems.add(new FieldProblem("commitSha", "commitSha '" + commitSha + "' must be 7 to 40 hexadecimal characters", false));
        }
        if (isBlank(requestedBy)) {
            problems.add(new FieldProblem("requestedBy", "requestedBy is missing: name the person responsible for the change", false));
        }
        return problems;
    }

    /** the configured service ids, sorted */
    public List<String> configuredServices() {
        return properties.services().keySet().stream().sorted().toList();
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
