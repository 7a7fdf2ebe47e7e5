package dev.liftoff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures an endpoint's latency with nothing of Liftoff's own HTTP code: plain
 * {@link HttpURLConnection} GETs, a few at a time, each timed from sending the request to the
 * last byte of the body.
 */
final class RawLatencySampler {

    private RawLatencySampler() {
    }

    static LatencyPercentiles sample(URI url, int samples, int concurrency) {
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<List<Double>>> shares = new ArrayList<>();
            for (int caller = 0; caller < concurrency; caller++) {
                int share = samples / concurrency + (caller < samples % concurrency ? 1 : 0);
                shares.add(callers.submit(() -> timeSequentially(url, share)));
            }
            List<Double> latencies = new ArrayList<>(samples);
            for (Future<List<Double>> share : shares) {
                latencies.addAll(share.get());
            }
            return LatencyPercentiles.of(latencies);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sampling " + url + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling " + url, e);
        } finally {
            callers.shutdownNow();
        }
    }

    private static List<Double> timeSequentially(URI url, int count) {
        List<Double> latencies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            latencies.add(timeOne(url));
        }
        return latencies;
    }

    private static double timeOne(URI url) {
        try {
            long start = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            int status = connection.getResponseCode();
            // reading the body to its end lets the connection be kept alive for the next sample
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            double millis = (System.nanoTime() - start) / (double) TimeUnit.MILLISECONDS.toNanos(1);
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status);
            }
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url, e);
        }
    }
}
