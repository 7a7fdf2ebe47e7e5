package dev.liftoff.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A deploy the demo deployer accepted, and how often the same Idempotency-Key came back since. */
record AcceptedDeploy(DeployRequest request, String idempotencyKey, Instant receivedAt, int replays) {

    /** The body of the 202, and of the 200 a replay gets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Acceptance(boolean accepted, String environment, String version, String commitSha, String idempotencyKey, String slot) {
    }

    /** One entry of GET /deployments. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Deployment(String service, String environment, String version, String commitSha, String idempotencyKey,
            Instant receivedAt, int replays, String slot) {
    }

    AcceptedDeploy replayed() {
        return new AcceptedDeploy(request, idempotencyKey, receivedAt, replays + 1);
    }

    Acceptance acceptance() {
        return new Acceptance(true, request.environment(), request.version(), request.commitSha(), idempotencyKey, request.slot());
    }

    Deployment deployment() {
        return new Deployment(request.service(), request.environment(), request.version(), request.commitSha(), idempotencyKey, receivedAt, replays,
                request.slot());
    }
}
