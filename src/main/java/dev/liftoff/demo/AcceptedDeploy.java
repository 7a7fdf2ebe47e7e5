package dev.liftoff.demo;

import java.time.Instant;

/** A deploy the demo deployer accepted, and how often the same Idempotency-Key came back since. */
record AcceptedDeploy(DeployRequest request, String idempotencyKey, Instant receivedAt, int replays) {

    /** The body of the 202, and of the 200 a replay gets. */
    record Acceptance(boolean accepted, String environment, String version, String commitSha, String idempotencyKey) {
    }

    /** One entry of GET /deployments. */
    record Deployment(String environment, String version, String commitSha, String idempotencyKey,
            Instant receivedAt, int replays) {
    }

    AcceptedDeploy replayed() {
        return new AcceptedDeploy(request, idempotencyKey, receivedAt, replays + 1);
    }

    Acceptance acceptance() {
        return new Acceptance(true, request.environment(), request.version(), request.commitSha(), idempotencyKey);
    }

    Deployment deployment() {
        return new Deployment(request.environment(), request.version(), request.commitSha(), idempotencyKey, receivedAt, replays);
    }
}
