package dev.liftoff.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The registry the metrics test engine records into ({@code camunda-metrics-test.cfg.xml}), and
 * what a test added to it. The engine lives as long as the JVM, so a test reads the change from a
 * {@link #snapshot()} taken before it acts.
 */
public final class TestMeters {

    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    private TestMeters() {
    }

    public static MeterRegistry registry() {
        return REGISTRY;
    }

    static Snapshot snapshot() {
        Map<Meter.Id, Reading> readings = new HashMap<>();
        REGISTRY.getMeters().forEach(meter -> readings.put(meter.getId(), Reading.of(meter)));
        return new Snapshot(readings);
    }

    /** a counter's count, or a timer's number of recordings and total time */
    record Reading(long count, long millis) {

        static final Reading NONE = new Reading(0, 0);

        static Reading of(Meter meter) {
            if (meter instanceof Counter counter) {
                return new Reading((long) counter.count(), 0);
            }
            if (meter instanceof Timer timer) {
                return new Reading(timer.count(), (long) timer.totalTime(TimeUnit.MILLISECONDS));
            }
            return NONE;
        }
    }

    static final class Snapshot {

        private final Map<Meter.Id, Reading> before;

        private Snapshot(Map<Meter.Id, Reading> before) {
            this.before = before;
        }

        /** what was counted or recorded since, over every series of that name with those tags */
        long added(String name, String... tags) {
            return REGISTRY.find(name).tags(tags).meters().stream()
                    .mapToLong(meter -> Reading.of(meter).count() - before.getOrDefault(meter.getId(), Reading.NONE).count()).sum();
        }

        /** the time recorded since, over every timer of that name with those tags */
        Duration addedTime(String name, String... tags) {
            return Duration.ofMillis(REGISTRY.find(name).tags(tags).meters().stream()
                    .mapToLong(meter -> Reading.of(meter).millis() - before.getOrDefault(meter.getId(), Reading.NONE).millis()).sum());
        }

        /** the series of that name that exist now */
        java.util.List<Meter.Id> series(String name) {
            return REGISTRY.find(name).meters().stream().map(Meter::getId).toList();
        }
    }
}
