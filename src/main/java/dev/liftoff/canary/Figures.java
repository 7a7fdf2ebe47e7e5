package dev.liftoff.canary;

import java.util.Locale;

/** How the comparisons write numbers for people (summaries) and for JSON evidence (maps). */
final class Figures {

    private Figures() {
    }

    /** "312.4" */
    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    /** "+300.5" or "-2.0": an increase shows its sign so that a faster canary reads as one */
    static String signedMs(double ms) {
        return String.format(Locale.ROOT, "%+.1f", ms);
    }

    /** "0.0003": four decimals, enough to compare with any alpha worth using */
    static String probability(double p) {
        return String.format(Locale.ROOT, "%.4f", p);
    }

    /** "10.0 %" */
    static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /** rounded to 0.1 ms; null where there is no value, since JSON has no NaN */
    static Double roundedMs(double ms) {
        return Double.isFinite(ms) ? Math.round(ms * 10) / 10.0 : null;
    }

    /** null where there is no value, since JSON has no NaN */
    static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
