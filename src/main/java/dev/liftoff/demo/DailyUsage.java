package dev.liftoff.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/** Today's traffic of one environment (UTC day): requests served and distinct callers. */
final class DailyUsage {

    record Today(LocalDate date, long requests, int activeUsers) {
    }

    private LocalDate date = utcDate();
    private long requests;
    private final Set<String> callers = new HashSet<>();

    synchronized void record(String caller) {
        rollOver();
        requests++;
        callers.add(caller);
    }

    synchronized Today today() {
        rollOver();
        return new Today(date, requests, callers.size());
    }

    private void rollOver() {
        LocalDate now = utcDate();
        if (!now.equals(date)) {
            date = now;
            requests = 0;
            callers.clear();
        }
    }

    private static LocalDate utcDate() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
