package dev.liftoff.demo;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two slots of a study-api environment, blue and green: one serves the environment's base URL
 * (live), the other its idle URL. A deploy without a slot replaces the live build (direct); a deploy
 * to the idle slot leaves live traffic alone until a switch swaps the two, and the slot that served
 * before stays warm for a switch back.
 */
final class DemoSlots implements DeployableEnvironment {

    static final String IDLE = "idle";

    private static final Logger log = LoggerFactory.getLogger(DemoSlots.class);

    private final String name;
    private final DemoEnvironment blue;
    private final DemoEnvironment green;

    DemoSlots(String name, RunningBuild initial) {
        this.name = name;
        this.blue = new DemoEnvironment(DeployRequest.SERVICE, name, initial);
        this.green = new DemoEnvironment(DeployRequest.SERVICE, name, initial);
        green.serveLive(false);
    }

    String name() {
        return name;
    }

    DemoEnvironment live() {
        return blue.isLive() ? blue : green;
    }

    DemoEnvironment idle() {
        return blue.isLive() ? green : blue;
    }

    /** where a deploy goes: the idle slot when asked for it, else the live one */
    @Override
    public Optional<DemoEnvironment> slot(String slot) {
        if (slot == null) {
            return Optional.of(live());
        }
        return IDLE.equals(slot) ? Optional.of(idle()) : Optional.empty();
    }

    @Override
    public String slotRule() {
        return "slot must be idle, or absent to replace the live build";
    }

    /**
     * Makes the slot running {@code commit} serve live traffic. Already live: nothing to do. Neither
     * slot runs it: refused, since switching would put an unknown build live.
     *
     * @return whether traffic moved
     */
    synchronized boolean serve(String commit) {
        if (live().running().commit().equalsIgnoreCase(commit)) {
            return false;
        }
        DemoEnvironment idle = idle();
        if (!idle.running().commit().equalsIgnoreCase(commit)) {
            throw new RequestRejected(409, "neither slot of " + name + " runs commit " + commit + " (live: "
                    + live().running().commit() + ", idle: " + idle.running().commit() + "); deploy it to the idle slot first");
        }
        DemoEnvironment live = live();
        live.serveLive(false);
        idle.serveLive(true);
        log.info("Demo study-api {} switched: {} (commit {}) is live, {} (commit {}) stays warm", name,
                idle.running().version(), idle.running().commit(), live.running().version(), live.running().commit());
        return true;
    }
}
