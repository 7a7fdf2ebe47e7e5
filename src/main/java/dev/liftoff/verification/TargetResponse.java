package dev.liftoff.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An environment's answer to one request. */
record TargetResponse(int status, Map<String, List<String>> headers, String body, long latencyMs) implements TargetOutcome {

    TargetResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** the header's value (repeated headers joined with ", "), looked up regardless of case */
    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> String.join(", ", entry.getValue()))
                .findFirst();
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** "status 200", the start of every actual value of a check on this response */
    String statusText() {
        return "status " + status;
    }

    /** the actual value of a check that needed JSON and got something else */
    String notJson() {
        return statusText() + ", body is not JSON: " + (body.isBlank() ? "(empty)" : Excerpts.of(body));
    }

    /** ", body: <excerpt>" for checks whose failure the body explains; nothing when it is empty */
    String bodySuffix() {
        return body.isBlank() ? "" : ", body: " + Excerpts.of(body);
    }
}
