package dev.liftoff.verification;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Counts events (System.nanoTime stamps) per sliding one-second window. */
final class RequestWindows {

    private RequestWindows() {
    }

    /** the most events in any one-second window [t, t + 1 s) that starts at an event */
    static int most(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int most = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            while (end < sorted.size() && sorted.get(end) - sorted.get(start) < TimeUnit.SECONDS.toNanos(1)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
