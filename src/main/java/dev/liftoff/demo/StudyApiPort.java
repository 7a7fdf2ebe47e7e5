package dev.liftoff.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One port of a demo service answering as the study-api (with blue-green: whichever slot the port
 * serves now; behind a canary's router: whichever slot the router picks for the request). Per request
 * it takes the slot and build once, so that the answer, the injected fault, a slow canary's delay and
 * the metric's {@code version} all belong to the same build even while a deploy, a switch or a weight
 * change happens; and, on a port users reach, it times the request and serves {@code /metrics}.
 */
final class StudyApiPort implements HttpHandler {

    private final Supplier<DemoEnvironment> slot;
    private final StudyApiHandler api;
    private final DemoFaults faults;
    private final StudyApiMetrics metrics;

    /**
     * @param metrics the port's metrics, or null for the blue-green idle slot, which no user reaches
     *     and nobody scrapes
     */
    StudyApiPort(Supplier<DemoEnvironment> slot, StudyApiHandler api, DemoFaults faults, StudyApiMetrics metrics) {
        this.slot = slot;
        this.api = api;
        this.faults = faults;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (metrics != null && StudyApiMetrics.PATH.equals(path)) {
            metrics.serve(exchange);
            return;
        }
        try (exchange) {
            long started = System.nanoTime();
            DemoEnvironment serving = slot.get();
            RunningBuild build = serving.running();
            JsonReply reply = reply(exchange, serving, build);
            // counted before it goes out: a client that has its answer finds it in the next scrape
            if (metrics != null) {
                metrics.record(build, exchange.getRequestMethod(), api.uriOf(path), reply.status(), System.nanoTime() - started);
            }
            JsonExchange.send(exchange, reply);
        }
    }

    private JsonReply reply(HttpExchange exchange, DemoEnvironment serving, RunningBuild build) throws IOException {
        Optional<InjectedFault> fault = faults.of(serving.name(), build);
        delay(serving.addedLatency(build).plus(fault.map(InjectedFault::addedLatency).orElse(Duration.ZERO)));
        if (fault.isPresent() && fault.get().failsNext()) {
            return api.failInternally(exchange, serving);
        }
        return api.answer(exchange, serving, build);
    }

    private static void delay(Duration latency) throws InterruptedIOException {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while delaying a late answer");
        }
    }
}
