package dev.liftoff.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One environment of the demo study-api: the build it runs and the traffic it served today. */
final class DemoEnvironment {

    private static final Logger log = LoggerFactory.getLogger(DemoEnvironment.class);

    private final String name;
    private final DailyUsage usage = new DailyUsage();
    private volatile RunningBuild running;

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

    boolean isBroken() {
        return running.isBrokenIn(name);
    }

    void switchTo(RunningBuild build) {
        running = build;
        log.info("Demo study-api {} now runs {} (commit {}){}", name, build.version(), build.commit(),
                build.isBrokenIn(name) ? ", a build broken on purpose" : "");
    }
}
