package dev.liftoff.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment's answer to one request.
 *
 * @param body the body as read: at most {@link CappedBody#LIMIT} bytes of it
 * @param bodyCut whether the environment sent more body than was read
 * @param latencyMicros from sending the request to reading the body
 */
record TargetResponse(int status, Map<String, List<String>> headers, String body, boolean bodyCut, long latencyMicros)
        implements TargetOutcome {

    TargetResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    TargetResponse(int status, Map<String, List<String>> headers, String body, long latencyMs) {
        this(status, headers, body, false, latencyMs * 1000);
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

    /**
     * "status 200", the start of every actual value of a check on this response; a redirect, which
     * Liftoff never follows, says where it pointed: "status 302, redirect to https://… not followed"
     */
    String statusText() {
        String status = "status " + this.status;
        if (this.status / 100 != 3) {
            return status;
        }
        return header("Location").map(location -> status + ", redirect to " + Excerpts.shorten(location, 200) + " not followed")
                .orElse(status);
    }

    /** the body as JSON; never JSON when it was cut, as a cut document may still parse and mislead */
    JsonBody json() {
        return bodyCut ? JsonBody.none() : JsonBody.parse(body);
    }

    /** the actual value of a check that needed JSON and got something else */
    String notJson() {
        if (bodyCut) {
            return statusText() + ", body not read as JSON " + CappedBody.CUT_NOTE + ", body: " + Excerpts.of(body);
        }
        return statusText() + ", body is not JSON: " + (body.isBlank() ? "(empty)" : Excerpts.of(body));
    }

    /** ", body: <excerpt>" for checks whose failure the body explains; nothing when it is empty */
    String bodySuffix() {
        if (body.isBlank()) {
            return "";
        }
        return ", body: " + Excerpts.of(body) + (bodyCut ? " " + CappedBody.CUT_NOTE : "");
    }
}
