package dev.liftoff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a stand-in study-api of the benchmarks answers: the JSON shapes, headers and CORS answer the
 * reference smoke plan asserts, in one place for every build a benchmark plays.
 */
public final class StudyApiAnswers {

    public static final String ALLOWED_ORIGIN = "https://study.example.com";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyApiAnswers() {
    }

    /** the security headers, Vary, the CORS origin when it is the study app's, and the daily question's caching */
    public static void headers(HttpExchange exchange, String path) {
        Headers headers = exchange.getResponseHeaders();
        SECURITY_HEADERS.forEach(headers::set);
        headers.set("Vary", "Origin");
        if (ALLOWED_ORIGIN.equals(exchange.getRequestHeaders().getFirst("Origin"))) {
            headers.set("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
        }
        if (path.equals("/api/daily/next")) {
            headers.set("Cache-Control", "max-age=60");
        }
    }

    public static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    public static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Object preview() {
        List<Map<String, String>> cards = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> Map.of("front", "Question " + n + " on photosynthesis", "back", "Answer " + n))
                .toList();
        return Map.of("topic", "photosynthesis", "count", cards.size(), "cards", cards);
    }

    public static Object generate() {
        List<Map<String, Object>> questions = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> Map.<String, Object>of("id", "q-" + n, "prompt", "Question " + n + " on cell biology",
                        "choices", List.of("A) one", "B) two", "C) three", "D) four")))
                .toList();
        return Map.of("topic", "cell biology", "count", questions.size(), "questions", questions);
    }

    public static Object daily() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.of("date", today.toString(),
                "question", Map.of("id", "daily-" + today, "prompt", "Explain photosynthesis to a friend in two sentences."));
    }

    public static Object usage(long requests, int activeUsers) {
        return Map.of("date", LocalDate.now(ZoneOffset.UTC).toString(), "requests", requests, "activeUsers", activeUsers);
    }
}
