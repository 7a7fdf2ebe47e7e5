package dev.liftoff.verification;

import dev.liftoff.config.EnvironmentConfig;
import java.util.concurrent.TimeUnit;

/**
 * Waits for an environment to report a commit after a deployment. Polls often at first, when a
 * quick deploy is done soon, then less often (×1.5, at most every 2 s) until the environment's
 * deploy timeout.
 */
final class VersionPoller {

    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 2000;
    private static final double BACKOFF = 1.5;

    private final VersionReader reader;

    VersionPoller(VersionReader reader) {
        this.reader = reader;
    }

    VersionWait await(EnvironmentConfig environment, String expectedCommit) {
        long start = System.nanoTime();
        long deadline = start + environment.deployTimeout().toNanos();
        long pauseMs = FIRST_PAUSE_MS;
        int polls = 0;
        while (true) {
            VersionReading reading = reader.read(environment);
            polls++;
            boolean matches = Commits.same(expectedCommit, reading.commit());
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (matches || remainingMs <= 0) {
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                String actual = reading.observed() + " after " + polls + (polls == 1 ? " poll" : " polls");
                return new VersionWait(matches, new CheckResult(VersionReader.CHECK_NAME, matches, expectedCommit, actual, elapsedMs), elapsedMs);
            }
            pause(Math.min(pauseMs, remainingMs));
            pauseMs = Math.min((long) (pauseMs * BACKOFF), LONGEST_PAUSE_MS);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the deployed commit", e);
        }
    }
}
