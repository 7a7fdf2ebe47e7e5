package dev.liftoff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/liftoff}, the CI client, the way a pipeline does: a real process under a
 * POSIX shell, with real curl, its output (stdout and stderr, as a CI log shows them) and its
 * exit code. The environment is the test JVM's without any {@code LIFTOFF_*} variable, plus
 * what each run passes, so the machine's settings never leak into a test.
 */
public final class LiftoffCli {

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String output, Duration took) {

        public List<String> lines() {
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms:\n" + output;
        }
    }

    private final Path script;
    private final List<String> shell;
    private final List<Path> pathFirst;
    private final Duration timeout;

    private LiftoffCli(Path script, List<String> shell, List<Path> pathFirst, Duration timeout) {
        this.script = script;
        this.shell = shell;
        this.pathFirst = pathFirst;
        this.timeout = timeout;
    }

    /** {@code bin/liftoff} of this checkout (tests run with the project's root as working directory), under {@code sh}. */
    public static LiftoffCli ofThisCheckout() {
        Path script = Path.of("bin", "liftoff").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " is missing: run the tests from the project's root");
        }
        return new LiftoffCli(script, List.of("sh"), List.of(), Duration.ofMinutes(2));
    }

    /** The same script under another shell, e.g. {@code withShell("bash", "--posix")}. */
    public LiftoffCli withShell(String... shell) {
        return new LiftoffCli(script, List.of(shell), pathFirst, timeout);
    }

    /** Puts a directory first on the PATH the script sees (a recording curl, another awk). */
    public LiftoffCli withPathFirst(Path directory) {
        List<Path> dirs = new ArrayList<>(pathFirst);
        dirs.add(0, directory);
        return new LiftoffCli(script, shell, List.copyOf(dirs), timeout);
    }

    /** How long a run may take before it is stopped and the test fails (default two minutes). */
    public LiftoffCli withTimeout(Duration timeout) {
        return new LiftoffCli(script, shell, pathFirst, timeout);
    }

    public Path script() {
        return script;
    }

    /** Runs {@code liftoff args...} with these environment variables added, to its end. */
    public Result run(Map<String, String> env, String... args) {
        return start(env, args).finish();
    }

    /** Starts {@code liftoff args...}; the test may read its output while it runs. */
    public Running start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(shell);
        command.add(script.toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LIFTOFF_"));
        if (!pathFirst.isEmpty()) {
            List<String> path = new ArrayList<>();
            pathFirst.forEach(dir -> path.add(dir.toAbsolutePath().toString()));
            path.add(environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            environment.put("PATH", String.join(":", path));
        }
        environment.putAll(env);
        try {
            Path log = Files.createTempFile("liftoff-cli", ".log");
            builder.redirectOutput(log.toFile());
            return new Running(String.join(" ", args), builder.start(), log, System.nanoTime(), timeout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    /** A run in progress; its output goes to a log file as it is printed. */
    public static final class Running {

        private final String args;
        private final Process process;
        private final Path log;
        private final long started;
        private final Duration timeout;

        private Running(String args, Process process, Path log, long started, Duration timeout) {
            this.args = args;
            this.process = process;
            this.log = log;
            this.started = started;
            this.timeout = timeout;
        }

        /** what it printed so far */
        public String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the output of liftoff " + args, e);
            }
        }

        /** waits until it has printed {@code text}, e.g. a task it waits for, and fails the test if it ends first */
        public Running awaitOutput(String text, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            while (!output().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("liftoff " + args + " did not print \"" + text + "\" "
                            + (process.isAlive() ? "within " + within : "before it ended") + ":\n" + output());
                }
                pause();
            }
            return this;
        }

        /** waits for its end (within the run's timeout) and removes its log */
        public Result finish() {
            try {
                long left = timeout.toNanos() - (System.nanoTime() - started);
                if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("liftoff " + args + " did not end within " + timeout + ":\n" + output());
                }
                return new Result(process.exitValue(), output(), Duration.ofNanos(System.nanoTime() - started));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running liftoff " + args, e);
            } finally {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs without any environment variables of its own. */
    public Result run(String... args) {
        return run(Map.of(), args);
    }

    /** The environment a CI job gives the script: Liftoff's address and the CI user's credentials. */
    public static Map<String, String> ciEnvironment(String url, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("LIFTOFF_URL", url);
        env.put("LIFTOFF_USER", user);
        env.put("LIFTOFF_PASSWORD", password);
        return env;
    }
}
