package dev.liftoff.signoff;

import dev.liftoff.config.UatConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * One UAT task's place: a named tester's, or one of the tasks offered to the UAT group. The model
 * iterates over slots as plain strings ({@code tester:ursula}, {@code group:uat-testers#2}): they
 * read well in Cockpit and need no Java serialization.
 *
 * @param tester the named tester, or null for a slot of the group
 * @param group the UAT group, for a slot of the group
 */
public record UatSlot(String tester, String group) {

    private static final String TESTER = "tester:";
    private static final String GROUP = "group:";

    /** the slots of a UAT as the service configures it: one per named tester, else {@code count} for the group */
    public static List<String> all(UatConfig uat) {
        List<String> slots = new ArrayList<>();
        if (uat.namedTesters()) {
            uat.testers().forEach(tester -> slots.add(TESTER + tester));
        } else {
            for (int number = 1; number <= uat.taskCount(); number++) {
                slots.add(GROUP + uat.group() + "#" + number);
            }
        }
        return slots;
    }

    public static UatSlot parse(String slot) {
        if (slot.startsWith(TESTER)) {
            return new UatSlot(slot.substring(TESTER.length()), null);
        }
        if (slot.startsWith(GROUP) && slot.lastIndexOf('#') > GROUP.length()) {
            return new UatSlot(null, slot.substring(GROUP.length(), slot.lastIndexOf('#')));
        }
        throw new IllegalArgumentException("not a UAT slot: '" + slot + "' (expected tester:<user> or group:<group>#<n>)");
    }

    public boolean named() {
        return tester != null;
    }
}
