package dev.liftoff.config;

/**
 * How a new version reaches an environment. In YAML: {@code direct} or {@code blue-green}.
 */
public enum DeployStrategy {
    /** the deploy target replaces what runs; a rollback redeploys the previous version */
    DIRECT,
    /**
     * the deploy target fills the idle slot, which is checked before traffic moves; the previous
     * slot stays warm, so a rollback switches traffic back
     */
    BLUE_GREEN
}
