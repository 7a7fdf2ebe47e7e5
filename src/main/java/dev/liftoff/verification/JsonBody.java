package dev.liftoff.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/** A response body read as JSON, once, so that every expectation on it reads the same tree. */
final class JsonBody {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** a body that is not read as JSON */
    static JsonBody none() {
        return new JsonBody(null);
    }

    static JsonBody parse(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            return new JsonBody(root == null || root.isMissingNode() ? null : root);
        } catch (JsonProcessingException e) {
            return new JsonBody(null);
        }
    }

    boolean isJson() {
        return root != null;
    }

    /**
     * The textual value at {@code pointer}: a string as is, a number or boolean as written, an
     * object or array as compact JSON; empty when the body is not JSON or the value is missing or null.
     */
    Optional<String> text(String pointer) {
        if (root == null) {
            return Optional.empty();
        }
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }
}
