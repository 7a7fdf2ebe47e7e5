package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used by processes of this machine, user and system, in seconds, as the kernel counts it
 * in {@code /proc/<pid>/stat}: of one process (a Liftoff node, this JVM), and of the PostgreSQL
 * server (every {@code postgres} process, with what its ended children used).
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** what the process used itself (fields 14 and 15) */
    static double seconds(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            throw new IllegalStateException("no process " + pid);
        }
        return ticks(fields, 14, 15) / (double) ClockTicks.PER_SECOND;
    }

    /**
     * What the PostgreSQL server used: each running {@code postgres} process, and the children it
     * waited for (fields 16 and 17), so a backend that ended meanwhile still counts.
     */
    static double postgresSeconds() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes.filter(path -> path.getFileName().toString().matches("[0-9]+"))::iterator) {
                String[] fields = statFields(Long.parseLong(process.getFileName().toString()));
                if (fields != null && "(postgres)".equals(fields[1])) {
                    ticks += ticks(fields, 14, 15, 16, 17);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks / (double) ClockTicks.PER_SECOND;
    }

    /**
     * What the threads of one JVM used so far, by name with its numbers left out (the threads of a
     * pool together), in seconds; what threads that have ended used is in the process's total only,
     * and shows here as {@code ended threads}.
     */
    static Map<String, Double> byThreadName(long pid) {
        Map<String, Double> names = new TreeMap<>();
        double live = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String[] fields = statFields(thread.resolve("stat"));
                if (fields != null) {
                    double seconds = ticks(fields, 14, 15) / (double) ClockTicks.PER_SECOND;
                    names.merge(pooled(fields[1].substring(1, fields[1].length() - 1)), seconds, Double::sum);
                    live += seconds;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.put("ended threads", seconds(pid) - live);
        return names;
    }

    /** CPU seconds by thread name (as {@link #byThreadName} gives them) summed by {@link #threadKind} */
    static Map<String, Double> byThreadKind(Map<String, Double> byThreadName) {
        Map<String, Double> kinds = new TreeMap<>();
        byThreadName.forEach((thread, seconds) -> kinds.merge(threadKind(thread), seconds, Double::sum));
        return kinds;
    }

    /** a JVM thread's kind, by its name (as the kernel keeps it or as {@link #byThreadName} gives it) */
    static String threadKind(String thread) {
        String name = pooled(thread);
        if (name.startsWith("C# Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G# ") || name.equals("VM Thread")) {
            return "GC and VM";
        }
        if (name.startsWith("camundaTaskExe") || name.startsWith("JobExecutor")) {
            return "job executor";
        }
        if (name.startsWith("http-nio")) {
            return "HTTP";
        }
        return name.equals("ended threads") ? name : "other";
    }

    /** a thread's name with its numbers left out, the same for every thread of a pool */
    private static String pooled(String thread) {
        return thread.replaceAll("[0-9]+", "#");
    }

    /**
     * Time all the machine's cores spent idle so far (idle and iowait of {@code /proc/stat}), in
     * seconds: a round whose machine never idled was limited by CPU, not by waiting.
     */
    static double machineIdleSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) / (double) ClockTicks.PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields of {@code /proc/<pid>/stat}, numbered from 1 as proc(5) does (index 0 unused), or
     * null when the process has ended.
     */
    private static String[] statFields(long pid) {
        return statFields(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private static String[] statFields(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the command name in parentheses may hold spaces: split only what follows it
            int close = stat.lastIndexOf(')');
            String[] rest = stat.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 3];
            fields[1] = stat.substring(0, close + 1).replaceFirst("^[0-9]+ ", "");
            System.arraycopy(rest, 0, fields, 3, rest.length);
            return fields;
        } catch (IOException ended) {
            // gone before or while it was read
            return null;
        }
    }

    private static long ticks(String[] fields, int... numbers) {
        long sum = 0;
        for (int number : numbers) {
            sum += Long.parseLong(fields[number]);
        }
        return sum;
    }

    /** the kernel's clock ticks per second, the unit of /proc/<pid>/stat's times */
    private static final class ClockTicks {

        static final long PER_SECOND = read();

        private static long read() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String answer = new String(getconf.getInputStream().readAllBytes()).strip();
                return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
            } catch (IOException | NumberFormatException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
