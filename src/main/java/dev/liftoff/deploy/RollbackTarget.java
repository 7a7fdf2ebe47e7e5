package dev.liftoff.deploy;

/**
 * The version a rollback restores, and where Liftoff learned it.
 *
 * @param source e.g. "running before this release" or "last release by Liftoff (service@version)"
 */
public record RollbackTarget(String version, String commitSha, String source) {
}
