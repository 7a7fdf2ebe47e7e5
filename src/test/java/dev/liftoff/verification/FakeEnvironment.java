package dev.liftoff.verification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A target environment on a free loopback port: exact paths answer, everything else is 404. */
final class FakeEnvironment implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Queue<Long> arrivalNanos = new ConcurrentLinkedQueue<>();
    private static final String ANSWERED = "liftoff.answered";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    private FakeEnvironment() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    static FakeEnvironment start() {
        return new FakeEnvironment();
    }

    /** a base URL on which nothing listens */
    static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeEnvironment on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    FakeEnvironment json(String path, int status, String body) {
        return on(path, exchange -> reply(exchange, status, "application/json", body));
    }

    /** a healthy environment that reports {@code commit} as deployed */
    FakeEnvironment deployed(String commit) {
        return json("/health", 200, "{\"status\": \"UP\"}")
                .json("/version", 200, "{\"version\": \"2026.11.0\", \"commit\": \"" + commit + "\"}");
    }

    /** answers 200 after {@code millis} */
    FakeEnvironment slow(String path, long millis) {
        return on(path, exchange -> {
            TargetHttpTest.sleep(millis);
            reply(exchange, 200, "text/plain", "ok");
        });
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** when each request arrived (System.nanoTime), in arrival order */
    List<Long> arrivals() {
        return List.copyOf(arrivalNanos);
    }

    /** the most requests the environment was handling at one time */
    int mostInFlight() {
        return mostInFlight.get();
    }

    static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        // the client may send its next request as soon as it has this answer: stop counting this one first
        if (exchange.getAttribute(ANSWERED) instanceof Runnable answered) {
            answered.run();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        arrivalNanos.add(System.nanoTime());
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable answered = () -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
        };
        exchange.setAttribute(ANSWERED, answered);
        try {
            HttpHandler handler = routes.get(path);
            if (handler == null) {
                reply(exchange, 404, "text/plain", "no route " + path);
            } else {
                handler.handle(exchange);
            }
        } finally {
            answered.run();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
