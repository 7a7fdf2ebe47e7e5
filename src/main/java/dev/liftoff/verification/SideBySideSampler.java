package dev.liftoff.verification;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the same request to the canary and to the stable version at the same moment, taking the
 * plan's requests in turn, at most {@code pairsPerSecond} pairs a second, until the time is up.
 * Side by side at the same moment, so that whatever else loads the machines (users' traffic, a
 * deploy elsewhere, a slow network) weighs on both alike and the difference is the version's.
 * Pairs still in flight when the time is up get {@link #GRACE} to finish and are left out after it,
 * so a step never takes much longer than it was given.
 */
final class SideBySideSampler {

    /** one request of the plan, as a latency check or a smoke check declares it */
    record PlannedRequest(String name, String method, String path, Map<String, String> headers, String body) {
    }

    static final Duration GRACE = Duration.ofMillis(500);
    private static final int FAILURES_KEPT = 3;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final TargetHttp http;
    private final URI canaryUrl;
    private final URI stableUrl;
    private final List<PlannedRequest> plan;
    private final List<Side> canary;
    private final List<Side> stable;
    private final AtomicInteger nextPair = new AtomicInteger();
    private final AtomicInteger pairs = new AtomicInteger();

    private SideBySideSampler(TargetHttp http, URI canaryUrl, URI stableUrl, List<PlannedRequest> plan) {
        this.http = http;
        this.canaryUrl = canaryUrl;
        this.stableUrl = stableUrl;
        this.plan = List.copyOf(plan);
        this.canary = plan.stream().map(request -> new Side()).toList();
        this.stable = plan.stream().map(request -> new Side()).toList();
    }

    /**
     * @param http the service's client; pairs are paced here, not by the client
     * @param workers how many pairs may be in flight at once, so that a slow side does not hold the
     *     pace below {@code pairsPerSecond}
     */
    static SideBySide sample(TargetHttp http, URI canaryUrl, URI stableUrl, List<PlannedRequest> plan, Duration lasting,
            int pairsPerSecond, int workers) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("a side-by-side comparison needs at least one request");
        }
        return new SideBySideSampler(http, canaryUrl, stableUrl, plan).run(lasting, RateLimiter.perSecond(pairsPerSecond), workers);
    }

    private SideBySide run(Duration lasting, RateLimiter pace, int workers) {
        int run = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        // each worker sends the canary's request itself and hands the stable's to a second thread
        ExecutorService pool = Executors.newFixedThreadPool(2 * workers, task -> {
            Thread thread = new Thread(task, "liftoff-canary-" + run + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long end = start + lasting.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> sendPairsUntil(end, pace, pool)));
            }
            long giveUp = end + GRACE.toNanos();
            for (Future<?> worker : running) {
                awaitUntil(worker, giveUp);
            }
        } finally {
            pool.shutdownNow();
        }
        List<SideBySide.Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            endpoints.add(endpoint(plan.get(i).name(), canary.get(i), stable.get(i)));
        }
        return new SideBySide(endpoints, pairs.get(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private Void sendPairsUntil(long end, RateLimiter pace, ExecutorService pool) throws InterruptedException {
        while (true) {
            // a worker whose next turn comes only after the time is up stops when the time is up, instead
            // of waiting for that turn (behind the other workers' turns) only to send nothing
            if (!pace.acquireBefore(end)) {
                TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
                return null;
            }
            if (System.nanoTime() - end >= 0 || Thread.currentThread().isInterrupted()) {
                return null;
            }
            int request = nextPair.getAndIncrement() % plan.size();
            PlannedRequest planned = plan.get(request);
            Future<LatencySample> stableSample = pool.submit(() -> send(stableUrl, planned));
            LatencySample canarySample = send(canaryUrl, planned);
            LatencySample stableAnswer;
            try {
                stableAnswer = stableSample.get();
            } catch (ExecutionException | CancellationException e) {
                return null;
            }
            // a pair counts once both answered; one left half-done at the end is dropped whole
            synchronized (this) {
                canary.get(request).add(canarySample);
                stable.get(request).add(stableAnswer);
                pairs.incrementAndGet();
            }
        }
    }

    private LatencySample send(URI baseUrl, PlannedRequest request) {
        return LatencySample.of(http.send(baseUrl, request.method(), request.path(), request.headers(), request.body()));
    }

    private static void awaitUntil(Future<?> worker, long deadlineNanos) {
        try {
            worker.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            worker.cancel(true);
        } catch (ExecutionException e) {
            // an interrupted request at the end of the time is no fault; anything else is Liftoff's own
            if (!(e.getCause() instanceof InterruptedException) && !(e.getCause() instanceof IllegalStateException)) {
                throw new IllegalStateException("the side-by-side comparison failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing the canary with the stable version", e);
        }
    }

    private synchronized SideBySide.Endpoint endpoint(String name, Side canarySide, Side stableSide) {
        return new SideBySide.Endpoint(name, canarySide.latenciesMs(), stableSide.latenciesMs(), canarySide.requests,
                canarySide.failures.size(), stableSide.requests, stableSide.failures.size(),
                canarySide.failures.stream().limit(FAILURES_KEPT).toList(), stableSide.failures.stream().limit(FAILURES_KEPT).toList());
    }

    /** what one side of one request saw */
    private static final class Side {
        private final List<Long> latencyMicros = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private int requests;

        void add(LatencySample sample) {
            requests++;
            if (sample.failed()) {
                failures.add(sample.failure());
            } else {
                latencyMicros.add(sample.latencyMicros());
            }
        }

        double[] latenciesMs() {
            return latencyMicros.stream().mapToDouble(micros -> micros / 1000.0).toArray();
        }
    }
}
