package dev.liftoff.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's deploy system, behind Liftoff's webhook adapters: {@code POST /deploy} accepts a
 * deploy and switches the environment (or, with {@code slot: idle} or {@code slot: canary}, that
 * slot) after a delay, as a real pipeline would; {@code POST /switch} makes the blue-green slot
 * running the given commit serve live traffic, at once; {@code POST /traffic} sets the share of a
 * canary's traffic ({@link CanaryTraffic}); {@code GET /deployments} and {@code GET /traffic} list
 * what was applied, so that anything happening twice shows. A repeated Idempotency-Key gets the
 * first answer and changes nothing again.
 */
final class DemoDeployer implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DemoDeployer.class);
    private static final List<String> ROUTES = List.of("POST /deploy", "POST /switch", "POST /traffic", "GET /deployments",
            "GET /traffic");

    private final byte[] expectedAuthorization;
    private final DeployableEnvironments targets;
    private final CanaryTraffic traffic;
    private final Duration deployDelay;
    private final ScheduledExecutorService switches;
    private final Map<String, AcceptedDeploy> byIdempotencyKey = new LinkedHashMap<>();
    private final Map<String, AcceptedSwitch> switchesByIdempotencyKey = new LinkedHashMap<>();

    /** A switch the deployer answered, kept so that a replay gets the same answer and moves nothing. */
    private record AcceptedSwitch(DeployRequest request, JsonReply reply) {
    }

    /** The body of a switch's answer. */
    record Switched(boolean switched, String environment, String liveVersion, String liveCommitSha, String idempotencyKey) {
    }

    DemoDeployer(String deployToken, DeployableEnvironments targets, Duration deployDelay, ScheduledExecutorService switches) {
        this.expectedAuthorization = ("Bearer " + deployToken).getBytes(StandardCharsets.UTF_8);
        this.targets = targets;
        this.traffic = new CanaryTraffic(targets);
        this.deployDelay = deployDelay;
        this.switches = switches;
    }

    /** every weight change applied, in order, with the requests routed each way under it */
    List<WeightChange.View> weightChanges() {
        return traffic.changes();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            JsonExchange.send(exchange, reply(exchange));
        } catch (RequestRejected e) {
            JsonExchange.send(exchange, e.reply());
        } catch (RuntimeException e) {
            log.warn("Demo deployer failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            JsonExchange.send(exchange, JsonReply.error(500, "internal"));
        } finally {
            exchange.close();
        }
    }

    private JsonReply reply(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        if (!ROUTES.contains(route)) {
            return JsonReply.error(404, "no such endpoint: " + route + "; use " + String.join(", ", ROUTES));
        }
        requireToken(exchange);
        return switch (route) {
            case "POST /deploy" -> accept(DeployRequest.from(JsonExchange.readObject(exchange)), idempotencyKey(exchange));
            case "POST /switch" -> switchTraffic(DeployRequest.from(JsonExchange.readObject(exchange)), idempotencyKey(exchange));
            case "POST /traffic" -> traffic.apply(TrafficRequest.from(JsonExchange.readObject(exchange)), idempotencyKey(exchange));
            case "GET /traffic" -> JsonReply.ok(traffic.changes());
            default -> JsonReply.ok(deployments());
        };
    }

    private static String idempotencyKey(HttpExchange exchange) {
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new RequestRejected(400, "the Idempotency-Key header is required");
        }
        return idempotencyKey;
    }

    /** Swapping is not idempotent by nature: the key is what keeps a retried switch from swapping back. */
    private synchronized JsonReply switchTraffic(DeployRequest request, String idempotencyKey) {
        DemoSlots slots = targets.blueGreen(request);
        AcceptedSwitch earlier = switchesByIdempotencyKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw new RequestRejected(422, "Idempotency-Key " + idempotencyKey + " was already used for another switch");
            }
            return earlier.reply();
        }
        boolean moved = slots.serve(request.commitSha());
        RunningBuild live = slots.live().running();
        JsonReply reply = JsonReply.ok(new Switched(moved, request.environment(), live.version(), live.commit(), idempotencyKey));
        switchesByIdempotencyKey.put(idempotencyKey, new AcceptedSwitch(request, reply));
        return reply;
    }

    /** A key seen before is a replay: the first answer again, and nothing deployed a second time. */
    private synchronized JsonReply accept(DeployRequest request, String idempotencyKey) {
        DemoEnvironment slot = targets.slotFor(request);
        AcceptedDeploy earlier = byIdempotencyKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw new RequestRejected(422, "Idempotency-Key " + idempotencyKey + " was already used for another deploy");
            }
            byIdempotencyKey.put(idempotencyKey, earlier.replayed());
            return JsonReply.ok(earlier.acceptance());
        }
        AcceptedDeploy accepted = new AcceptedDeploy(request, idempotencyKey, Instant.now(), 0);
        byIdempotencyKey.put(idempotencyKey, accepted);
        switches.schedule(() -> slot.switchTo(new RunningBuild(request.version(), request.commitSha(), Instant.now())),
                deployDelay.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Demo deployer accepted {} {} (commit {}) for {}{}, Idempotency-Key {}; running in {} ms", request.service(),
                request.version(), request.commitSha(), request.environment(),
                request.slot() == null ? "" : " (" + request.slot() + " slot)", idempotencyKey, deployDelay.toMillis());
        return new JsonReply(202, accepted.acceptance());
    }

    private synchronized List<AcceptedDeploy.Deployment> deployments() {
        return byIdempotencyKey.values().stream().map(AcceptedDeploy::deployment).toList();
    }

    private void requireToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            throw new RequestRejected(401, "missing or wrong bearer token");
        }
    }
}
