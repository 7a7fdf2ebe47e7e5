package dev.liftoff.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The staging and production environments of many services, on one loopback HTTP server in the
 * test JVM, each under its own path: {@code /<service>/<environment>} answers {@code GET /health}
 * ({@code {"status":"UP"}}), {@code GET /api/version} (what was last deployed there) and
 * {@code POST /deploy}, the deploy webhook. The webhook records every call with its
 * {@code Idempotency-Key}, applies a key once (a repeat is answered as the first call was, and
 * changes nothing), and can be told to hold its answer for one environment until the test lets go.
 * It outlives the Liftoff nodes it serves, so it sees what a killed node sent and what its
 * successor sends again.
 *
 * <p>An environment released as a canary also answers at {@code /<service>/<environment>.canary}
 * (what was deployed with {@code "slot": "canary"}) and {@code /<service>/<environment>.stable}
 * (what was deployed without a slot, as the live URL), which note the time of every request, and
 * takes the canary's weight at {@code POST /<service>/<environment>/traffic}, the traffic webhook,
 * which records every call with its weight and {@code Idempotency-Key}.
 */
final class EnvironmentFleet implements AutoCloseable {

    static final String INITIAL_VERSION = "0.9.0";
    static final String INITIAL_COMMIT = "0000000";
    /** how long a held deploy waits for the test at most, so that a failed test cannot hang the fleet */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** where a canary's two versions answer directly, beside the environment's live URL */
    enum Slot {
        CANARY, STABLE;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * one call of a deploy webhook, as it arrived
     *
     * @param slot {@code canary} for a canary's deploy, null for a deploy of the environment itself
     */
    record DeployCall(String service, String environment, String version, String commitSha, String slot, String idempotencyKey,
            Instant receivedAt, boolean repeat) {
    }

    /** one call of a traffic webhook, as it arrived: the percent of the traffic the canary is to get */
    record TrafficCall(String service, String environment, String version, String commitSha, int weight, String idempotencyKey,
            Instant receivedAt, boolean repeat) {
    }

    private record Running(String version, String commit, Instant visibleFrom) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    /** per environment, every applied deploy in order; the newest visible one runs */
    private final Map<String, List<Running>> deployed = new ConcurrentHashMap<>();
    private final Map<String, DeployCall> appliedByKey = new ConcurrentHashMap<>();
    private final List<DeployCall> calls = new CopyOnWriteArrayList<>();
    private final List<TrafficCall> trafficCalls = new CopyOnWriteArrayList<>();
    /** per canary slot, the time of every request it answered */
    private final Map<String, List<Instant>> slotRequests = new ConcurrentHashMap<>();
    private final Map<String, HeldDeploy> holds = new ConcurrentHashMap<>();
    private volatile Duration commitDelay = Duration.ZERO;

    EnvironmentFleet() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the environment fleet", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** where Liftoff checks the environment: its configured base-url */
    String baseUrl(String service, String environment) {
        return "http://127.0.0.1:" + port() + "/" + service + "/" + environment;
    }

    String deployUrl(String service, String environment) {
        return baseUrl(service, environment) + "/deploy";
    }

    /** where one version of a canary environment answers directly: its canary-url or stable-url */
    String slotUrl(String service, String environment, Slot slot) {
        return baseUrl(service, environment + "." + slot.value());
    }

    /** the traffic webhook of a canary environment: told the canary's weight */
    String trafficUrl(String service, String environment) {
        return baseUrl(service, environment) + "/traffic";
    }

    /** a deployed commit shows on /api/version only this long after its deploy was accepted */
    void showCommitsAfter(Duration delay) {
        this.commitDelay = delay;
    }

    /**
     * The next deploy of that environment is held: the webhook keeps the call open, without an
     * answer, until {@link HeldDeploy#letGo()}; then it applies the deploy and answers.
     */
    HeldDeploy holdNextDeploy(String service, String environment) {
        HeldDeploy hold = new HeldDeploy(service + "/" + environment);
        holds.put(key(service, environment), hold);
        return hold;
    }

    List<DeployCall> calls() {
        return List.copyOf(calls);
    }

    List<DeployCall> callsTo(String service, String environment) {
        return calls.stream().filter(call -> call.service().equals(service) && call.environment().equals(environment)).toList();
    }

    /** the deploys that changed what an environment runs: one per distinct idempotency key */
    List<DeployCall> appliedTo(String service, String environment) {
        return appliedByKey.values().stream()
                .filter(call -> call.service().equals(service) && call.environment().equals(environment)).toList();
    }

    /** every call of the environment's traffic webhook, in the order they arrived */
    List<TrafficCall> trafficTo(String service, String environment) {
        return trafficCalls.stream().filter(call -> call.service().equals(service) && call.environment().equals(environment)).toList();
    }

    /** when each request to that slot of a canary environment arrived */
    List<Instant> requestsTo(String service, String environment, Slot slot) {
        return List.copyOf(slotRequests.getOrDefault(key(service, environment + "." + slot.value()), List.of()));
    }

