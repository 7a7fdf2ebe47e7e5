package dev.liftoff.deploy;

import java.util.Objects;

/**
 * What a deploy target is asked to do: bring {@code version} (built from {@code commitSha}) of
 * {@code service} to {@code environment}. The idempotency key stays the same when the engine
 * retries the same step, so a target can recognise a repeated request.
 *
 * @param slot where in the environment the version goes: {@code null} for a direct deploy,
 *     {@code idle} for the idle slot of blue-green; a traffic switch is asked with {@code null}
 *     and the version that is to serve; a canary is deployed with {@code canary}
 * @param weight for a canary's traffic adapter: the percent of the traffic the canary running
 *     {@code version} is to get (0 to 100); null for every other request
 */
public record DeployRequest(String service, String environment, String version, String commitSha, String idempotencyKey,
        String slot, Integer weight) {

    public DeployRequest(String service, String environment, String version, String commitSha, String idempotencyKey) {
        this(service, environment, version, commitSha, idempotencyKey, null, null);
    }

    public DeployRequest(String service, String environment, String version, String commitSha, String idempotencyKey,
            String slot) {
        this(service, environment, version, commitSha, idempotencyKey, slot, null);
    }

    public DeployRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
