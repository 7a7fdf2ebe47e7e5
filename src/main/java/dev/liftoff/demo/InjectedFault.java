package dev.liftoff.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault injected into one build of one environment: that share of its answers is an HTTP 500, and
 * every answer comes the added latency later. It belongs to the build (its commit), not to the port,
 * as a faulty release would: once another build serves, the environment is healthy again.
 */
final class InjectedFault {

    /** One entry of {@code GET /api/demo/faults}; {@code live} tells whether the build serves the environment now. */
    record View(String environment, String commit, String version, int errorPercent, String addedLatency, Instant since,
            long requests, boolean live) {
    }

    private final String environment;
    private final RunningBuild build;
    private final int errorPercent;
    private final Duration addedLatency;
    private final Instant since = Instant.now();
    private final AtomicLong requests = new AtomicLong();

    InjectedFault(String environment, RunningBuild build, int errorPercent, Duration addedLatency) {
        this.environment = environment;
        this.build = build;
        this.errorPercent = errorPercent;
        this.addedLatency = addedLatency;
    }

    String environment() {
        return environment;
    }

    RunningBuild build() {
        return build;
    }

    Duration addedLatency() {
        return addedLatency;
    }

    /**
     * Whether the next request fails. Failures are spread evenly by a request counter rather than drawn
     * at random: request n fails when floor((n+1)·p/100) passes floor(n·p/100), so any 100 requests in a
     * row hold exactly p failures (30 %: the 4th, 7th and 10th of every 10).
     */
    boolean failsNext() {
        long n = requests.getAndIncrement();
        return (n + 1) * errorPercent / 100 > n * errorPercent / 100;
    }

    View view(boolean live) {
        return new View(environment, build.commit(), build.version(), errorPercent, format(addedLatency), since, requests.get(), live);
    }

    /** In the form {@code POST /api/demo/faults} takes, e.g. {@code 300ms}. */
    static String format(Duration latency) {
        return latency.toMillis() + "ms";
    }

    @Override
    public String toString() {
        return environment + " " + build.version() + " (commit " + build.commit() + ") answers " + errorPercent
                + " % of its requests with HTTP 500 and every answer " + format(addedLatency) + " later";
    }
}
