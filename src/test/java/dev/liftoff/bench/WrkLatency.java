package dev.liftoff.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An endpoint's latency as {@code wrk --latency} measures it: its Latency Distribution (50, 90
 * and 99 %) and the number of requests. wrk is optional; without it the measurement is absent.
 */
final class WrkLatency {

    static final List<String> OPTIONS = List.of("--latency", "-d", "5s", "-c", "4", "-t", "2");

    private static final Pattern DISTRIBUTION = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);
    private static final Pattern FAILURES = Pattern.compile("^\\s*(Non-2xx or 3xx responses|Socket errors):.*$", Pattern.MULTILINE);
    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of("us", 0.001, "ms", 1.0, "s", 1_000.0, "m", 60_000.0, "h", 3_600_000.0);

    private WrkLatency() {
    }

    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, "wrk").canExecute());
    }

    /** runs wrk against {@code url}; empty when wrk is not installed */
    static Optional<LatencyPercentiles> measure(URI url) {
        if (!installed()) {
            return Optional.empty();
        }
        List<String> command = Stream.concat(Stream.of("wrk"), Stream.concat(OPTIONS.stream(), Stream.of(url.toString()))).toList();
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(1, TimeUnit.MINUTES) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
            }
            return Optional.of(parse(output));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running wrk", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the output has no complete latency distribution or
     *     reports failed requests, whose latencies would not be the endpoint's
     */
    static LatencyPercentiles parse(String output) {
        Matcher failures = FAILURES.matcher(output);
        if (failures.find()) {
            throw new IllegalArgumentException("wrk saw failed requests: " + failures.group().trim());
        }
        Map<String, Double> percentiles = new HashMap<>();
        Matcher line = DISTRIBUTION.matcher(output);
        while (line.find()) {
            percentiles.put(line.group(1), Double.parseDouble(line.group(2)) * MILLIS_PER_UNIT.get(line.group(3)));
        }
        Matcher requests = REQUESTS.matcher(output);
        if (!percentiles.keySet().containsAll(List.of("50", "90", "99")) || !requests.find()) {
            throw new IllegalArgumentException("no latency distribution in wrk's output (run it with --latency):\n" + output);
        }
        return new LatencyPercentiles(percentiles.get("50"), OptionalDouble.of(percentiles.get("90")), OptionalDouble.empty(),
                percentiles.get("99"), Long.parseLong(requests.group(1)));
    }
}
