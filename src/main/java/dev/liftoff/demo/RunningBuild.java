package dev.liftoff.demo;

import dev.liftoff.config.ServiceConfig;
import java.time.Instant;
import java.util.Locale;

/** The build an environment runs, as its /api/version reports it. */
record RunningBuild(String version, String commit, Instant deployedAt) {

    /**
     * The demo's failure injection, so that failed verifications and rollbacks can be tried out:
     * a commit starting with {@code dead} is broken everywhere, one starting with {@code bad}
     * only in production once it serves live traffic (it passes staging and, with blue-green, the
     * checks of the idle slot, and fails after go-live).
     */
    boolean isBrokenIn(String environment, boolean live) {
        String sha = commit.toLowerCase(Locale.ROOT);
        return sha.startsWith("dead") || (sha.startsWith("bad") && live && ServiceConfig.PRODUCTION.equals(environment));
    }
}
