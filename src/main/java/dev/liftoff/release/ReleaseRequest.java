package dev.liftoff.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.config.ApiProblem;
import dev.liftoff.process.JsonVars;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The body of {@code POST /api/releases}. Fields are read one by one so that a wrong type is
 * reported against its field, like any other broken rule; unknown fields are ignored.
 */
@Schema(description = "A request to release a built version of a configured service")
public record ReleaseRequest(
        @Schema(description = "a configured service id (liftoff.services.<id>)", example = "study-api", requiredMode = Schema.RequiredMode.REQUIRED)
        String service,
        @Schema(description = "the version to release: a letter or digit, then letters, digits and . + _ - (at most 64)",
                example = "2026.12.0", requiredMode = Schema.RequiredMode.REQUIRED)
        String version,
        @Schema(description = "the commit the build was made from: 7 to 40 hex characters", example = "c0ffee1234abcd",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String commitSha,
        @Schema(description = "the person responsible for the change (Camunda user id); may not sign off the go-live",
                example = "erin", requiredMode = Schema.RequiredMode.REQUIRED)
        String requestedBy,
        @Schema(description = "when the commit was made, ISO-8601 with offset", example = "2026-12-01T09:30:00Z")
        String commitTime,
        @Schema(description = "free text for the people deciding (at most " + ReleaseRequest.NOTES_MAX + " characters)")
        String notes,
        @Schema(description = "rehearse the alert path: the first staging tick fails on purpose", defaultValue = "false")
        Boolean drill) {

    static final int NOTES_MAX = 4000;
    private static final List<String> TEXT_FIELDS = List.of("service", "version", "commitSha", "requestedBy", "commitTime", "notes");
    /** the fields in the order problems are reported */
    static final List<String> FIELDS = List.of("service", "version", "commitSha", "requestedBy", "commitTime", "notes", "drill");

    public String businessKey() {
        return service + "@" + version;
    }

    public boolean isDrill() {
        return Boolean.TRUE.equals(drill);
    }

    /** a request as read, and what is wrong with the shape of its fields (a field of the wrong type is read as missing) */
    record Parsed(ReleaseRequest request, List<Map<String, String>> errors) {

        boolean reported(String field) {
            return errors.stream().anyMatch(error -> field.equals(error.get("field")));
        }
    }

    /**
     * Reads a request body; the field rules of {@link ReleaseRequestValidator} are checked
     * afterwards.
     *
     * @throws ApiProblem 400 for a body that is not a JSON object
     */
    static Parsed parse(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JsonVars.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed("The body is not valid JSON (" + e.getOriginalMessage() + "): send a JSON object such as "
                    + "{\"service\":\"study-api\",\"version\":\"1.4.0\",\"commitSha\":\"c0ffee1\",\"requestedBy\":\"erin\"}.");
        } catch (java.io.IOException e) {
            throw malformed("The body could not be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw malformed("The body must be a JSON object with service, version, commitSha and requestedBy.");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                errors.add(ApiProblem.error(field, field + " must be a string"));
            }
        }
        JsonNode drill = json.get("drill");
        if (drill != null && !drill.isNull() && !drill.isBoolean()) {
            errors.add(ApiProblem.error("drill", "drill must be true or false"));
        }
        String commitTime = text(json, "commitTime");
        if (commitTime != null && json.path("commitTime").isTextual()) {
            try {
                OffsetDateTime.parse(commitTime);
            } catch (DateTimeParseException e) {
                errors.add(ApiProblem.error("commitTime",
                        "commitTime '" + commitTime + "' must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00Z"));
            }
        }
        String notes = text(json, "notes");
        if (notes != null && notes.length() > NOTES_MAX) {
            errors.add(ApiProblem.error("notes", "notes has " + notes.length() + " characters; at most " + NOTES_MAX + " are kept"));
        }
        return new Parsed(new ReleaseRequest(text(json, "service"), text(json, "version"), text(json, "commitSha"),
                text(json, "requestedBy"), commitTime, notes, drill != null && drill.isBoolean() ? drill.booleanValue() : null), errors);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail)
                .withErrors(List.of(ApiProblem.error("body", detail)));
    }
}
