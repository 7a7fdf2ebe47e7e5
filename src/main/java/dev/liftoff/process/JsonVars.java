package dev.liftoff.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Structured process variables are Spin JSON: readable in Cockpit, usable by Camunda Forms,
 * never Java-serialized. This is the one place that writes and reads them.
 */
public final class JsonVars {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonVars() {
    }

    public static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static void write(VariableScope scope, String name, Object value) {
        scope.setVariable(name, json(value));
    }

    /** adds one element to a JSON list variable, creating the list on first use */
    public static void append(VariableScope scope, String name, Object element) {
        ArrayNode list = MAPPER.createArrayNode();
        JsonNode existing = read(scope, name);
        if (existing.isArray()) {
            list.addAll((ArrayNode) existing);
        }
        list.add(MAPPER.valueToTree(element));
        write(scope, name, list);
    }

    /**
     * Reads a variable as JSON whatever form it arrived in: Spin JSON, a JSON string (what
     * Tasklist submits for some form fields), or a plain value. Missing → a null node.
     */
    public static JsonNode read(VariableScope scope, String name) {
        try {
            return readValue(scope.getVariableTyped(name, false));
        } catch (IllegalArgumentException notJson) {
            throw new IllegalArgumentException("variable " + name + " " + notJson.getMessage(), notJson.getCause());
        }
    }

    /** {@link #read(VariableScope, String)} for a value already fetched, e.g. through TaskService */
    public static JsonNode readValue(TypedValue typed) {
        if (typed == null) {
            return MAPPER.nullNode();
        }
        try {
            if (typed instanceof JsonValue json) {
                // a deserialized value may not carry its serialized form, and vice versa; getValue() of a
                // serialized one parses its text, and fails without one (text deleted by a concurrent
                // transaction): read the text itself
                String text = json.isDeserialized() ? (json.getValue() == null ? null : json.getValue().toString())
                        : json.getValueSerialized();
                return text == null ? MAPPER.nullNode() : MAPPER.readTree(text);
            }
            Object value = typed.getValue();
            if (value == null) {
                return MAPPER.nullNode();
            }
            if (value instanceof String text) {
                String trimmed = text.trim();
                if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
                    return MAPPER.readTree(trimmed);
                }
            }
            return MAPPER.valueToTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
