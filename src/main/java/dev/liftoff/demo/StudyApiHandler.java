package dev.liftoff.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study-api reference API: answers a request as the given build in the given slot would. Which
 * slot and build that is, {@link StudyApiPort} decides once per request.
 */
final class StudyApiHandler {

    static final String UNKNOWN_URI = "UNKNOWN";

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

    /** One request, and the slot and build answering it. */
    private record Call(HttpExchange exchange, DemoEnvironment slot, RunningBuild build) {

        boolean broken() {
            return build.isBrokenIn(slot.name(), slot.isLive());
        }
    }

    @FunctionalInterface
    private interface Responder {
        JsonReply respond(Call call) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(StudyApiHandler.class);
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final Pattern QUESTION_ID = Pattern.compile("q-([1-9][0-9]?)");
    private static final int MAX_TOPIC_LENGTH = 100;

    private static final JsonReply INTERNAL_ERROR = JsonReply.error(500, "internal");

    private final CorsPolicy cors;
    private final Map<String, Endpoint> endpoints = Map.of(
            "/health", new Endpoint("GET", call -> health()),
            "/api/version", new Endpoint("GET", StudyApiHandler::version),
            "/api/preview", new Endpoint("POST", StudyApiHandler::preview),
            "/api/generate", new Endpoint("POST", StudyApiHandler::generate),
            "/api/score", new Endpoint("POST", StudyApiHandler::score),
            "/api/daily/next", new Endpoint("GET", StudyApiHandler::dailyNext),
            "/api/ops/usage/daily", new Endpoint("GET", StudyApiHandler::usage));

    StudyApiHandler(CorsPolicy cors) {
        this.cors = cors;
    }

    /** The path as the {@code uri} of a metric: an endpoint's own path, anything else {@value #UNKNOWN_URI}. */
    String uriOf(String path) {
        return endpoints.containsKey(path) ? path : UNKNOWN_URI;
    }

    /** The answer of {@code build} in {@code slot}: its headers are set on the exchange, the caller sends it. */
    JsonReply answer(HttpExchange exchange, DemoEnvironment slot, RunningBuild build) throws IOException {
        Headers headers = begin(exchange, slot);
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            cors.preflight(origin, headers);
            return JsonReply.NO_CONTENT;
        }
        cors.allowOrigin(origin, headers);
        return reply(new Call(exchange, slot, build));
    }

    /** The answer of a build failing on its own, to preflights too: what a fault injected into it asks for. */
    JsonReply failInternally(HttpExchange exchange, DemoEnvironment slot) {
        cors.allowOrigin(exchange.getRequestHeaders().getFirst("Origin"), begin(exchange, slot));
        return INTERNAL_ERROR;
    }

    /** Counts the request; the headers every answer carries. */
    private static Headers begin(HttpExchange exchange, DemoEnvironment slot) {
        slot.usage().record(caller(exchange));
        Headers headers = exchange.getResponseHeaders();
        SECURITY_HEADERS.forEach(headers::set);
        return headers;
    }

    private JsonReply reply(Call call) throws IOException {
        HttpExchange exchange = call.exchange();
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
            return endpoint.responder().respond(call);
        } catch (RequestRejected e) {
            return e.reply();
        } catch (RuntimeException e) {
            log.warn("Demo study-api {} failed on {} {}", call.slot().name(), exchange.getRequestMethod(), path, e);
            return INTERNAL_ERROR;
        }
    }

    private static JsonReply health() {
        return JsonReply.ok(new Health("UP", new Checks("UP", "UP")));
    }

    private static JsonReply version(Call call) {
        RunningBuild build = call.build();
        return JsonReply.ok(new Version(build.version(), build.commit(), build.deployedAt()));
    }

    private static JsonReply preview(Call call) throws IOException {
        String topic = topic(JsonExchange.readObject(call.exchange()));
        List<StudyContent.Card> cards = StudyContent.flashcards(topic);
        return JsonReply.ok(new Preview(topic, cards.size(), cards));
    }

    private static JsonReply generate(Call call) throws IOException {
        JsonNode body = JsonExchange.readObject(call.exchange());
        String topic = topic(body);
        JsonNode count = body.path("count");
        if (!count.isInt() || count.intValue() < 1 || count.intValue() > StudyContent.MAX_QUESTIONS) {
            throw new RequestRejected(400, "count must be a whole number from 1 to " + StudyContent.MAX_QUESTIONS);
        }
        return JsonReply.ok(new Generated(topic, count.intValue(), StudyContent.questions(topic, count.intValue())));
    }

    private static JsonReply score(Call call) throws IOException {
        if (call.broken()) {
            return INTERNAL_ERROR;
        }
        JsonNode body = JsonExchange.readObject(call.exchange());
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

    private static JsonReply dailyNext(Call call) {
        if (call.broken()) {
            return JsonReply.error(503, "unavailable");
        }
        DailyUsage.Today today = call.slot().usage().today();
        call.exchange().getResponseHeaders().set("Cache-Control", "max-age=60");
        return JsonReply.ok(new Daily(today.date(), StudyContent.daily(today.date())));
    }

    private static JsonReply usage(Call call) {
        DailyUsage.Today today = call.slot().usage().today();
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
