package dev.liftoff.signoff;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Words a UAT that expired before every tester gave feedback: who was still open, after how long. */
public final class UatExpiry {

    private UatExpiry() {
    }

    /**
     * @param slots the UAT's slots ({@link UatSlot}), one per task
     * @param answered the testers who gave feedback before it expired
     */
    public static String reason(Duration expireAfter, List<String> slots, Collection<String> answered) {
        List<UatSlot> parsed = slots.stream().map(UatSlot::parse).toList();
        List<String> silentTesters = parsed.stream().filter(UatSlot::named).map(UatSlot::tester)
                .filter(tester -> !answered.contains(tester)).toList();
        List<UatSlot> groupSlots = parsed.stream().filter(slot -> !slot.named()).toList();
        String missing;
        if (groupSlots.isEmpty()) {
            missing = String.join(", ", silentTesters);
        } else {
            int silent = Math.max(0, groupSlots.size() - answered.size());
            missing = silent + " of " + groupSlots.size() + " testers of " + groupSlots.get(0).group();
        }
        return "UAT expired after " + readable(expireAfter) + ": no feedback from " + missing + ".";
    }

    static String readable(Duration duration) {
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toSeconds() + "s";
    }
}
