package dev.liftoff.analysis;

import dev.liftoff.config.MetricProviderConfig;
import dev.liftoff.config.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.springframework.core.env.StandardEnvironment;

/**
 * A real Prometheus for tests and benchmarks: Debian's {@code /usr/bin/prometheus} as a child
 * process on a free loopback port, scraping the targets it is given, with its data in a temporary
 * directory.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.scraping(Duration.ofSeconds(1),
 *         PrometheusServer.Target.at("127.0.0.1:" + port).path("/metrics").label("service", "shop"))) {
 *     prometheus.awaitSeries("demo_requests_total", Duration.ofSeconds(20));
 *     List<Series> answer = prometheus.provider().query("sum(demo_requests_total)", Instant.now());
 *     prometheus.stop();   // Prometheus is down: queries fail with "refused the connection"
 *     prometheus.start();  // back on the same port with the same data
 * }
 * }</pre>
 *
 * <p>Without the binary the calling test is skipped; where {@value #REQUIRED} is set (CI), it fails
 * instead. Call {@link #assumeInstalled()} or {@link #scraping} from a {@code @BeforeEach} (starting
 * the server once, into a static field), so that each test shows as skipped: from a
 * {@code @BeforeAll} the class vanishes from the counts. Every child is killed when the JVM ends,
 * even if a test forgot to close it.
 *
 * <p>Timing, measured with Prometheus 2.42 on a 2-core machine: {@code /-/ready} answers about
 * 0.1 s after the process starts, but the first scrape comes about 5 s later whatever the scrape
 * interval (service discovery hands targets to the scraper on a fixed 5-second beat), and again
 * about 5 s after every {@link #start()}. Budget {@link #awaitSeries} accordingly (15 s or more).
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    /** set (to anything) where these tests must run, e.g. in CI: a missing binary then fails them */
    public static final String REQUIRED = "LIFTOFF_PROMETHEUS_TESTS";
    public static final String HINT = "needs Debian's package prometheus: apt-get install -y prometheus";

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-test-prometheus"));
    }

    /**
     * One scrape target.
     *
     * @param hostPort where the target answers, e.g. {@code 127.0.0.1:8081}
     * @param metricsPath the path Prometheus scrapes (default {@code /metrics})
     * @param labels extra labels Prometheus adds to every series of the target (besides {@code job},
     *     which is {@code target-<n>} in the order given, and {@code instance}, which is {@code hostPort})
     */
    public record Target(String hostPort, String metricsPath, Map<String, String> labels) {

        public Target {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        public static Target at(String hostPort) {
            return new Target(hostPort, "/metrics", Map.of());
        }

        public Target path(String metricsPath) {
            return new Target(hostPort, metricsPath, labels);
        }

        public Target label(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(labels);
            more.put(name, value);
            return new Target(hostPort, metricsPath, more);
        }
    }

    private final Path home;
    private final Path config;
    private final Path data;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private PrometheusServer(Duration scrapeInterval, List<Target> targets) throws IOException {
        home = Files.createTempDirectory("liftoff-prometheus-");
        config = home.resolve("prometheus.yml");
        data = home.resolve("data");
        log = home.resolve("prometheus.log");
        Files.writeString(config, PrometheusConfigFile.render(scrapeInterval, targets));
        port = freePort();
    }

    /**
     * Starts Prometheus scraping {@code targets} every {@code scrapeInterval}, and returns once it
     * is ready. Skips the calling test when the binary is missing (fails it where {@value #REQUIRED} is set).
     */
    public static PrometheusServer scraping(Duration scrapeInterval, Target... targets) {
        assumeInstalled();
        try {
            PrometheusServer server = new PrometheusServer(scrapeInterval, List.of(targets));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Prometheus' configuration and data directory", e);
        }
    }

    /** skips the calling test without Prometheus, or fails it where {@value #REQUIRED} is set */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (System.getenv(REQUIRED) != null && !installed) {
            throw new IllegalStateException(HINT);
        }
        Assumptions.assumeTrue(installed, HINT);
    }

    /** e.g. {@code http://127.0.0.1:39113}, the same across {@link #stop()} and {@link #start()} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** where its prometheus.yml, data/ and prometheus.log are, until {@link #close()} */
    public Path directory() {
        return home;
    }

    /** a provider named {@code prometheus} at {@link #uri()}, as Liftoff builds it (timeout 10 s) */
    public MetricProvider provider() {
        MetricProviderConfig settings = MetricProviderConfig.prometheus(uri());
        SecretResolver noSecrets = new SecretResolver(new StandardEnvironment());
        return new PrometheusProvider("prometheus", settings,
                PrometheusClientFactory.create("liftoff.metrics.providers.prometheus", settings, noSecrets, null));
    }

    /** starts Prometheus (again) on the same port and data directory; returns once {@code /-/ready} answers 200 */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + BINARY, e);
        }
        RUNNING.add(process);
        awaitReady();
    }

    /** stops Prometheus gracefully (SIGTERM, as a service manager does), killing it after 10 s; keeps its data */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until an instant query of {@code promql} returns at least one sample, and returns that
     * answer.
     *
     * @throws AssertionError when none came within {@code within}, with the last answer or failure
     *     and the end of Prometheus' log
     */
    public List<Series> awaitSeries(String promql, Duration within) {
        MetricProvider provider = provider();
        Instant deadline = Instant.now().plus(within);
        String last = "no answer yet";
        while (true) {
            try {
                List<Series> answer = provider.query(promql, Instant.now());
                if (answer.stream().anyMatch(series -> !series.samples().isEmpty())) {
                    return answer;
                }
                last = "an empty answer";
            } catch (ProviderException e) {
                last = e.getMessage();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Prometheus returned no sample of " + promql + " within " + within + " (last: " + last + ")"
                        + "\n--- prometheus.log, last lines ---\n" + logTail());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** the last 40 lines of Prometheus' output, for a failure message */
    public String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }

    /** stops Prometheus and removes its configuration and data */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a test
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpRequest ready = HttpRequest.newBuilder(uri().resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Prometheus", e);
            }
            pause(Duration.ofMillis(50));
        }
        stop();
        throw new IllegalStateException("Prometheus was not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Prometheus", e);
        }
    }

    /** prometheus.yml: one scrape job per target, named {@code target-<n>} */
    static final class PrometheusConfigFile {

        private PrometheusConfigFile() {
        }

        static String render(Duration scrapeInterval, List<Target> targets) {
            String interval = scrapeInterval.toMillis() + "ms";
            StringBuilder yaml = new StringBuilder()
                    .append("global:\n")
                    .append("  scrape_interval: ").append(interval).append('\n')
                    .append("  evaluation_interval: ").append(interval).append('\n')
                    .append("scrape_configs:\n");
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                yaml.append("  - job_name: ").append(quoted("target-" + i)).append('\n')
                        .append("    metrics_path: ").append(quoted(target.metricsPath())).append('\n')
                        .append("    static_configs:\n")
                        .append("      - targets: [").append(quoted(target.hostPort())).append("]\n");
                if (!target.labels().isEmpty()) {
                    yaml.append("        labels:\n");
                    target.labels().forEach((name, value) ->
                            yaml.append("          ").append(quoted(name)).append(": ").append(quoted(value)).append('\n'));
                }
            }
            return yaml.toString();
        }

        /** a YAML double-quoted scalar */
        private static String quoted(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }
    }
}
