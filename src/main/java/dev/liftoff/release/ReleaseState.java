package dev.liftoff.release;

import dev.liftoff.process.Outcome;

/**
 * Where a release stands for its API: running (and waiting for a person when a task of it is
 * open), or how it ended. The four outcomes are those of {@link Outcome}.
 */
public enum ReleaseState {
    RUNNING, WAITING_FOR_APPROVAL, RELEASED, REJECTED, ROLLED_BACK, FAILED;

    public static ReleaseState of(Outcome outcome) {
        return valueOf(outcome.name());
    }

    public boolean ended() {
        return this != RUNNING && this != WAITING_FOR_APPROVAL;
    }
}
