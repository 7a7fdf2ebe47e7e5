package dev.liftoff.analysis;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Prometheus' query API on a loopback port, answering what the test tells it to: a status, a body
 * and a delay. It records every request it received (path, headers, form fields), so a test can
 * check what Liftoff sends, and fails the way a server in trouble does.
 */
final class FakePrometheus implements AutoCloseable {

    record Received(String method, String path, Headers headers, Map<String, String> form) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration stallBody = Duration.ZERO;

    private FakePrometheus(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static FakePrometheus http() {
        try {
            return new FakePrometheus(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("the fake Prometheus could not start", e);
        }
    }

    /** over TLS with the key and certificate {@code tls} holds */
    static FakePrometheus https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new FakePrometheus(server);
        } catch (IOException e) {
            throw new UncheckedIOException("the fake Prometheus could not start", e);
        }
    }

    URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** every request from now on gets this answer */
    FakePrometheus answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /** a successful answer with this {@code data} */
    FakePrometheus answerData(String resultType, String result) {
        return answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"" + resultType + "\",\"result\":" + result + "}}");
    }

    /** wait this long before answering */
    FakePrometheus delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** send the headers and the first half of the body, then wait this long before the rest */
    FakePrometheus stallBody(Duration stall) {
        this.stallBody = stall;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake Prometheus received no request");
        }
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), form(raw)));
            pause(delay);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    pause(stallBody);
                    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up (a timeout test), or the server is stopping: nothing left to answer
        }
    }

    private static void pause(Duration pause) throws InterruptedException {
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
