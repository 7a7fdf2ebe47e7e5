package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/** What Liftoff's webhook deploy adapter asks the demo deployer to do. */
record DeployRequest(String service, String environment, String version, String commitSha) {

    static final String SERVICE = "study-api";
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    static DeployRequest from(JsonNode body) {
        return new DeployRequest(text(body, "service"), text(body, "environment"), text(body, "version"), text(body, "commitSha"));
    }

    /** Rejects with 422 what is well-formed JSON but cannot be deployed. */
    void requireDeployable(Map<String, DemoEnvironment> environments) {
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
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
