package dev.liftoff.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liftoff.deploy.DeployReceipt;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.VerificationReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The canary's evidence on the root instance, {@code <environment>Canary}: one entry per step that
 * ran, in order, e.g. {@code {"steps": [{"step": 1, "what": "set weight 10 %", "result": "done", ...}]}}.
 * A step that runs again (a retry after a crash) replaces its entry. The weight in force is kept in
 * one place, {@code <environment>CanaryWeight}, which a rollback's weight 0 sets too.
 */
final class CanaryRecord {

    static final String STEPS = "steps";

    private CanaryRecord() {
    }

    /** a weight the traffic adapter accepted, at a step of the loop (its index) or, with index null, at the promotion */
    static void weightSet(VariableScope root, String environment, Integer index, String what, int weight, DeployReceipt receipt) {
        Map<String, Object> entry = entry(index, what, "done",
                "weight " + weight + " %: " + receipt.target() + " answered " + receipt.status());
        entry.put("weight", weight);
        entry.put("receipt", receipt.toMap());
        record(root, environment, entry, weight);
    }

    /** an analysis step's report: passed, FAILED or inconclusive */
    static void analyzed(VariableScope root, String environment, int index, String what, VerificationReport report) {
        Map<String, Object> entry = entry(index, what, report.passed() ? "passed" : report.inconclusive() ? "inconclusive" : "FAILED",
                report.summary());
        entry.put("report", report.toMap());
        record(root, environment, entry, null);
    }

    /** a person's decision at a pause until approved */
    static void decided(VariableScope root, String environment, int index, String what, boolean abort, String by, String comment) {
        Map<String, Object> entry = entry(index, what, abort ? "aborted" : "promoted",
                (abort ? "aborted by " : "promoted by ") + by + (comment.isEmpty() ? "" : ": " + comment));
        entry.put("by", by);
        entry.put("comment", comment);
        record(root, environment, entry, null);
    }

    private static Map<String, Object> entry(Integer index, String what, String result, String summary) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (index != null) {
            entry.put("step", index + 1);
        }
        entry.put("what", what);
        entry.put("result", result);
        entry.put("at", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
        entry.put("summary", summary);
        return entry;
    }

    /** {@code entry.step} is the step's number (1-based), absent for the promotion at the end */
    private static void record(VariableScope root, String environment, Map<String, Object> entry, Integer weight) {
        JsonNode existing = JsonVars.read(root, Vars.canaryOf(environment));
        ObjectNode record = existing.isObject() ? (ObjectNode) existing.deepCopy() : JsonVars.MAPPER.createObjectNode();
        ArrayNode steps = record.has(STEPS) && record.get(STEPS).isArray() ? (ArrayNode) record.get(STEPS) : record.putArray(STEPS);
        JsonNode added = JsonVars.MAPPER.valueToTree(entry);
        int replaced = indexOf(steps, added.path("step"));
        if (replaced >= 0) {
            steps.set(replaced, added);
        } else {
            steps.add(added);
        }
        if (weight != null) {
            root.setVariable(Vars.canaryWeightOf(environment), weight);
        }
        JsonVars.write(root, Vars.canaryOf(environment), record);
    }

    static JsonNode read(VariableScope root, String environment) {
        return JsonVars.read(root, Vars.canaryOf(environment));
    }

    private static int indexOf(ArrayNode steps, JsonNode step) {
        if (!step.isNumber()) {
            return -1;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("step").equals(step)) {
                return i;
            }
        }
        return -1;
    }
}
