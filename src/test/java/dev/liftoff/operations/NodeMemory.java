package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's memory as an operator reads it: resident memory, and the live heap after a full
 * collection ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}), which is what a leak would grow.
 * The node exposes nothing but its health over HTTP, so the JDK's own tool asks its JVM.
 *
 * @param residentKib {@code VmRSS}, KiB
 * @param heapUsedKib heap in use right after a full GC, KiB
 * @param heapCommittedKib heap the JVM holds from the system, KiB
 */
record NodeMemory(long residentKib, long heapUsedKib, long heapCommittedKib) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    static NodeMemory afterFullGc(LiftoffNode node) {
        jcmd(node, "GC.run");
        String heapInfo = jcmd(node, "GC.heap_info");
        Matcher heap = HEAP.matcher(heapInfo);
        if (!heap.find()) {
            throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info of " + node + ":\n" + heapInfo);
        }
        return new NodeMemory(node.residentKib(), Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)));
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
