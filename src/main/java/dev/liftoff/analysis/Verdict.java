package dev.liftoff.analysis;

/** What a measurement, or an analysis as a whole, found: missing data is inconclusive, never a pass. */
public enum Verdict {
    PASSED, FAILED, INCONCLUSIVE;

    /** as evidence shows it: passed, FAILED, inconclusive */
    public String label() {
        return switch (this) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case INCONCLUSIVE -> "inconclusive";
        };
    }
}
