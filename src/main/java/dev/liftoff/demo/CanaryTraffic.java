package dev.liftoff.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's traffic system for canaries, behind Liftoff's traffic adapter: {@code POST /traffic}
 * sets the share of a canary environment's requests that go to its canary build, {@code GET /traffic}
 * lists every weight applied. A weight above 0 needs the canary slot to run the commit it names,
 * so that traffic never reaches a build nobody verified; 0 is always allowed, it sends everything
 * back to the stable build. A repeated Idempotency-Key gets the first answer and applies nothing again.
 */
final class CanaryTraffic {

    private static final Logger log = LoggerFactory.getLogger(CanaryTraffic.class);

    private final DeployableEnvironments targets;
    private final Map<String, AppliedWeight> byIdempotencyKey = new LinkedHashMap<>();

    /** A weight the demo applied, kept so that a replay gets the same answer and is counted on the same entry. */
    private record AppliedWeight(TrafficRequest request, WeightChange change, JsonReply reply) {
    }

    /** The body of the answer to {@code POST /traffic}. */
    record Weighted(int weight, String environment, String canaryVersion, String canaryCommitSha, String stableVersion,
            String stableCommitSha, String idempotencyKey) {
    }

    CanaryTraffic(DeployableEnvironments targets) {
        this.targets = targets;
    }

    synchronized JsonReply apply(TrafficRequest request, String idempotencyKey) {
        AppliedWeight earlier = byIdempotencyKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw new RequestRejected(422, "Idempotency-Key " + idempotencyKey + " was already used for another weight");
            }
            earlier.change().replayed();
            return earlier.reply();
        }
        CanarySlots slots = targets.canary(request.service(), request.environment());
        request.requireApplicable();
        RunningBuild canary = slots.canary().running();
        if (request.weight() > 0 && !canary.commit().equalsIgnoreCase(request.commitSha())) {
            throw new RequestRejected(409, "the canary slot of " + request.service() + " " + request.environment() + " runs commit "
                    + canary.commit() + ", not " + request.commitSha() + "; deploy it with slot canary first (weight 0 is always allowed)");
        }
        WeightChange change = new WeightChange(idempotencyKey, request.weight(), request.commitSha(), Instant.now());
        slots.apply(change);
        RunningBuild stable = slots.stable().running();
        JsonReply reply = JsonReply.ok(new Weighted(request.weight(), request.environment(), canary.version(), canary.commit(),
                stable.version(), stable.commit(), idempotencyKey));
        byIdempotencyKey.put(idempotencyKey, new AppliedWeight(request, change, reply));
        log.info("Demo traffic of {} {}: {} % to the canary {} (commit {}), the rest to the stable {} (commit {}), Idempotency-Key {}",
                request.service(), request.environment(), request.weight(), canary.version(), canary.commit(), stable.version(),
                stable.commit(), idempotencyKey);
        return reply;
    }

    /** Every weight applied, in order, with the requests routed while it was in force. */
    synchronized List<WeightChange.View> changes() {
        return byIdempotencyKey.values().stream().map(applied -> applied.change().view()).toList();
    }
}
