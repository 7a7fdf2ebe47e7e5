package dev.liftoff.verification;

import java.util.List;

/**
 * What an analysis step saw of a canary and its stable version: the same requests sent to both
 * at the same moment, pair after pair, for a while.
 *
 * @param endpoints one entry per request of the plan, in the plan's order
 * @param pairs the pairs that completed (pairs still in flight when the time was up are left out)
 * @param durationMs from the first pair sent to the last one answered
 */
public record SideBySide(List<Endpoint> endpoints, int pairs, long durationMs) {

    /**
     * One request of the plan on both sides. Latencies are of the requests that got a 2xx; the
     * others count as errors and are named in {@code canaryFailures} and {@code stableFailures}
     * (the first few).
     */
    public record Endpoint(String name, double[] canaryMs, double[] stableMs, int canaryRequests, int canaryErrors,
            int stableRequests, int stableErrors, List<String> canaryFailures, List<String> stableFailures) {
    }
}
