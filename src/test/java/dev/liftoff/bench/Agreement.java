package dev.liftoff.bench;

/**
 * Whether a measurement of a percentile agrees with a reference measurement of the same
 * percentile: within 10 % of the reference, or within 0.1 ms, the resolution of Liftoff's figures.
 */
record Agreement(String percentile, double measuredMs, double referenceMs) {

    static final double RELATIVE_TOLERANCE = 0.10;
    static final double RESOLUTION_MS = 0.1;

    double allowedMs() {
        return Math.max(RELATIVE_TOLERANCE * referenceMs, RESOLUTION_MS);
    }

    boolean agrees() {
        return Math.abs(measuredMs - referenceMs) <= allowedMs();
    }

    /** the difference relative to the reference, e.g. +3.2 % */
    double deviationPercent() {
        return 100.0 * (measuredMs - referenceMs) / referenceMs;
    }
}
