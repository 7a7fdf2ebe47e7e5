package dev.liftoff.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code <environment>Monitoring} variable on the root release instance: the window's
 * schedule, each tick as it happens and how the window ended. Written at once, tick by tick, so
 * that the evidence survives a rollback that cancels the window.
 */
final class MonitoringRecord {

    private final VariableScope root;
    private final String variable;

    MonitoringRecord(VariableScope root, String environment) {
        this.root = root;
        this.variable = Vars.monitoringOf(environment);
    }

    void open(String environment, String schedule, String startedAt, String endsAt) {
        ObjectNode record = JsonVars.MAPPER.createObjectNode();
        record.put("environment", environment);
        record.put("schedule", schedule);
        record.put("startedAt", startedAt);
        record.put("endsAt", endsAt);
        record.put("status", "running");
        record.putArray("ticks");
        JsonVars.write(root, variable, record);
    }

    void addTick(Map<String, Object> tick) {
        ObjectNode record = current();
        ArrayNode ticks = record.has("ticks") && record.get("ticks").isArray() ? (ArrayNode) record.get("ticks") : record.putArray("ticks");
        ticks.add(JsonVars.MAPPER.valueToTree(tick));
        JsonVars.write(root, variable, record);
    }

    /** @param details what a reader needs about the end, e.g. who cut it short and why */
    void close(String status, Map<String, Object> details) {
        ObjectNode record = current();
        record.put("status", status);
        details.forEach((key, value) -> record.set(key, JsonVars.MAPPER.valueToTree(value)));
        JsonVars.write(root, variable, record);
    }

    private ObjectNode current() {
        var existing = JsonVars.read(root, variable);
        return existing.isObject() ? (ObjectNode) existing.deepCopy() : JsonVars.MAPPER.createObjectNode();
    }
}
