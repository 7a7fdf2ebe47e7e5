package dev.liftoff.verification;

import dev.liftoff.config.LatencyCheck;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Sends the samples of one latency check: {@code concurrency} workers on the verification's pool
 * take the next sample until all are sent, so that never more than {@code concurrency} of them are
 * in flight (and never more than the pool and the rate limiter allow).
 */
final class LatencySampler {

    private final LatencyCheck check;
    private final LatencySample[] samples;
    private final AtomicInteger nextSample = new AtomicInteger();
    private final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);
    private final List<Future<Integer>> workers;

    private LatencySampler(VerificationRun run, URI baseUrl, LatencyCheck check) {
        this.check = check;
        this.samples = new LatencySample[check.samples()];
        this.workers = IntStream.range(0, Math.min(check.concurrency(), check.samples()))
                .mapToObj(worker -> run.submit(() -> sampleUntilDone(run.http(), baseUrl)))
                .toList();
    }

    /** starts sampling on the verification's pool */
    static LatencySampler start(VerificationRun run, URI baseUrl, LatencyCheck check) {
        return new LatencySampler(run, baseUrl, check);
    }

    /** the "<name>: latency" check once every sample is in; failed with the deadline's reason when they are not in time */
    CheckResult result(VerificationRun run) {
        for (Future<Integer> worker : workers) {
            if (run.await(worker).isEmpty()) {
                workers.forEach(other -> other.cancel(true));
                return LatencyJudgement.unfinished(check, run.unfinished(), run.elapsedMs());
            }
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(lastEndNanos.get() - firstStartNanos.get());
        return LatencyJudgement.judge(check, Arrays.asList(samples), durationMs);
    }

    /** @return how many samples this worker sent */
    private int sampleUntilDone(TargetHttp http, URI baseUrl) {
        int sent = 0;
        for (int i = nextSample.getAndIncrement(); i < samples.length; i = nextSample.getAndIncrement()) {
            firstStartNanos.accumulateAndGet(System.nanoTime(), Math::min);
            samples[i] = LatencySample.of(http.send(baseUrl, check.method(), check.path(), check.headers(), check.body()));
            lastEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
            sent++;
        }
        return sent;
    }
}
