package dev.liftoff.verification;

import dev.liftoff.config.CorsPreflightCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One CORS preflight, asked the way a browser asks it ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-*}), and its check {@code CORS preflight <METHOD> <path>}: a 2xx
 * that allows the origin (or {@code *}), the method and every requested header (or {@code *}).
 */
final class CorsPreflight {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

    private final CorsPreflightCheck check;

    CorsPreflight(CorsPreflightCheck check) {
        this.check = check;
    }

    TargetOutcome send(TargetHttp http, URI baseUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", check.origin());
        headers.put("Access-Control-Request-Method", check.method());
        if (!check.requestHeaders().isEmpty()) {
            headers.put("Access-Control-Request-Headers", String.join(", ", check.requestHeaders()));
        }
        return http.send(baseUrl, "OPTIONS", check.path(), headers, null);
    }

    /**
     * Expected, e.g. "status 2xx; Access-Control-Allow-Origin https://app.example.com or *;
     * Access-Control-Allow-Methods includes POST; Access-Control-Allow-Headers includes Content-Type, X-Token"
     * (the last part only when headers are requested).
     */
    String expected() {
        return "status 2xx; " + ALLOW_ORIGIN + " " + check.origin() + " or *; " + ALLOW_METHODS + " includes " + check.method()
                + (check.requestHeaders().isEmpty() ? "" : "; " + ALLOW_HEADERS + " includes " + String.join(", ", check.requestHeaders()));
    }

    /**
     * Actual, e.g. "status 204; Access-Control-Allow-Origin https://app.example.com; Access-Control-Allow-Methods GET, POST;
     * Access-Control-Allow-Headers missing; not allowed: header X-Token".
     */
    CheckResult judge(TargetOutcome outcome) {
        if (!(outcome instanceof TargetResponse response)) {
            return new CheckResult(name(), false, expected(), ((Unreachable) outcome).describe(), outcome.latencyMs());
        }
        Optional<String> origin = response.header(ALLOW_ORIGIN);
        Optional<String> methods = response.header(ALLOW_METHODS);
        Optional<String> headers = response.header(ALLOW_HEADERS);
        List<String> notAllowed = new ArrayList<>();
        if (!origin.map(String::strip).filter(o -> o.equals("*") || o.equalsIgnoreCase(check.origin())).isPresent()) {
            notAllowed.add("origin");
        }
        if (!allows(methods, check.method())) {
            notAllowed.add("method " + check.method());
        }
        check.requestHeaders().stream().filter(header -> !allows(headers, header)).forEach(header -> notAllowed.add("header " + header));

        List<String> seen = new ArrayList<>(List.of(response.statusText(), shown(ALLOW_ORIGIN, origin), shown(ALLOW_METHODS, methods)));
        if (!check.requestHeaders().isEmpty()) {
            seen.add(shown(ALLOW_HEADERS, headers));
        }
        if (!notAllowed.isEmpty()) {
            seen.add("not allowed: " + String.join(", ", notAllowed));
        }
        boolean passed = response.isSuccess() && notAllowed.isEmpty();
        String actual = String.join("; ", seen) + (response.isSuccess() ? "" : response.bodySuffix());
        return new CheckResult(name(), passed, expected(), actual, response.latencyMs());
    }

    CheckResult unfinished(String actual, long durationMs) {
        return new CheckResult(name(), false, expected(), actual, durationMs);
    }

    String name() {
        return "CORS preflight " + check.method() + " " + check.path();
    }

    /** whether a comma list such as "GET, POST" names {@code token} (any case) or is "*" */
    private static boolean allows(Optional<String> list, String token) {
        Set<String> allowed = list.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(item -> item.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return allowed.contains("*") || allowed.contains(token.toLowerCase(Locale.ROOT));
    }

    private static String shown(String header, Optional<String> value) {
        return header + value.map(v -> " " + Excerpts.shorten(v, 200)).orElse(" missing");
    }
}
