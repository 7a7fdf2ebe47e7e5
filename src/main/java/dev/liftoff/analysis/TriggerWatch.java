package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rollback trigger's watch remembers between its measurements: how many measurements
 * failed (the trigger fires once more failed than its {@code failure-limit}), how many in a row were
 * inconclusive (a person decides once more were than its {@code inconclusive-limit}), and whether a
 * person chose to carry on through the current outage, so that the same outage does not ask again
 * every few seconds: only a new one, after a conclusive measurement, does.
 */
public record TriggerWatch(int failed, int inconclusiveInARow, boolean carriedOn, String lastVerdict) {

    public enum Step { CARRY_ON, FIRE, ASK }

    public static TriggerWatch start() {
        return new TriggerWatch(0, 0, false, null);
    }

    public Step step(AnalysisPlan plan, Verdict reading) {
        return switch (reading) {
            case FAILED -> failed + 1 > plan.failureLimit() ? Step.FIRE : Step.CARRY_ON;
            case PASSED -> Step.CARRY_ON;
            case INCONCLUSIVE -> inconclusiveInARow + 1 > plan.inconclusiveLimit() && !carriedOn ? Step.ASK : Step.CARRY_ON;
        };
    }

    /** the watch after that reading */
    public TriggerWatch after(Verdict reading) {
        return switch (reading) {
            case FAILED -> new TriggerWatch(failed + 1, 0, false, reading.label());
            case PASSED -> new TriggerWatch(failed, 0, false, reading.label());
            case INCONCLUSIVE -> new TriggerWatch(failed, inconclusiveInARow + 1, carriedOn, reading.label());
        };
    }

    /** a person chose to carry on through this outage */
    public TriggerWatch carryingOn() {
        return new TriggerWatch(failed, 0, true, lastVerdict);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("failed", failed);
        map.put("inconclusiveInARow", inconclusiveInARow);
        map.put("carriedOn", carriedOn);
        map.put("lastVerdict", lastVerdict);
        return map;
    }

    public static TriggerWatch of(JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            return start();
        }
        return new TriggerWatch(stored.path("failed").asInt(), stored.path("inconclusiveInARow").asInt(),
                stored.path("carriedOn").asBoolean(), stored.path("lastVerdict").asText(null));
    }
}
