package dev.liftoff.config;

import java.time.Duration;

/** Durations the way people read them in evidence: "10 s", "1500 ms", "5 min". */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }
}
