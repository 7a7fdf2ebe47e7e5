package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The study-api reference API as one environment serves it (with blue-green: whichever slot the port serves now). */
final class StudyApiHandler implements HttpHandler {

    record Health(String status, Checks checks) {
    }

    record Checks(String database, String cache) {
    }

    record Version(String version, String commit, Instant deployedAt) {
    }

    record Preview(String topic, int count, List<StudyContent.Card> cards) {
    }

    record Generated(String topic, int count, List<StudyContent.Question> questions) {
    }

    record Daily(LocalDate date, StudyContent.DailyQuestion question) {
    }

    record Usage(LocalDate date, long requests, int activeUsers) {
    }

    private record Endpoint(String method, Responder responder) {
    }

    @FunctionalInterface
    private interface Responder {
        JsonReply respond(HttpExchange exchange) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(StudyApiHandler.class);
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final Pattern QUESTION_ID = Pattern.compile("q-([1-9][0-9]?)");
    private static final int MAX_TOPIC_LENGTH = 100;

    private final Supplier<DemoEnvironment> environment;
    private final CorsPolicy cors;
    private final Map<String, Endpoint> endpoints = Map.of(
            "/health", new Endpoint("GET", exchange -> health()),
            "/api/version", new Endpoint("GET", exchange -> version()),
            "/api/preview", new Endpoint("POST", this::preview),
            "/api/generate", new Endpoint("POST", this::generate),
            "/api/score", new Endpoint("POST", this::score),
            "/api/daily/next", new Endpoint("GET", this::dailyNext),
            "/api/ops/usage/daily", new Endpoint("GET", exchange -> usage()));

    StudyApiHandler(Supplier<DemoEnvironment> environment, CorsPolicy cors) {
        this.environment = environment;
        this.cors = cors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            environment.get().usage().record(caller(exchange));
            Headers headers = exchange.getResponseHeaders();
            SECURITY_HEADERS.forEach(headers::set);
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                cors.preflight(origin, headers);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            cors.allowOrigin(origin, headers);
            JsonExchange.send(exchange, reply(exchange));
        } finally {
            exchange.close();
        }
    }

    private JsonReply reply(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            return JsonReply.error(404, "no such endpoint: " + path);
        }
        if (!endpoint.method().equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", endpoint.method() + ", OPTIONS");
            return JsonReply.error(405, path + " answers " + endpoint.method() + " only");
        }
        try {
            return endpoint.responder().respond(exchange);
        } catch (RequestRejected e) {
            return e.reply();
        } catch (RuntimeException e) {
            log.warn("Demo study-api {} failed on {} {}", environment.get().name(), exchange.getRequestMethod(), path, e);
            return JsonReply.error(500, "internal");
        }
    }

    private JsonReply health() {
        return JsonReply.ok(new Health("UP", new Checks("UP", "UP")));
    }

    private JsonReply version() {
        RunningBuild build = environment.get().running();
        return JsonReply.ok(new Version(build.version(), build.commit(), build.deployedAt()));
    }

    private JsonReply preview(HttpExchange exchange) throws IOException {
        String topic = topic(JsonExchange.readObject(exchange));
        List<StudyContent.Card> cards = StudyContent.flashcards(topic);
        return JsonReply.ok(new Preview(topic, cards.size(), cards));
    }

    private JsonReply generate(HttpExchange exchange) throws IOException {
        JsonNode body = JsonExchange.readObject(exchange);
        String topic = topic(body);
        JsonNode count = body.path("count");
        if (!count.isInt() || count.intValue() < 1 || count.intValue() > StudyContent.MAX_QUESTIONS) {
            throw new RequestRejected(400, "count must be a whole number from 1 to " + StudyContent.MAX_QUESTIONS);
        }
        return JsonReply.ok(new Generated(topic, count.intValue(), StudyContent.questions(topic, count.intValue())));
    }

    private JsonReply score(HttpExchange exchange) throws IOException {
        if (environment.get().isBroken()) {
            return JsonReply.error(500, "internal");
        }
        JsonNode body = JsonExchange.readObject(exchange);
        Matcher questionId = QUESTION_ID.matcher(body.path("questionId").asText(""));
        if (!questionId.matches() || Integer.parseInt(questionId.group(1)) > StudyContent.MAX_QUESTIONS) {
            throw new RequestRejected(400, "questionId must name a generated question, q-1 to q-" + StudyContent.MAX_QUESTIONS);
        }
        JsonNode answer = body.path("answer");
        if (!answer.isTextual() || answer.asText().isBlank()) {
            throw new RequestRejected(400, "answer is required, e.g. {\"questionId\":\"q-1\",\"answer\":\"A\"}");
        }
        return JsonReply.ok(StudyContent.score(Integer.parseInt(questionId.group(1)), answer.asText()));
    }

    private JsonReply dailyNext(HttpExchange exchange) {
        if (environment.get().isBroken()) {
            return JsonReply.error(503, "unavailable");
        }
        DailyUsage.Today today = environment.get().usage().today();
        exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
        return JsonReply.ok(new Daily(today.date(), StudyContent.daily(today.date())));
    }

    private JsonReply usage() {
        DailyUsage.Today today = environment.get().usage().today();
        return JsonReply.ok(new Usage(today.date(), today.requests(), today.activeUsers()));
    }

    private static String topic(JsonNode body) {
        JsonNode topic = body.path("topic");
        if (!topic.isTextual() || topic.asText().isBlank()) {
            throw new RequestRejected(400, "topic is required, e.g. {\"topic\":\"photosynthesis\"}");
        }
        if (topic.asText().length() > MAX_TOPIC_LENGTH) {
            throw new RequestRejected(400, "topic must be at most " + MAX_TOPIC_LENGTH + " characters");
        }
        return topic.asText().trim();
    }

    /** A signed-in student sends X-User-Id; anything else counts by its address. */
    private static String caller(HttpExchange exchange) {
        String user = exchange.getRequestHeaders().getFirst("X-User-Id");
        return user != null ? "user:" + user : "address:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    }
}
