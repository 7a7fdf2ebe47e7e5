package dev.liftoff.bench;

import java.util.ArrayList;
import java.util.List;

/** Wall times of repeated runs of the same suite, in milliseconds. */
record WallTimes(List<Long> runsMs) {

    WallTimes {
        runsMs = List.copyOf(runsMs);
    }

    /** the middle run; for an even count the mean of the two middle ones */
    double medianMs() {
        List<Long> sorted = new ArrayList<>(runsMs);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
