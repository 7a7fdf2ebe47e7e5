package dev.liftoff.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The canary's evidence on the root instance, {@code <environment>Canary}: the weight the canary
 * has now and one entry per step that ran, in order, e.g.
 * {@code {"weight": 50, "steps": [{"step": 1, "what": "set weight 10 %", "result": "done", ...}]}}.
 * A step that runs again (a retry after a crash) replaces its entry; the weight also stands alone
 * in {@code <environment>CanaryWeight}, for Cockpit.
 */
final class CanaryRecord {

    static final String STEPS = "steps";

    private CanaryRecord() {
    }

    /**
     * @param entry what the step did; {@code step} is its number (1-based), or absent for the
     *     promotion at the end
     */
    static void record(VariableScope root, String environment, Map<String, Object> entry, Integer weight) {
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
            record.put("weight", weight);
            root.setVariable(Vars.canaryWeightOf(environment), weight);
        } else if (!record.has("weight")) {
            record.put("weight", 0);
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
