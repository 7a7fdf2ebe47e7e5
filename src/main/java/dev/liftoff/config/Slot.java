package dev.liftoff.config;

/** Which slot of an environment a step addresses: the live one (its base-url) or the idle one of blue-green. */
public enum Slot {
    LIVE, IDLE;

    /** the value of the BPMN input {@code slot}: absent means live, {@code idle} the idle slot */
    public static Slot of(Object variable) {
        return variable == null ? LIVE : valueOf(variable.toString().toUpperCase(java.util.Locale.ROOT));
    }

    /** how the deploy target is told where a version goes, e.g. {@code idle} */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
