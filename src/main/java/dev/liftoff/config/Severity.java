package dev.liftoff.config;

/** How bad a release incident is: P1 is the worst and must be acknowledged first. */
public enum Severity {
    P1, P2, P3, P4
}