    /** what the environment runs now: version and commit */
    String runs(String service, String environment) {
        Running now = current(service, environment);
        return now.version() + " (" + now.commit() + ")";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/", 4);
            if (parts.length < 4) {
                reply(exchange, 404, Map.of("error", "expected /<service>/<environment>/<path>"));
                return;
            }
            String service = parts[1];
            String environment = parts[2];
            String path = "/" + parts[3];
            String method = exchange.getRequestMethod();
            if (environment.contains(".")) {
                slotRequests.computeIfAbsent(key(service, environment), k -> new CopyOnWriteArrayList<>()).add(Instant.now());
            }
            if (method.equals("GET") && path.equals("/health")) {
                reply(exchange, 200, Map.of("status", "UP"));
            } else if (method.equals("GET") && path.equals("/api/version")) {
                Running now = current(service, environment);
                reply(exchange, 200, Map.of("version", now.version(), "commit", now.commit()));
            } else if (method.equals("POST") && path.equals("/deploy")) {
                deploy(exchange, service, environment);
            } else if (method.equals("POST") && path.equals("/traffic")) {
                traffic(exchange, service, environment);
            } else {
                reply(exchange, 404, Map.of("error", "no " + method + " " + path + " here"));
            }
        } catch (IOException brokenOff) {
            // the caller went away, e.g. a node killed while its deploy call was held: nothing to answer
        }
    }

    private void deploy(HttpExchange exchange, String service, String environment) throws IOException {
        JsonNode body = readJson(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !service.equals(body.path("service").asText()) || !environment.equals(body.path("environment").asText())) {
            reply(exchange, 400, Map.of("error", "an Idempotency-Key and the service and environment of this path are required"));
            return;
        }
        String slot = body.path("slot").asText(null);
        DeployCall call = new DeployCall(service, environment, body.path("version").asText(), body.path("commitSha").asText(), slot, key,
                Instant.now(), calls.stream().anyMatch(earlier -> earlier.idempotencyKey().equals(key)));
        calls.add(call);
        HeldDeploy hold = holds.remove(key(service, environment));
        if (hold != null) {
            hold.arrived(call);
            hold.awaitLetGo();
        }
        DeployCall first = appliedByKey.putIfAbsent(key, call);
        if (first == null) {
            // a canary's deploy goes to its own slot; any other replaces the stable version, which the live URL serves
            String where = Slot.CANARY.value().equals(slot) ? environment + "." + slot : environment;
            deployed.computeIfAbsent(key(service, where), k -> new CopyOnWriteArrayList<>())
                    .add(new Running(call.version(), call.commitSha(), Instant.now().plus(commitDelay)));
        }
        reply(exchange, 202, Map.of("accepted", true, "deployment", key));
    }

    private void traffic(HttpExchange exchange, String service, String environment) throws IOException {
        JsonNode body = readJson(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !body.path("weight").isInt() || !service.equals(body.path("service").asText())
                || !environment.equals(body.path("environment").asText())) {
            reply(exchange, 400, Map.of("error", "an Idempotency-Key, a weight and the service and environment of this path are "
                    + "required"));
            return;
        }
        int weight = body.path("weight").asInt();
        boolean repeat = trafficCalls.stream().anyMatch(earlier -> earlier.idempotencyKey().equals(key));
        trafficCalls.add(new TrafficCall(service, environment, body.path("version").asText(), body.path("commitSha").asText(), weight,
                key, Instant.now(), repeat));
        reply(exchange, 200, Map.of("weight", weight));
    }

    /**
     * the newest applied deploy whose commit shows by now, else the initial version: a canary's slot
     * shows its own deploys, the stable slot what the environment's live URL shows
     */
    private Running current(String service, String environment) {
        Instant now = Instant.now();
        String where = environment.endsWith("." + Slot.STABLE.value())
                ? environment.substring(0, environment.length() - Slot.STABLE.value().length() - 1) : environment;
        return deployed.getOrDefault(key(service, where), List.of()).stream()
                .filter(running -> !now.isBefore(running.visibleFrom()))
                .reduce((older, newer) -> newer)
                .orElse(new Running(INITIAL_VERSION, INITIAL_COMMIT, Instant.EPOCH));
    }

    private static String key(String service, String environment) {
        return service + "/" + environment;
    }

    private static JsonNode readJson(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        holds.values().forEach(HeldDeploy::letGo);
        server.stop(0);
        handlers.shutdownNow();
    }

    /** a deploy call the webhook keeps open until the test lets go */
    static final class HeldDeploy {

        private final String environment;
        private final CountDownLatch arrival = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private volatile DeployCall call;

        private HeldDeploy(String environment) {
            this.environment = environment;
        }

        private void arrived(DeployCall call) {
            this.call = call;
            arrival.countDown();
        }

        private void awaitLetGo() {
            try {
                letGo.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** the held call, once it arrived */
        DeployCall awaitArrival(Duration timeout, Supplier<String> stateOfTheRelease) {
            try {
                if (!arrival.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("no deploy of " + environment + " arrived within " + timeout + "; the release: "
                            + stateOfTheRelease.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return call;
        }

        void letGo() {
            letGo.countDown();
        }
    }
}
