package dev.liftoff.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The study-api reference endpoints on a free loopback port, each answering after a fixed delay
 * equal to its reference p50, with the JSON shapes and headers the reference smoke plan asserts.
 * A verification of this target can never be faster than its slowest endpoint, so its wall time
 * shows how close a suite comes to that limit.
 */
final class DelayedStudyApi implements AutoCloseable {

    static final String ALLOWED_ORIGIN = StudyApiAnswers.ALLOWED_ORIGIN;
    static final String VERSION = "2026.11.0";

    /** the reference p50 of each endpoint; health has no target and answers at once */
    static final Map<String, Duration> DELAYS = Map.of(
            "/api/preview", Duration.ofMillis(400),
            "/api/generate", Duration.ofMillis(800),
            "/api/score", Duration.ofMillis(100),
            "/api/daily/next", Duration.ofMillis(50),
            "/api/ops/usage/daily", Duration.ofMillis(50),
            "/api/version", Duration.ofMillis(10),
            "/health", Duration.ZERO);

    /** no request of a suite can finish before this: the slowest endpoint's delay */
    static final Duration SLOWEST = DELAYS.values().stream().max(Duration::compareTo).orElseThrow();

    /** no suite that sends its requests one after another can finish before this: every delay in turn */
    static final Duration ONE_AFTER_ANOTHER = DELAYS.values().stream().reduce(Duration.ZERO, Duration::plus);

    // more threads than requests ever in flight, so that delays never wait for a thread
    private static final int THREADS = 64;
    private record Endpoint(String method, Supplier<Object> body) {
    }

    private final String commit;
    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final AtomicLong requestsToday = new AtomicLong();
    private final Set<String> callersToday = ConcurrentHashMap.newKeySet();
    private final Map<String, Endpoint> endpoints;

    private DelayedStudyApi(String commit) throws IOException {
        this.commit = commit;
        this.endpoints = Map.of(
                "/health", new Endpoint("GET", () -> Map.of("status", "UP")),
                "/api/version", new Endpoint("GET", () -> Map.of("version", VERSION, "commit", this.commit)),
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

    /** runs the target alone until it is stopped: {@code DelayedStudyApi <commit>} */
    public static void main(String[] args) throws InterruptedException {
        DelayedStudyApi target = start(args.length > 0 ? args[0] : "0123abcd4567ef89");
        System.out.println(SeparateTarget.readyLine(target.port()));
        System.out.flush();
        Thread.currentThread().join();
    }

    /** @param commit what {@code /api/version} reports as deployed */
    static DelayedStudyApi start(String commit) {
        try {
            return new DelayedStudyApi(commit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the delayed study-api", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Endpoint endpoint = endpoints.get(path);
            if (endpoint == null || !endpoint.method().equals(exchange.getRequestMethod())) {
                StudyApiAnswers.send(exchange, endpoint == null ? 404 : 405,
                        Map.of("error", "no " + exchange.getRequestMethod() + " " + path));
                return;
            }
            requestsToday.incrementAndGet();
            callersToday.add(exchange.getRemoteAddress().getAddress().getHostAddress());
            StudyApiAnswers.sleep(DELAYS.get(path));
            StudyApiAnswers.headers(exchange, path);
            StudyApiAnswers.send(exchange, 200, endpoint.body().get());
        }
    }

    private Object usage() {
        return StudyApiAnswers.usage(requestsToday.get(), callersToday.size());
    }
}
