package dev.liftoff.canary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One build of the study API on a free loopback port, answering the requests of study-canary's plan
 * (liftoff-demo-study-canary.yaml) the way the demo's builds do: at once, with the JSON and headers the
 * plan asserts, or every request a set time later, like the demo's slow build running as a canary.
 * It records when each request arrives (its method and path, {@link System#nanoTime()}), so that the
 * load an analysis step puts on each build can be counted.
 */
final class StudyApiBuild implements AutoCloseable {

    static final String ALLOWED_ORIGIN = "https://study.example.com";

    /** one request as it reached the build */
    record Arrival(long nanos, String request) {
    }

    // more threads than requests ever in flight, so that a delay never waits for a thread
    private static final int THREADS = 64;
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Endpoint(String method, Supplier<Object> body) {
    }

    private final String version;
    private final String commit;
    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final AtomicLong requestsToday = new AtomicLong();
    private final Map<String, Endpoint> endpoints;
    private final List<Arrival> arrivals = new ArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    private StudyApiBuild(String version, String commit) throws IOException {
        this.version = version;
        this.commit = commit;
        this.endpoints = Map.of(
                "/health", new Endpoint("GET", () -> Map.of("status", "UP")),
                "/api/version", new Endpoint("GET", () -> Map.of("version", this.version, "commit", this.commit)),
                "/api/preview", new Endpoint("POST", StudyApiBuild::preview),
                "/api/generate", new Endpoint("POST", StudyApiBuild::generate),
                "/api/score", new Endpoint("POST", () -> Map.of("questionId", "q-1", "score", 1.0, "correct", true)),
                "/api/daily/next", new Endpoint("GET", StudyApiBuild::daily),
                "/api/ops/usage/daily", new Endpoint("GET", this::usage));
        // the JDK server otherwise lets Nagle's algorithm hold back small responses by up to 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.threads = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        threads.prestartAllCoreThreads();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), THREADS);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** a build reporting {@code version} and {@code commit} at /api/version, answering at once */
    static StudyApiBuild start(String version, String commit) {
        try {
            return new StudyApiBuild(version, commit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for a study-api build", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** from now on every request is answered this much later (zero: at once) */
    void answerLater(Duration delay) {
        this.delay = delay;
    }

    /** the arrivals recorded since the last call, oldest first; recording starts afresh */
    synchronized List<Arrival> takeArrivals() {
        List<Arrival> taken = List.copyOf(arrivals);
        arrivals.clear();
        return taken;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private synchronized void arrived(long nanos, String request) {
        arrivals.add(new Arrival(nanos, request));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            arrived(arrived, method + " " + path);
            sleep(delay);
            Headers headers = exchange.getResponseHeaders();
            SECURITY_HEADERS.forEach(headers::set);
            headers.set("Vary", "Origin");
            if (ALLOWED_ORIGIN.equals(exchange.getRequestHeaders().getFirst("Origin"))) {
                headers.set("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
            }
            if (method.equals("OPTIONS")) {
                headers.set("Access-Control-Allow-Methods", "GET, POST");
                headers.set("Access-Control-Allow-Headers", "Content-Type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Endpoint endpoint = endpoints.get(path);
            if (endpoint == null || !endpoint.method().equals(method)) {
                send(exchange, endpoint == null ? 404 : 405, Map.of("error", "no " + method + " " + path));
                return;
            }
            requestsToday.incrementAndGet();
            if (path.equals("/api/daily/next")) {
                headers.set("Cache-Control", "max-age=60");
            }
            send(exchange, 200, endpoint.body().get());
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object preview() {
        List<Map<String, String>> cards = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> Map.of("front", "Question " + n + " on photosynthesis", "back", "Answer " + n))
                .toList();
        return Map.of("topic", "photosynthesis", "count", cards.size(), "cards", cards);
    }

    private static Object generate() {
        List<Map<String, Object>> questions = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> Map.<String, Object>of("id", "q-" + n, "prompt", "Question " + n + " on cell biology",
                        "choices", List.of("A) one", "B) two", "C) three", "D) four")))
                .toList();
        return Map.of("topic", "cell biology", "count", questions.size(), "questions", questions);
    }

    private static Object daily() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.of("date", today.toString(),
                "question", Map.of("id", "daily-" + today, "prompt", "Explain photosynthesis to a friend in two sentences."));
    }

    private Object usage() {
        return Map.of("date", LocalDate.now(ZoneOffset.UTC).toString(), "requests", requestsToday.get(), "activeUsers", 1);
    }
}
