package dev.liftoff.verification;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces requests to an environment at least {@code 1/rps} apart, so that no one-second window
 * ever holds more than {@code rps} of them. Spacing rather than bursts: an environment under
 * verification should see an even, modest load.
 */
final class RateLimiter {

    private static final RateLimiter UNLIMITED = new RateLimiter(0);

    private final long intervalNanos;
    // fair: requests go out in the order they asked
    private final ReentrantLock lock = new ReentrantLock(true);
    private long nextNanos = System.nanoTime();

    private RateLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    static RateLimiter perSecond(int requestsPerSecond) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requests per second must be at least 1, not " + requestsPerSecond);
        }
        return new RateLimiter(TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
    }

    static RateLimiter unlimited() {
        return UNLIMITED;
    }

    /**
     * Blocks until the next request may go out, unless that turn comes only at or after
     * {@code deadlineNanos} (of {@link System#nanoTime()}): then it returns false at once and leaves
     * the turn to others, so that a sender whose time is up does not wait for a turn it will not use.
     */
    boolean acquireBefore(long deadlineNanos) throws InterruptedException {
        if (intervalNanos == 0) {
            return System.nanoTime() - deadlineNanos < 0;
        }
        lock.lockInterruptibly();
        try {
            long now = System.nanoTime();
            long turn = nextNanos - now > 0 ? nextNanos : now;
            if (turn - deadlineNanos >= 0) {
                return false;
            }
            awaitTurn();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** blocks until the next request may go out */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            awaitTurn();
        } finally {
            lock.unlock();
        }
    }

    /** under the lock */
    private void awaitTurn() throws InterruptedException {
        long wait;
        while ((wait = nextNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        // from the moment this request really goes out, not from when it was due
        nextNanos = System.nanoTime() + intervalNanos;
    }
}
