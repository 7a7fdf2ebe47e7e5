package dev.liftoff.demo;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment of a demo service, or one slot of it (blue-green's blue or green, a canary's stable
 * or canary build): the build it runs, whether it serves live traffic, and the traffic it served today.
 * On its own it is a direct deploy target: a deploy replaces its build, and names no slot.
 */
final class DemoEnvironment implements DeployableEnvironment {

    private static final Logger log = LoggerFactory.getLogger(DemoEnvironment.class);

    private final String service;
    private final String name;
    private final boolean canarySlot;
    private final DailyUsage usage = new DailyUsage();
    private volatile RunningBuild running;
    private volatile boolean live = true;

    DemoEnvironment(String service, String name, RunningBuild initial) {
        this(service, name, initial, false);
    }

    private DemoEnvironment(String service, String name, RunningBuild initial, boolean canarySlot) {
        this.service = service;
        this.name = name;
        this.running = initial;
        this.canarySlot = canarySlot;
    }

    /** The canary slot of {@code service}'s environment {@code name}: the one place where a slow build is slow. */
    static DemoEnvironment canarySlot(String service, String name, RunningBuild initial) {
        return new DemoEnvironment(service, name, initial, true);
    }

    String name() {
        return name;
    }

    RunningBuild running() {
        return running;
    }

    DailyUsage usage() {
        return usage;
    }

    boolean isLive() {
        return live;
    }

    void serveLive(boolean live) {
        this.live = live;
    }

    /** How much later than it would otherwise {@code build} answers here. */
    Duration addedLatency(RunningBuild build) {
        return canarySlot && build.isSlow() ? RunningBuild.SLOW_LATENCY : Duration.ZERO;
    }

    void switchTo(RunningBuild build) {
        running = build;
        log.info("Demo {} {}{} now runs {} (commit {}){}{}", service, name, canarySlot ? " canary slot" : "", build.version(),
                build.commit(), build.isBrokenIn(name, true) ? ", a build broken on purpose" : "",
                addedLatency(build).isZero() ? "" : ", answering " + InjectedFault.format(addedLatency(build)) + " late on purpose");
    }

    @Override
    public Optional<DemoEnvironment> slot(String slot) {
        return slot == null ? Optional.of(this) : Optional.empty();
    }

    @Override
    public String slotRule() {
        return "takes direct deploys only; leave slot out";
    }
}
