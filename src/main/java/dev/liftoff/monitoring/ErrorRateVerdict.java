package dev.liftoff.monitoring;

import dev.liftoff.config.ErrorRateTrigger;
import dev.liftoff.verification.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one error-rate probe means for the trigger: below the threshold (an open episode is over),
 * above it for the first time (an episode opens and the window probes more often), still above, or
 * above for the whole sustained duration (roll back).
 *
 * @param aboveSince when the rate first went above the threshold in the current episode; null when none is open
 */
record ErrorRateVerdict(State state, double percent, long requests, long failed, Instant aboveSince, String description) {

    enum State { BELOW, OPENED, ABOVE, SUSTAINED }

    static ErrorRateVerdict judge(ErrorRateTrigger trigger, CheckResult probe, Instant aboveSince, Instant now) {
        long requests = probe.figures().getOrDefault(CheckResult.SAMPLES, 0L);
        long failed = probe.figures().getOrDefault(CheckResult.FAILED, 0L);
        double percent = requests == 0 ? 0 : 100.0 * failed / requests;
        String rate = String.format(Locale.ROOT, "error rate %.1f %% (%d of %d requests failed; threshold %s %%)",
                percent, failed, requests, number(trigger.abovePercent()));
        if (percent <= trigger.abovePercent()) {
            return new ErrorRateVerdict(State.BELOW, percent, requests, failed, null,
                    rate + (aboveSince == null ? "" : ", back below the threshold after " + minutes(aboveSince, now)));
        }
        if (aboveSince == null) {
            return new ErrorRateVerdict(State.OPENED, percent, requests, failed, now,
                    rate + ", above the threshold: probing every " + MonitoringSchedule.readable(trigger.probeEvery()));
        }
        if (!Duration.between(aboveSince, now).minus(trigger.sustainedFor()).isNegative()) {
            return new ErrorRateVerdict(State.SUSTAINED, percent, requests, failed, aboveSince,
                    rate + ", above the threshold for " + minutes(aboveSince, now) + " (limit "
                            + MonitoringSchedule.readable(trigger.sustainedFor()) + ")");
        }
        return new ErrorRateVerdict(State.ABOVE, percent, requests, failed, aboveSince,
                rate + ", above the threshold for " + minutes(aboveSince, now));
    }

    private static String minutes(Instant since, Instant now) {
        return MonitoringSchedule.readable(Duration.ofSeconds(Duration.between(since, now).toSeconds()));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
