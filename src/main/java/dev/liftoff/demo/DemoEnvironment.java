package dev.liftoff.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment of the demo study-api, or one slot of a blue-green one: the build it runs, whether
 * it serves live traffic, and the traffic it served today.
 */
final class DemoEnvironment {

    private static final Logger log = LoggerFactory.getLogger(DemoEnvironment.class);

    private final String name;
    private final DailyUsage usage = new DailyUsage();
    private volatile RunningBuild running;
    private volatile boolean live = true;

    DemoEnvironment(String name, RunningBuild initial) {
        this.name = name;
        this.running = initial;
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

    void switchTo(RunningBuild build) {
        running = build;
        log.info("Demo study-api {} now runs {} (commit {}){}", name, build.version(), build.commit(),
                build.isBrokenIn(name, true) ? ", a build broken on purpose" : "");
    }
}
