package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * What Liftoff's webhook deploy adapter asks the demo deployer to do; {@code slot} is {@code idle}
 * for blue-green, {@code canary} for a canary, absent for a direct deploy (or a canary's full
 * promotion). A switch carries the version that is to serve.
 */
record DeployRequest(String service, String environment, String version, String commitSha, String slot) {

    static final String SERVICE = "study-api";
    static final String CANARY_SERVICE = "study-canary";
    static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    static DeployRequest from(JsonNode body) {
        return new DeployRequest(text(body, "service"), text(body, "environment"), text(body, "version"), text(body, "commitSha"),
                text(body, "slot"));
    }

    /** Rejects with 422 a version or commit that cannot be deployed. */
    void requireBuild() {
        requireBuild(version, commitSha);
    }

    static void requireBuild(String version, String commitSha) {
        if (version == null || version.isBlank()) {
            throw new RequestRejected(422, "version is required");
        }
        if (commitSha == null || !COMMIT_SHA.matcher(commitSha).matches()) {
            throw new RequestRejected(422, "commitSha must be 7 to 40 hex characters");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
