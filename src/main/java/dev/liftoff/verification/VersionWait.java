package dev.liftoff.verification;

/**
 * The end of waiting for an environment to report a deployed commit.
 *
 * @param check the "deployed commit" check: the expected SHA and what was seen last
 */
public record VersionWait(boolean passed, CheckResult check, long elapsedMs) {
}
