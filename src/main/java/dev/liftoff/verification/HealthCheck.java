package dev.liftoff.verification;

import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.HealthEndpoint;
import java.util.Optional;

/** The "health" check: HTTP 200 and, when a status pointer is configured, the expected status there. */
final class HealthCheck {

    static final String NAME = "health";

    private final TargetHttp http;

    HealthCheck(TargetHttp http) {
        this.http = http;
    }

    /** e.g. "status 200, /status = UP" */
    static String expected(EnvironmentConfig environment) {
        HealthEndpoint endpoint = environment.health();
        String pointer = statusPointer(endpoint);
        return "status 200" + (pointer == null ? "" : ", " + pointer + " = " + endpoint.expectedStatus());
    }

    private static String statusPointer(HealthEndpoint endpoint) {
        return endpoint.statusPointer() == null || endpoint.statusPointer().isEmpty() ? null : endpoint.statusPointer();
    }

    CheckResult check(EnvironmentConfig environment) {
        HealthEndpoint endpoint = environment.health();
        String pointer = statusPointer(endpoint);
        String expected = expected(environment);
        TargetOutcome outcome = http.get(environment.baseUrl(), endpoint.path());
        if (outcome instanceof Unreachable unreachable) {
            return new CheckResult(NAME, false, expected, unreachable.describe(), unreachable.latencyMs());
        }
        TargetResponse response = (TargetResponse) outcome;
        if (pointer == null) {
            boolean passed = response.status() == 200;
            return new CheckResult(NAME, passed, expected, response.statusText() + (passed ? "" : response.bodySuffix()),
                    response.latencyMs());
        }
        JsonBody json = response.json();
        if (!json.isJson()) {
            return new CheckResult(NAME, false, expected, response.notJson(), response.latencyMs());
        }
        Optional<String> status = json.text(pointer);
        boolean passed = response.status() == 200 && status.filter(endpoint.expectedStatus()::equals).isPresent();
        String seen = status.map(s -> pointer + " = " + Excerpts.shorten(s, 200)).orElse(pointer + " missing");
        return new CheckResult(NAME, passed, expected, response.statusText() + ", " + seen + (passed ? "" : response.bodySuffix()),
                response.latencyMs());
    }
}
