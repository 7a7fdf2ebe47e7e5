package dev.liftoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Liftoff's release API on a loopback port, as its contract describes it, playing a scripted
 * release: {@code POST /api/releases} answers 201 with the first view of the script, and every
 * long poll of {@code /events} moves the release on to the next view at once. Once the script
 * is played out, a poll whose {@code after} is the current revision is held for its
 * {@code timeout} and answered with the same view ({@code X-Liftoff-Changed: false}).
 * Every request is recorded; only the one user (HTTP Basic) is let in.
 */
final class FakeReleaseApi implements AutoCloseable {

    static final String USER = "ci-bot";
    static final String PASSWORD = "s3cret \"pass\\word\" $HOME `id`";

    /** One request as the server received it. */
    record Request(String method, String path, Map<String, String> query, String authorization,
                   String contentType, String body) {

        /** user:password from the Basic authorization header, or null */
        String basicCredentials() {
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        }

        boolean isEvents() {
            return path.endsWith("/events");
        }
    }

    /** An answer given instead of the script's. */
    record Answer(int status, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<ReleaseView> script = new ArrayList<>();
    private int current;
    private Answer startAnswer;
    private Answer rollbackAnswer;
    private final List<Answer> eventFailures = new ArrayList<>();

    FakeReleaseApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The release the server plays: the first view answers the start, each poll moves one on. */
    synchronized void play(ReleaseView... views) {
        script.clear();
        for (int i = 0; i < views.length; i++) {
            ReleaseView view = views[i];
            // revisions are opaque to the client; these need encoding in a query string
            script.add(view.revision() == null ? view.withRevision("rev " + (i + 1) + "/+&=") : view);
        }
        current = 0;
    }

    /** The start is answered with this instead (a problem, or 200 for a release that exists). */
    synchronized void answerStart(int status, String body) {
        startAnswer = new Answer(status, body);
    }

    synchronized void answerRollback(int status, String body) {
        rollbackAnswer = new Answer(status, body);
    }

    /** The next polls of /events fail with this status, once each. */
    synchronized void failNextPolls(int status, int times) {
        for (int i = 0; i < times; i++) {
            eventFailures.add(new Answer(status, problem(status, "Service Unavailable", "Liftoff is restarting")));
        }
    }

    synchronized ReleaseView currentView() {
        return script.get(current);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> polls() {
        return requests.stream().filter(Request::isEvents).toList();
    }

    String viewJson(ReleaseView view) {
        return view.toJson(json, url()).toString();
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            if (!(USER + ":" + PASSWORD).equals(request.basicCredentials())) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"liftoff\"");
                send(exchange, 401, problem(401, "Unauthorized", "Full authentication is required"), null);
                return;
            }
            route(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, Request request) throws IOException, InterruptedException {
        List<String> segments = new ArrayList<>();
        for (String segment : request.path().split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        boolean post = request.method().equals("POST");
        if (segments.size() < 2 || !segments.get(0).equals("api") || !segments.get(1).equals("releases")) {
            send(exchange, 404, problem(404, "Not Found", "no such endpoint"), null);
        } else if (segments.size() == 2 && post) {
            start(exchange);
        } else if (segments.size() >= 3 && !segments.get(2).equals(currentView().id())) {
            send(exchange, 404, problem(404, "Not Found", "No release " + segments.get(2)), null);
        } else if (segments.size() == 3 && !post) {
            send(exchange, 200, viewJson(currentView()), null);
        } else if (segments.size() == 4 && segments.get(3).equals("events") && !post) {
            poll(exchange, request);
        } else if (segments.size() == 4 && segments.get(3).equals("rollback") && post) {
            Answer answer;
            synchronized (this) {
                answer = rollbackAnswer;
            }
            if (answer != null) {
                send(exchange, answer.status(), answer.body(), null);
            } else {
                send(exchange, 202, viewJson(currentView()), null);
            }
        } else {
            send(exchange, 405, problem(405, "Method Not Allowed", request.method() + " " + request.path()), null);
        }
    }

    private void start(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            answer = startAnswer;
        }
        if (answer != null) {
            send(exchange, answer.status(), answer.body(), null);
            return;
        }
        exchange.getResponseHeaders().set("Location", url() + "/api/releases/" + currentView().id());
        send(exchange, 201, viewJson(currentView()), null);
    }

    private void poll(HttpExchange exchange, Request request) throws IOException, InterruptedException {
        String after = request.query().get("after");
        int timeout = Integer.parseInt(request.query().getOrDefault("timeout", "30"));
        ReleaseView view;
        Answer failure = null;
        synchronized (this) {
            if (!eventFailures.isEmpty()) {
                failure = eventFailures.remove(0);
            }
            if (failure == null && current + 1 < script.size()) {
                current++;
            }
            view = currentView();
        }
        if (failure != null) {
            send(exchange, failure.status(), failure.body(), null);
            return;
        }
        boolean changed = !view.revision().equals(after);
        if (!changed) {
            Thread.sleep(Math.min(timeout, 30) * 1000L);
        }
        send(exchange, 200, viewJson(view), changed);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String body, Boolean changed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        if (changed != null) {
            exchange.getResponseHeaders().set("X-Liftoff-Changed", String.valueOf(changed));
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
