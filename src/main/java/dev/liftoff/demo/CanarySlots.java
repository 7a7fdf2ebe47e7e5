package dev.liftoff.demo;

import dev.liftoff.config.ServiceConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * Production of study-canary: a stable build and a canary build, each on a port of its own, and the
 * router in front of them that users reach. A deploy to the canary slot leaves the stable build
 * alone; a deploy without a slot replaces the stable build, as a canary's full promotion does. The
 * router sends each request to one of the two by the weight last applied (none yet: all to stable).
 */
final class CanarySlots implements DeployableEnvironment {

    static final String CANARY = "canary";

    private final DemoEnvironment stable;
    private final DemoEnvironment canary;
    // before any change, everything goes to stable; this one is counted but never listed
    private volatile WeightChange current = new WeightChange(null, 0, null, Instant.now());

    CanarySlots(RunningBuild initial) {
        this.stable = new DemoEnvironment(DeployRequest.CANARY_SERVICE, ServiceConfig.PRODUCTION, initial);
        this.canary = DemoEnvironment.canarySlot(DeployRequest.CANARY_SERVICE, ServiceConfig.PRODUCTION, initial);
    }

    DemoEnvironment stable() {
        return stable;
    }

    DemoEnvironment canary() {
        return canary;
    }

    /** The slot that answers the next request reaching the router. */
    DemoEnvironment route() {
        return current.routesNextToCanary() ? canary : stable;
    }

    /** From now on, {@code change}'s share of the router's requests goes to the canary. */
    void apply(WeightChange change) {
        current = change;
    }

    @Override
    public Optional<DemoEnvironment> slot(String slot) {
        if (slot == null) {
            return Optional.of(stable);
        }
        return CANARY.equals(slot) ? Optional.of(canary) : Optional.empty();
    }

    @Override
    public String slotRule() {
        return "slot must be canary, or absent to replace the stable build (a full promotion)";
    }
}
