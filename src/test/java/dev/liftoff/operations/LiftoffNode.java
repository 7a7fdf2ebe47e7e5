package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Liftoff node: the packaged application ({@code liftoff.it.jar}, built by {@code package}
 * before the integration tests) run as an operating-system process of its own, on the demo profile
 * (its users approve), with a node id, a server port and a working directory that stay the same
 * when it is started again, as a restarted server's would. Its output goes to a log file per start
 * under the working directory. It can be killed as a crash kills it ({@code kill -9}), or stopped.
 */
final class LiftoffNode implements AutoCloseable {

    /** how long a start may take on a busy 2-core machine before the test gives up */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** what the JVM reports for a process ended by SIGKILL: 128 + 9 */
    private static final int KILLED_BY_SIGKILL = 137;

    private final String nodeId;
    private final Path workDir;
    private final Path configuration;
    private final NodeDatabase database;
    private final List<String> extraArguments;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private volatile boolean paused;
    private Path log;
    private int starts;

    /**
     * @param workDir emptied now; the node's {@code ./data} (H2) and its logs go here
     * @param extraArguments more {@code --key=value} settings of this node
     */
    LiftoffNode(String nodeId, Path workDir, Path configuration, NodeDatabase database, List<String> extraArguments) {
        this.nodeId = nodeId;
        this.workDir = emptied(workDir);
        this.configuration = configuration;
        this.database = database;
        this.extraArguments = List.copyOf(extraArguments);
        this.port = freePort();
    }

    /** the directory under which each test keeps its nodes: {@code liftoff.it.dir}, under the build directory */
    static Path testDirectory(String test) {
        return Path.of(System.getProperty("liftoff.it.dir", "target/it")).resolve(test);
    }

    String nodeId() {
        return nodeId;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** starts the node and returns once {@code /actuator/health} says UP */
    LiftoffNode start() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is running already");
        }
        starts++;
        log = workDir.resolve("liftoff-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command()).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // settings of the machine running the tests must not reach the node: it gets its own
        environment.keySet().removeIf(name -> name.startsWith("LIFTOFF_") || name.startsWith("SPRING_") || name.equals("PORT"));
        environment.putAll(database.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + this, e);
        }
        StillRunning.killAtExit(process);
        awaitHealthy();
        return this;
    }

    private List<String> command() {
        String jar = System.getProperty("liftoff.it.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no packaged Liftoff at liftoff.it.jar=" + jar
                    + ": run the integration tests through ./mvnw verify, which packages the jar first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar));
        List<String> profiles = new ArrayList<>(List.of("demo"));
        profiles.addAll(database.profiles());
        command.add("--spring.profiles.active=" + String.join(",", profiles));
        command.add("--server.port=" + port);
        command.add("--liftoff.cluster.node-id=" + nodeId);
        command.add("--liftoff.public-url=" + url());
        command.add("--liftoff.demo.free-ports=true");
        command.add("--spring.config.additional-location=file:" + configuration.toAbsolutePath());
        command.addAll(database.arguments());
        command.addAll(extraArguments);
        return command;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(this + " exited with " + process.exitValue() + " while starting:\n" + logTail(60));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(250);
        }
        throw new AssertionError(this + " did not report UP within " + START_TIMEOUT + ":\n" + logTail(60));
    }

    /** kills the node as a crash would: SIGKILL, no shutdown hook, nothing flushed or released */
    void kill9() {
        process.destroyForcibly();
        int exit = waitForExit(Duration.ofSeconds(30));
        if (exit != KILLED_BY_SIGKILL) {
            throw new AssertionError(this + " was to be killed by SIGKILL (exit " + KILLED_BY_SIGKILL + ") but exited with " + exit);
        }
    }

    /**
     * freezes the node as it is (SIGSTOP), its JIT-compiled code included: until {@link #resume()}
     * it answers nothing and takes no job. Pause it only at rest, with no job of it running.
     */
    void pause() {
        signal("STOP");
        paused = true;
    }

    /** lets a paused node go on (SIGCONT) */
    void resume() {
        signal("CONT");
        paused = false;
    }

    boolean isPaused() {
        return paused;
    }

    private void signal(String name) {
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running: cannot send it SIG" + name);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name + " to " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** stops the node the way an operator does: SIGTERM, then Spring's graceful shutdown */
    void stop() {
        if (!isRunning()) {
            return;
        }
        if (paused) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                waitForExit(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(this + " is still running " + timeout + " after it was told to end");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** resident memory now, in KiB ({@code VmRSS} of {@code /proc/<pid>/status}) */
    long residentKib() {
        return status("VmRSS:");
    }

    /** the process's threads now ({@code Threads} of {@code /proc/<pid>/status}) */
    int threads() {
        return (int) status("Threads:");
    }

    private long status(String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            String line = lines.filter(l -> l.startsWith(field)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + field + " for " + this));
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time used so far, user and system, in seconds */
    double cpuSeconds() {
        return ProcessCpu.seconds(pid());
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "node " + nodeId + " (port " + port + (process == null ? "" : ", pid " + process.pid()) + ", log " + log + ")";
    }

    private static Path emptied(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** nodes a test left running when the test JVM ends (it failed, or was stopped): killed, not left to load the machine */
    private static final class StillRunning {

        private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly), "kill-liftoff-nodes"));
        }

        static void killAtExit(Process process) {
            PROCESSES.removeIf(earlier -> !earlier.isAlive());
            PROCESSES.add(process);
        }
    }
}
