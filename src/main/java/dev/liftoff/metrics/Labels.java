package dev.liftoff.metrics;

/** How BPMN ids become label values: lower-case words joined by hyphens. */
final class Labels {

    private Labels() {
    }

    /** {@code UserTask_InconclusiveMetrics} less its {@code UserTask_} prefix → {@code inconclusive-metrics} */
    static String kebab(String id, String prefix) {
        String name = id.startsWith(prefix) ? id.substring(prefix.length()) : id;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("[_\\s]+", "-").replaceAll("-{2,}", "-").toLowerCase(java.util.Locale.ROOT);
    }
}
