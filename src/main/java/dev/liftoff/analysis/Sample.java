package dev.liftoff.analysis;

import java.time.Instant;
import java.util.Objects;

/** one value of a series at one moment; NaN and ±Infinity arrive as Prometheus sends them */
public record Sample(Instant at, double value) {

    public Sample {
        Objects.requireNonNull(at, "at");
    }
}
