package dev.liftoff.verification;

import java.util.Optional;

/**
 * One look at an environment's version endpoint.
 *
 * @param commit the commit reported, or null when none could be read
 * @param version the version reported, or null when none could be read
 * @param observed what was seen, for evidence: "commit 0a1b2c3 (version 2026.11.0)", "status 503, body: …",
 *     "unreachable: connection refused"
 */
record VersionReading(String commit, String version, String observed, long latencyMs) {

    static VersionReading unreadable(String observed, long latencyMs) {
        return new VersionReading(null, null, observed, latencyMs);
    }

    /** present when both the commit and the version could be read */
    Optional<DeployedVersion> deployed() {
        return commit == null || version == null ? Optional.empty() : Optional.of(new DeployedVersion(version, commit));
    }
}
