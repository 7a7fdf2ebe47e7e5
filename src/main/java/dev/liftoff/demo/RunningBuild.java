package dev.liftoff.demo;

import dev.liftoff.config.ServiceConfig;
import java.time.Instant;
import java.util.Locale;

/** The build an environment runs, as its /api/version reports it. */
record RunningBuild(String version, String commit, Instant deployedAt) {

    /**
     * The demo's failure injection, so that failed verifications and rollbacks can be tried out:
     * a commit starting with {@code dead} is broken everywhere, one starting with {@code bad}
     * only in production (it passes staging and fails after go-live).
     */
    boolean isBrokenIn(String environment) {
        String sha = commit.toLowerCase(Locale.ROOT);
        return sha.startsWith("dead") || (sha.startsWith("bad") && ServiceConfig.PRODUCTION.equals(environment));
    }
}
