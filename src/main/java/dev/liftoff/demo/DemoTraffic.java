package dev.liftoff.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steady traffic on the demo's environments, so that Prometheus has a rate to measure: a fixed
 * number of requests per second to each target, cycling through the study-api's endpoints with the
 * valid requests of the reference smoke plan, from a handful of students. A request that gets no
 * answer is counted, and reported at most once a minute; it never stops the traffic.
 */
final class DemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int STUDENTS = 12;
    /**
     * At most this many requests wait for an answer per target, like a client's connection pool: a
     * fault that adds seconds of latency slows the traffic instead of filling the target's threads.
     */
    static final int MAX_IN_FLIGHT = 4;

    /** The study-api's endpoints, each with a request its smoke plan expects to pass. */
    private static final List<Call> MIX = List.of(
            new Call("GET", "/api/version", null),
            new Call("POST", "/api/preview", "{\"topic\":\"photosynthesis\"}"),
            new Call("POST", "/api/generate", "{\"topic\":\"cell biology\",\"count\":5}"),
            new Call("POST", "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}"),
            new Call("GET", "/api/daily/next", null),
            new Call("GET", "/api/ops/usage/daily", null),
            new Call("GET", "/health", null));

    private record Call(String method, String path, String body) {
    }

    /** One environment the traffic goes to, with its own rotation through the mix and its own in-flight count. */
    private static final class Target {
        final URI baseUrl;
        final AtomicLong next = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();

        Target(URI baseUrl) {
            this.baseUrl = baseUrl;
        }
    }

    private final List<Target> targets;
    private final int perSecond;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private ScheduledExecutorService ticks;
    private ExecutorService answers;
    private HttpClient http;
    private volatile boolean stopping;

    DemoTraffic(List<URI> targets, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("traffic needs at least one request per second, not " + perSecond);
        }
        this.targets = targets.stream().map(Target::new).toList();
        this.perSecond = perSecond;
    }

    synchronized void start() {
        stopping = false;
        ticks = Executors.newSingleThreadScheduledExecutor(DemoTargetServer.daemonThreads("demo-traffic"));
        answers = Executors.newFixedThreadPool(2, DemoTargetServer.daemonThreads("demo-traffic-http"));
        http = HttpClient.newBuilder().executor(answers).connectTimeout(Duration.ofSeconds(5)).build();
        // at a fixed rate, not with a fixed delay: a late tick is made up for, so the rate holds on a busy machine
        ticks.scheduleAtFixedRate(this::tick, 0, TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
        log.info("Demo traffic: {} requests per second to each of {}", perSecond, targets.stream().map(target -> target.baseUrl).toList());
    }

    synchronized void stop() {
        if (ticks == null) {
            return;
        }
        stopping = true;
        ticks.shutdownNow();
        answers.shutdownNow();
        awaitTermination(ticks);
        awaitTermination(answers);
        ticks = null;
        answers = null;
        http = null;
        log.info("Demo traffic stopped: {} requests sent, {} without an answer, {} not sent while {} were waiting", sent.get(),
                unanswered.get(), skipped.get(), MAX_IN_FLIGHT);
    }

    private void tick() {
        HttpClient client = http;
        for (Target target : targets) {
            if (target.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                target.inFlight.decrementAndGet();
                skipped.incrementAndGet();
                continue;
            }
            sent.incrementAndGet();
            try {
                client.sendAsync(request(target), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            target.inFlight.decrementAndGet();
                            if (failure != null) {
                                unanswered(target, failure);
                            }
                        });
            } catch (RuntimeException e) {
                // e.g. the answer pool refusing work while the traffic stops
                target.inFlight.decrementAndGet();
                unanswered(target, e);
            }
        }
    }

    private static HttpRequest request(Target target) {
        long n = target.next.getAndIncrement();
        Call call = MIX.get((int) (n % MIX.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target.baseUrl.resolve(call.path()))
                .timeout(TIMEOUT)
                .header("X-User-Id", "student-" + (n % STUDENTS + 1));
        if (call.body() == null) {
            return request.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body())).build();
    }

    private void unanswered(Target target, Throwable failure) {
        if (stopping) {
            return; // what was cut off by the stop is no failure of the target
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        long count = unanswered.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Demo traffic: {} of {} requests got no answer so far; the latest, to {}: {}", count, sent.get(), target.baseUrl,
                    cause.toString());
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
