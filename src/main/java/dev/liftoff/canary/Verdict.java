package dev.liftoff.canary;

/** What a comparison of the canary with the stable version found: too little data is inconclusive, never a pass. */
public enum Verdict {
    PASSED, FAILED, INCONCLUSIVE;

    /** as evidence shows it: passed, FAILED, inconclusive (the same words as a metric analysis) */
    public String label() {
        return switch (this) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case INCONCLUSIVE -> "inconclusive";
        };
    }
}
