package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * {@code <environment>MetricTriggers} on the root release: per rollback trigger, what it measures,
 * its state (watching, failing, inconclusive, fired) and the reading that changed it last. Written
 * on the root at once, so that it survives the rollback that cancels the window, and only when
 * something changed, since a trigger is measured every few seconds.
 */
final class TriggerEvidence {

    private final VariableScope root;
    private final String variable;

    TriggerEvidence(VariableScope root, String environment) {
        this.root = root;
        this.variable = Vars.metricTriggersOf(environment);
    }

    void record(AnalysisPlan plan, TriggerReading reading, TriggerWatch.Step step, Instant now) {
        JsonNode stored = JsonVars.read(root, variable);
        ObjectNode all = stored.isObject() ? (ObjectNode) stored.deepCopy() : JsonVars.MAPPER.createObjectNode();
        JsonNode before = all.path(plan.name());
        String state = state(reading, step);
        String failingSince = reading.failingSince() == null ? null : reading.failingSince().toString();
        if (before.isObject() && state.equals(before.path("state").asText()) && Objects.equals(failingSince,
                before.path("last").path("failingSince").asText(null))) {
            return;
        }
        ObjectNode entry = before.isObject() ? (ObjectNode) before : JsonVars.MAPPER.createObjectNode();
        if (!before.isObject()) {
            entry.put("query", reading.query());
            entry.put("condition", plan.conditionText());
            entry.put("interval", plan.interval().toString());
            entry.put("sustainedFor", plan.sustainedFor().toString());
            entry.put("watchingSince", now.toString());
        }
        entry.put("state", state);
        entry.put("changedAt", now.toString());
        entry.set("last", JsonVars.MAPPER.valueToTree(reading.toMap()));
        if (step == TriggerWatch.Step.FIRE) {
            entry.put("firedAt", now.toString());
        }
        all.set(plan.name(), entry);
        JsonVars.write(root, variable, all);
    }

    private static String state(TriggerReading reading, TriggerWatch.Step step) {
        if (step == TriggerWatch.Step.FIRE) {
            return "fired";
        }
        if (step == TriggerWatch.Step.ASK) {
            return "inconclusive: a person decides";
        }
        return switch (reading.verdict()) {
            case PASSED -> reading.failingSince() == null ? "watching" : "failing";
            case FAILED -> "failed";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    /** the rollback's reason, naming the query as sent */
    static String firedBecause(AnalysisPlan plan, TriggerReading reading) {
        return "metric trigger " + plan.name() + " (" + plan.provider() + "): " + reading.query() + " — " + reading.detail()
                + " (passes when " + plan.conditionText() + ")";
    }
}
