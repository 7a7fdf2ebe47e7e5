package dev.liftoff.verification;

import dev.liftoff.config.VerificationSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits of one verification: every request runs on its bounded pool, waits for its rate
 * limiter, and counts against its deadline. Closing it cancels whatever is still running, so an
 * environment that hangs costs Liftoff the deadline and not more.
 */
final class VerificationRun implements AutoCloseable {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final ExecutorService pool;
    private final TargetHttp http;
    private final Duration deadline;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;

    VerificationRun(TargetHttp http, VerificationSettings settings) {
        int run = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.parallelism(), task -> {
            Thread thread = new Thread(task, "liftoff-verification-" + run + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = http.pacedBy(RateLimiter.perSecond(settings.maxRequestsPerSecond()));
        this.deadline = settings.deadline();
        this.deadlineNanos = startNanos + deadline.toNanos();
    }

    /** the client for this verification's requests: rate-limited across all of them */
    TargetHttp http() {
        return http;
    }

    /** runs {@code task} on the pool; once the deadline has passed nothing new starts, the task comes back cancelled */
    <T> Future<T> submit(Callable<T> task) {
        if (System.nanoTime() - deadlineNanos >= 0) {
            FutureTask<T> tooLate = new FutureTask<>(task);
            tooLate.cancel(false);
            return tooLate;
        }
        return pool.submit(task);
    }

    /**
     * The task's result, or empty when the deadline passed first (the task is then cancelled) or it was cancelled.
     * A task that failed was Liftoff's own fault (the environment's faults are outcomes), so it is rethrown.
     */
    <T> Optional<T> await(Future<T> task) {
        try {
            return Optional.of(task.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            task.cancel(true);
            return Optional.empty();
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException fault) {
                throw fault;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }

    /** the actual value of a check the deadline cut short */
    String unfinished() {
        return "not finished within the verification deadline " + deadline;
    }

    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
