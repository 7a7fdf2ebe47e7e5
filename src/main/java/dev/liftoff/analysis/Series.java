package dev.liftoff.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a query's answer: its labels (sorted by name; none for a scalar) and its samples,
 * oldest first (one for an instant query of a vector or scalar).
 */
public record Series(Map<String, String> labels, List<Sample> samples) {

    public Series {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        samples = List.copyOf(samples);
    }
}
