package dev.liftoff.canary;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liftoff.bench.StudyApiAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One build of the study API on a free loopback port, answering the requests of study-canary's plan
 * (liftoff-demo-study-canary.yaml) the way the demo's builds do: at once, with the JSON and headers the
 * plan asserts, or every request a set time later, like the demo's slow build running as a canary.
 * It records when each request arrives (its method and path, {@link System#nanoTime()}), so that the
 * load an analysis step puts on each build can be counted.
 */
final class StudyApiBuild implements AutoCloseable {

    static final String ALLOWED_ORIGIN = StudyApiAnswers.ALLOWED_ORIGIN;

    /** one request as it reached the build */
    record Arrival(long nanos, String request) {
    }

    // more threads than requests ever in flight, so that a delay never waits for a thread
    private static final int THREADS = 64;
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
                "/api/preview", new Endpoint("POST", StudyApiAnswers::preview),
                "/api/generate", new Endpoint("POST", StudyApiAnswers::generate),
                "/api/score", new Endpoint("POST", () -> Map.of("questionId", "q-1", "score", 1.0, "correct", true)),
                "/api/daily/next", new Endpoint("GET", StudyApiAnswers::daily),
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
            StudyApiAnswers.sleep(delay);
            StudyApiAnswers.headers(exchange, path);
            Headers headers = exchange.getResponseHeaders();
            if (method.equals("OPTIONS")) {
                headers.set("Access-Control-Allow-Methods", "GET, POST");
                headers.set("Access-Control-Allow-Headers", "Content-Type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Endpoint endpoint = endpoints.get(path);
            if (endpoint == null || !endpoint.method().equals(method)) {
                StudyApiAnswers.send(exchange, endpoint == null ? 404 : 405, Map.of("error", "no " + method + " " + path));
                return;
            }
            requestsToday.incrementAndGet();
            StudyApiAnswers.send(exchange, 200, endpoint.body().get());
        }
    }

    private Object usage() {
        return StudyApiAnswers.usage(requestsToday.get(), 1);
    }
}
