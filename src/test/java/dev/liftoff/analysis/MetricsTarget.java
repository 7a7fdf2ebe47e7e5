package dev.liftoff.analysis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A service's metrics (at {@code /metrics} unless told otherwise) in Prometheus' text format on a loopback port: counters with the
 * values the test sets, and {@code demo_scrapes_total}, which grows by one at every scrape.
 */
final class MetricsTarget implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    /** name → (labels in exposition form → value) */
    private final Map<String, Map<String, Double>> counters = new ConcurrentHashMap<>();
    private final AtomicLong scrapes = new AtomicLong();

    MetricsTarget() {
        this("/metrics");
    }

    /** answering at {@code path} */
    MetricsTarget(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the metrics target could not start", e);
        }
        server.createContext(path, this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** e.g. {@code 127.0.0.1:40123}, as a scrape target */
    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    MetricsTarget counter(String name, Map<String, String> labels, double value) {
        counters.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(exposition(labels), value);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder();
        counters.forEach((name, series) -> {
            text.append("# HELP ").append(name).append(" requests the demo service answered\n");
            text.append("# TYPE ").append(name).append(" counter\n");
            series.forEach((labels, value) -> text.append(name).append(labels).append(' ').append(value).append('\n'));
        });
        text.append("# TYPE demo_scrapes_total counter\ndemo_scrapes_total ").append(scrapes.incrementAndGet()).append('\n');
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {a="x",b="y"} with the text format's escapes: backslash, double quote and newline */
    private static String exposition(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
