package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A node's memory as an operator reads it: resident memory, and the live heap after a full
 * collection ({@code jcmd <pid> GC.class_histogram}, then {@code GC.heap_info}), which is what a
 * leak would grow, and what it is made of.
 * The node exposes nothing but its health over HTTP, so the JDK's own tool asks its JVM.
 *
 * @param residentKib {@code VmRSS}, KiB
 * @param threads the JVM's threads: each holds its stack, and buffers of its own for file and socket I/O
 * @param heapUsedKib heap in use right after a full GC, KiB
 * @param heapCommittedKib heap the JVM holds from the system, KiB
 * @param bytesByClass live bytes per class
 */
record NodeMemory(long residentKib, int threads, long heapUsedKib, long heapCommittedKib, Map<String, Long> bytesByClass) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    /** a line of GC.class_histogram: "   1:   12345   6789012  [B (java.base@17.0.15)" */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*");

    /** GC.class_histogram collects the whole heap first, so what it counts, and GC.heap_info after it, is live */
    static NodeMemory afterFullGc(LiftoffNode node) {
        Map<String, Long> bytesByClass = new HashMap<>();
        for (String line : jcmd(node, "GC.class_histogram").split("\n")) {
            Matcher entry = HISTOGRAM_LINE.matcher(line);
            if (entry.matches()) {
                bytesByClass.merge(entry.group(2), Long.parseLong(entry.group(1)), Long::sum);
            }
        }
        String heapInfo = jcmd(node, "GC.heap_info");
        Matcher heap = HEAP.matcher(heapInfo);
        if (!heap.find()) {
            throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info of " + node + ":\n" + heapInfo);
        }
        return new NodeMemory(node.residentKib(), node.threads(), Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)), Map.copyOf(bytesByClass));
    }

    /** the classes whose live instances grew most since {@code before}, with the growth in KiB */
    String largestGrowthSince(NodeMemory before, int count) {
        return bytesByClass.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.bytesByClass.getOrDefault(entry.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(entry -> entry.getKey() + " +" + entry.getValue() / 1024 + " KiB")
                .collect(Collectors.joining(", "));
    }

    long residentMib() {
        return residentKib / 1024;
    }

    long heapUsedMib() {
        return heapUsedKib / 1024;
    }

    long heapCommittedMib() {
        return heapCommittedKib / 1024;
    }

    private static String jcmd(LiftoffNode node, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(node.pid()), command))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed for " + node + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
