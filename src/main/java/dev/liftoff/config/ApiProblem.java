package dev.liftoff.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An answer of {@code /api} that refuses a request, as {@code application/problem+json} (RFC 9457):
 * {@code type} (a stable {@code urn:liftoff:problem:<name>} a script may branch on), {@code title},
 * {@code status}, {@code detail} (a sentence that says what to fix) and, where it helps, more
 * members: {@code errors} ({@code [{field, message}]}), {@code services}, {@code releaseId},
 * {@code link}, {@code phase}.
 */
public class ApiProblem extends RuntimeException {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = "urn:liftoff:problem:" + type;
        this.title = title;
    }

    /** adds a member to the problem body, e.g. {@code releaseId} */
    public ApiProblem with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** adds {@code errors}: one {@code {field, message}} per broken rule */
    public ApiProblem withErrors(List<Map<String, String>> errors) {
        return with("errors", errors);
    }

    public static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", getMessage());
        body.putAll(members);
        return body;
    }

    /** the body as JSON text: written as it is, whatever the request accepted */
    public String json() {
        try {
            return JSON.writeValueAsString(body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }

    public ResponseEntity<String> toResponse() {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(json());
    }

    /** for filters that answer before Spring MVC, e.g. Spring Security's entry point */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a refusal is an answer, not a fault: no stack trace to build
        return this;
    }
}
