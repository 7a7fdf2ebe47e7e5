package dev.liftoff.demo;

import dev.liftoff.config.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The build an environment runs, as its /api/version reports it. */
record RunningBuild(String version, String commit, Instant deployedAt) {

    /**
     * A "slow" commit, in the product's words: s-l-o-w spelled in digits (5 = s, 1 = l, 0 = o,
     * 4 = w), since a commit is hex and Liftoff checks it as such.
     */
    static final String SLOW_PREFIX = "5104";
    /** The word itself, for a demo started with a non-hex initial commit; a deploy cannot bring one. */
    static final String SLOW_WORD = "slow";
    /** How much later a slow build answers in study-canary's canary slot. */
    static final Duration SLOW_LATENCY = Duration.ofMillis(300);

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

    /**
     * Whether this is a slow build: one starting with {@value #SLOW_PREFIX} (or {@value #SLOW_WORD}).
     * It answers {@link #SLOW_LATENCY} later only as a canary, so that it stays within absolute latency
     * targets and only a comparison of the canary with the stable build catches it.
     */
    boolean isSlow() {
        String sha = commit.toLowerCase(Locale.ROOT);
        return sha.startsWith(SLOW_PREFIX) || sha.startsWith(SLOW_WORD);
    }
}
