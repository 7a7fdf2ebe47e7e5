package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Liftoff's webhook deploy adapter asks the demo deployer to do; {@code slot} is {@code idle}
 * for blue-green, absent for a direct deploy. A switch carries the version that is to serve.
 */
record DeployRequest(String service, String environment, String version, String commitSha, String slot) {

    static final String SERVICE = "study-api";
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    static DeployRequest from(JsonNode body) {
        return new DeployRequest(text(body, "service"), text(body, "environment"), text(body, "version"), text(body, "commitSha"),
                text(body, "slot"));
    }

    /** Rejects with 422 what is well-formed JSON but cannot be deployed. */
    void requireDeployable(Map<String, ?> environments) {
        if (!SERVICE.equals(service)) {
            throw new RequestRejected(422, "unknown service '" + service + "'; the demo deployer deploys " + SERVICE);
        }
        if (!environments.containsKey(environment)) {
            throw new RequestRejected(422, "unknown environment '" + environment + "'; known: " + environments.keySet());
        }
        if (version == null || version.isBlank()) {
            throw new RequestRejected(422, "version is required");
        }
        if (commitSha == null || !COMMIT_SHA.matcher(commitSha).matches()) {
            throw new RequestRejected(422, "commitSha must be 7 to 40 hex characters");
        }
        if (slot != null && !"idle".equals(slot)) {
            throw new RequestRejected(422, "slot must be idle, or absent to replace the live build");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
