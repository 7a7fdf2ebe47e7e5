package dev.liftoff.config;

/**
 * Where a metric analysis runs: once in the verification after a deploy, on every tick of the
 * monitoring window, and as a rollback trigger measured at its own interval throughout the window.
 */
public enum AnalysisUse {
    VERIFICATION, MONITORING, ROLLBACK_TRIGGER
}
