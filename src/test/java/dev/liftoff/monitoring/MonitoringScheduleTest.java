package dev.liftoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.MonitoringConfig;
import dev.liftoff.config.MonitoringPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitoringScheduleTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    /** the reference production schedule: every 15 min in hour 1, every 30 min in hours 2–4, hourly to 24 h */
    private final MonitoringSchedule reference = new MonitoringSchedule(new MonitoringConfig(List.of(
            new MonitoringPhase(Duration.ofMinutes(15), Duration.ofHours(1)),
            new MonitoringPhase(Duration.ofMinutes(30), Duration.ofHours(3)),
            new MonitoringPhase(Duration.ofHours(1), Duration.ofHours(20)))));

    @Test
    void theReferenceProductionScheduleTicksThirtyTimesInTwentyFourHours() {
        List<Long> minutes = new ArrayList<>();
        Instant now = START;
        for (Optional<Instant> next = reference.nextTick(START, now); next.isPresent(); next = reference.nextTick(START, now)) {
            now = next.get();
            minutes.add(Duration.between(START, now).toMinutes());
        }

        assertThat(minutes).hasSize(4 + 6 + 20);
        assertThat(minutes.subList(0, 6)).containsExactly(15L, 30L, 45L, 60L, 90L, 120L);
        assertThat(minutes.get(9)).isEqualTo(240L);
        assertThat(minutes.get(10)).isEqualTo(300L);
        assertThat(minutes.get(minutes.size() - 1)).isEqualTo(24 * 60L);
        assertThat(reference.windowEnd(START)).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(reference.describe()).isEqualTo("every 15m for 1h, then every 30m for 3h, then every 1h for 20h");
    }

    @Test
    void aLateTickDoesNotShiftTheOnesAfterIt() {
        Instant late = START.plus(Duration.ofMinutes(17));

        assertThat(reference.nextTick(START, late)).contains(START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aPhaseThatIsNotAMultipleOfItsCadenceEndsWithATickAtItsEnd() {
        MonitoringSchedule schedule = new MonitoringSchedule(new MonitoringConfig(List.of(
                new MonitoringPhase(Duration.ofMinutes(20), Duration.ofMinutes(50)))));

        assertThat(schedule.nextTick(START, START.plus(Duration.ofMinutes(40)))).contains(START.plus(Duration.ofMinutes(50)));
        assertThat(schedule.nextTick(START, START.plus(Duration.ofMinutes(50)))).isEmpty();
    }

    @Test
    void withoutPhasesThereIsNoWindow() {
        MonitoringSchedule none = new MonitoringSchedule(new MonitoringConfig(null));

        assertThat(none.nextTick(START, START)).isEmpty();
        assertThat(none.describe()).isEqualTo("no monitoring window");
    }
}
