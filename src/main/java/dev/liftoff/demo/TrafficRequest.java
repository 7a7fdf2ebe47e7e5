package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Liftoff's traffic adapter asks the demo to do in a canary step: send {@code weight} percent
 * of the environment's traffic to the canary, which is to run {@code version} at {@code commitSha}.
 */
record TrafficRequest(String service, String environment, String version, String commitSha, Integer weight) {

    static TrafficRequest from(JsonNode body) {
        JsonNode weight = body.path("weight");
        return new TrafficRequest(DeployRequest.text(body, "service"), DeployRequest.text(body, "environment"),
                DeployRequest.text(body, "version"), DeployRequest.text(body, "commitSha"),
                weight.isIntegralNumber() && weight.canConvertToInt() ? weight.intValue() : null);
    }

    /** Rejects with 422 what is well-formed JSON but no weight the demo can apply. */
    void requireApplicable() {
        DeployRequest.requireBuild(version, commitSha);
        if (weight == null || weight < 0 || weight > 100) {
            throw new RequestRejected(422, "weight must be a whole percent from 0 to 100");
        }
    }
}
