package dev.liftoff.demo;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One weight applied to a canary's traffic, and the requests routed while it was in force. The
 * requests are split by a counter rather than drawn at random: request n goes to the canary when
 * floor((n+1)·w/100) passes floor(n·w/100), so that any run of requests from the change on holds
 * exactly its share (10 %: the 10th, 20th, … of every 100).
 */
final class WeightChange {

    /** One entry of {@code GET /traffic}. */
    record View(String idempotencyKey, int weight, String commitSha, Instant appliedAt, int replays, long routedToCanary,
            long routedToStable) {
    }

    private final String idempotencyKey;
    private final int weight;
    private final String commitSha;
    private final Instant appliedAt;
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong routedToCanary = new AtomicLong();
    private final AtomicLong routedToStable = new AtomicLong();

    WeightChange(String idempotencyKey, int weight, String commitSha, Instant appliedAt) {
        this.idempotencyKey = idempotencyKey;
        this.weight = weight;
        this.commitSha = commitSha;
        this.appliedAt = appliedAt;
    }

    /** Whether the next request goes to the canary; counted either way. */
    boolean routesNextToCanary() {
        long n = requests.getAndIncrement();
        boolean toCanary = (n + 1) * weight / 100 > n * weight / 100;
        (toCanary ? routedToCanary : routedToStable).incrementAndGet();
        return toCanary;
    }

    void replayed() {
        replays.incrementAndGet();
    }

    View view() {
        return new View(idempotencyKey, weight, commitSha, appliedAt, replays.get(), routedToCanary.get(), routedToStable.get());
    }
}
