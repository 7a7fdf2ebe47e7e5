package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void spacesPermitsAcrossThreads() throws Exception {
        RateLimiter limiter = RateLimiter.perSecond(20);
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                done.add(threads.submit(() -> {
                    limiter.acquire();
                    grants.add(System.nanoTime());
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<Long> sorted = grants.stream().sorted().toList();
        // 29 gaps of 50 ms; never more than 20 in any second
        assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(29) - sorted.get(0))).isGreaterThanOrEqualTo(1400);
        assertThat(RequestWindows.most(sorted)).isLessThanOrEqualTo(20);
    }

    @Test
    void aTurnThatComesOnlyAfterTheDeadlineIsRefusedAtOnceAndLeftForOthers() throws Exception {
        RateLimiter limiter = RateLimiter.perSecond(2);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(300);

        assertThat(limiter.acquireBefore(deadline)).as("the first turn is now").isTrue();
        // the next turn is 500 ms after the first, past the deadline: no wait for it
        assertThat(limiter.acquireBefore(deadline)).isFalse();
        assertThat(limiter.acquireBefore(deadline)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
        // the refused turns were not used up: a sender without that deadline gets the next one, 500 ms after the first
        limiter.acquire();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(450L, 1000L);
        assertThat(RateLimiter.unlimited().acquireBefore(System.nanoTime() + 1_000_000_000)).isTrue();
        assertThat(RateLimiter.unlimited().acquireBefore(System.nanoTime())).isFalse();
    }

    @Test
    void unlimitedNeverWaits() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            RateLimiter.unlimited().acquire();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }
}
