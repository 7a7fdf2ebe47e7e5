package dev.liftoff.deploy;

import java.util.Objects;

/**
 * What a deploy target is asked to do: bring {@code version} (built from {@code commitSha}) of
 * {@code service} to {@code environment}. The idempotency key stays the same when the engine
 * retries the same step, so a target can recognise a repeated request.
 */
public record DeployRequest(String service, String environment, String version, String commitSha, String idempotencyKey) {

    public DeployRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
