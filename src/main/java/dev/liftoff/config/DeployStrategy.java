package dev.liftoff.config;

/**
 * How a new version reaches an environment. In YAML: {@code direct}, {@code blue-green} or {@code canary}.
 */
public enum DeployStrategy {
    /** the deploy target replaces what runs; a rollback redeploys the previous version */
    DIRECT,
    /**
     * the deploy target fills the idle slot, which is checked before traffic moves; the previous
     * slot stays warm, so a rollback switches traffic back
     */
    BLUE_GREEN,
    /**
     * the deploy target puts the new version beside the stable one, the traffic adapter gives it a
     * growing share of the traffic step by step, each analysis judges it against the stable version,
     * and the last step promotes it; a rollback before the promotion sets its share back to 0
     */
    CANARY
}
