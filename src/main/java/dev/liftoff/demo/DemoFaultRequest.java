package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.ApiProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

/**
 * The body of {@code POST /api/demo/faults}, e.g.
 * {@code {"environment":"production","errorPercent":30,"addedLatency":"300ms"}}; either part may be
 * left out (0), not both.
 */
record DemoFaultRequest(String environment, int errorPercent, Duration addedLatency) {

    static final Duration MAX_LATENCY = Duration.ofSeconds(10);
    static final String EXAMPLE = "{\"environment\":\"production\",\"errorPercent\":30,\"addedLatency\":\"300ms\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws ApiProblem 400 naming each field that is wrong and what to send instead */
    static DemoFaultRequest parse(byte[] body, Set<String> environments) {
        JsonNode json;
        try {
            json = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("The body is not valid JSON: send a JSON object such as " + EXAMPLE + ".");
        }
        if (json == null || !json.isObject()) {
            throw malformed("The body must be a JSON object such as " + EXAMPLE + ".");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        String environment = environment(json.get("environment"), environments, errors);
        Integer errorPercent = errorPercent(json.get("errorPercent"), errors);
        Duration addedLatency = addedLatency(json.get("addedLatency"), errors);
        if (errorPercent != null && errorPercent == 0 && addedLatency != null && addedLatency.isZero()) {
            errors.add(ApiProblem.error("errorPercent", "there is nothing to inject: set errorPercent above 0, addedLatency above "
                    + "0ms, or both (DELETE /api/demo/faults clears faults)"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new DemoFaultRequest(environment, errorPercent, addedLatency);
    }

    /** The {@code environment} query parameter of {@code DELETE}: null for all environments. */
    static String environmentParameter(String environment, Set<String> environments) {
        if (environment == null || environment.isBlank()) {
            return null;
        }
        if (!environments.contains(environment)) {
            String message = unknownEnvironment(environment, environments);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", message + ", or leave it out to "
                    + "clear the faults of every environment.").withErrors(List.of(ApiProblem.error("environment", message)));
        }
        return environment;
    }

    private static String environment(JsonNode value, Set<String> environments, List<Map<String, String>> errors) {
        if (value == null || value.isNull()) {
            errors.add(ApiProblem.error("environment", "environment is required: one of " + String.join(", ", sorted(environments))));
            return null;
        }
        if (!value.isTextual() || !environments.contains(value.asText())) {
            errors.add(ApiProblem.error("environment", unknownEnvironment(value.isTextual() ? value.asText() : value.toString(),
                    environments)));
            return null;
        }
        return value.asText();
    }

    private static Integer errorPercent(JsonNode value, List<Map<String, String>> errors) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0 || value.intValue() > 100) {
            errors.add(ApiProblem.error("errorPercent", "errorPercent " + value + " must be a whole number from 0 to 100, e.g. 30"));
            return null;
        }
        return value.intValue();
    }

    private static Duration addedLatency(JsonNode value, List<Map<String, String>> errors) {
        if (value == null || value.isNull()) {
            return Duration.ZERO;
        }
        String rule = "addedLatency must be a duration from 0ms to " + InjectedFault.format(MAX_LATENCY) + " written as text, "
                + "e.g. \"300ms\" or \"1s\"";
        if (!value.isTextual()) {
            errors.add(ApiProblem.error("addedLatency", rule + ", not " + value));
            return null;
        }
        Duration latency;
        try {
            latency = DurationStyle.detectAndParse(value.asText().trim());
        } catch (IllegalArgumentException e) {
            errors.add(ApiProblem.error("addedLatency", rule + "; '" + value.asText() + "' is not a duration"));
            return null;
        }
        if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
            errors.add(ApiProblem.error("addedLatency", rule + ", not " + value.asText()));
            return null;
        }
        return Duration.ofMillis(latency.toMillis());
    }

    private static String unknownEnvironment(String environment, Set<String> environments) {
        return "environment '" + environment + "' is not a demo environment; send one of " + String.join(", ", sorted(environments));
    }

    private static Set<String> sorted(Set<String> environments) {
        return new TreeSet<>(environments);
    }

    private static ApiProblem invalid(List<Map<String, String>> errors) {
        String detail = "The fault was refused and nothing changed: "
                + errors.stream().map(error -> error.get("message")).collect(Collectors.joining("; ")) + ".";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-fault", "Invalid fault", detail).withErrors(errors);
    }

    private static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail)
                .withErrors(List.of(ApiProblem.error("body", detail)));
    }
}
