package dev.liftoff.config;

/**
 * Which slot of an environment a step addresses: the live one (its base-url), the idle one of
 * blue-green, or a canary's canary and stable versions, each at its own URL.
 */
public enum Slot {
    LIVE, IDLE, CANARY, STABLE;

    /** the value of the BPMN input {@code slot}: absent means live, {@code idle} the idle slot */
    public static Slot of(Object variable) {
        return variable == null ? LIVE : valueOf(variable.toString().toUpperCase(java.util.Locale.ROOT));
    }

    /** how the deploy target is told where a version goes, e.g. {@code idle} */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
