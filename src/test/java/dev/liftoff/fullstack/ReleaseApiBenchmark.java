package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import dev.liftoff.process.ProcessKeys;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long {@code POST /api/releases} takes to bring a release to its first user task (the
 * Go/No-Go, after the readiness checks probed staging's and production's health over HTTP):
 * sequentially, one request at a time, and from 16 clients at once. Every request is for a
 * distinct service of a generated configuration (bench-0000, bench-0001, …) whose environments
 * answer on a local server, so that no release waits for another of its service. The time runs
 * from just before the request is sent to the Go/No-Go's creation time in the engine. Run with
 * {@code bench/release-api.sh}.
 */
@Tag("benchmark")
@DemoStack
class ReleaseApiBenchmark {

    private static final int WARM_UP = 300;
    private static final int SEQUENTIAL = 500;
    private static final int CLIENTS = 16;
    private static final int CONCURRENT = 320;
    private static final int SERVICES = WARM_UP + SEQUENTIAL + CONCURRENT;
    private static final long GOAL_P95_SEQUENTIAL_MS = 50;

    static final HttpServer ENVIRONMENTS = healthyEnvironments();
    private static final List<String> results = new ArrayList<>();

    @DynamicPropertySource
    static void generatedServices(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + ENVIRONMENTS.getAddress().getPort();
        for (int i = 0; i < SERVICES; i++) {
            String service = "liftoff.services." + service(i);
            for (String environment : List.of("staging", "production")) {
                String prefix = service + ".environments." + environment;
                registry.add(prefix + ".base-url", () -> base);
                registry.add(prefix + ".deploy.type", () -> "webhook");
                registry.add(prefix + ".deploy.webhook.url", () -> base + "/deploy");
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    private final List<Timing> sequentialParts = new ArrayList<>();

    @AfterAll
    static void writeResults() throws IOException {
        ENVIRONMENTS.stop(0);
        String markdown = "## Release API: start to first user task (" + LocalDate.now() + ")\n\n" + String.join("\n", results);
        Path output = Path.of(System.getProperty("liftoff.bench.release-api-output", "target/bench/release-api.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
    }

    @Test
    void startsAReleaseToItsGoNoGoWithinFiftyMillisecondsAtP95() throws Exception {
        LiftoffClient client = new LiftoffClient(port);
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < WARM_UP; i++) {
            start(client, next.getAndIncrement());
        }
        List<Long> sequential = new ArrayList<>();
        List<Long> sequentialPost = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            Timing timing = start(client, next.getAndIncrement());
            sequential.add(timing.toFirstTaskMs());
            sequentialPost.add(timing.postMs());
            sequentialParts.add(timing);
        }

        ConcurrentLinkedQueue<Long> concurrent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> concurrentPost = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long wallStart = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                LiftoffClient own = new LiftoffClient(port);
                for (int i = next.getAndIncrement(); i < SERVICES; i = next.getAndIncrement()) {
                    try {
                        Timing timing = start(own, i);
                        concurrent.add(timing.toFirstTaskMs());
                        concurrentPost.add(timing.postMs());
                    } catch (AssertionError | RuntimeException e) {
                        errors.add(service(i) + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        clients.shutdown();
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

        results.add("""
                One node, H2 in memory, demo profile; every request for a distinct generated service.
                Time in ms from the request to the Go/No-Go's creation (readiness checks included), and
                of the POST alone:

                | run | requests | errors | p50 | p95 | p99 | max | POST p50 | POST p95 | goal |
                |---|---|---|---|---|---|---|---|---|---|
                | sequential, after %d warm-up | %d | 0 | %d | %d | %d | %d | %d | %d | p95 ≤ %d |
                | %d concurrent clients | %d | %d | %d | %d | %d | %d | %d | %d | no errors |

                The concurrent run took %.1f s: %.0f releases started per second.

                Where the sequential time goes (medians, ms): request → release instance started %d,
                → readiness checks taken up by the job executor %d, → Go/No-Go created (readiness
                checks: two health probes over HTTP at once, then the task and its announcement) %d, of
                which the readiness checks step itself %d.
                Request → Go/No-Go as releases pile up (each stays waiting at its Go/No-Go): median of
                the first 100 sequential starts %d (p95 %d), of the last 100 %d (p95 %d).
                """.formatted(WARM_UP, SEQUENTIAL, pct(sequential, 50), pct(sequential, 95), pct(sequential, 99),
                pct(sequential, 100), pct(sequentialPost, 50), pct(sequentialPost, 95), GOAL_P95_SEQUENTIAL_MS,
                CLIENTS, concurrent.size() + errors.size(), errors.size(), pct(concurrent, 50), pct(concurrent, 95),
                pct(concurrent, 99), pct(concurrent, 100), pct(concurrentPost, 50), pct(concurrentPost, 95),
                wallSeconds, concurrent.size() / wallSeconds,
                pct(sequentialParts.stream().map(Timing::toInstanceMs).toList(), 50),
                pct(sequentialParts.stream().map(Timing::toJobMs).toList(), 50),
                pct(sequentialParts.stream().map(Timing::toTaskMs).toList(), 50),
                pct(sequentialParts.stream().map(Timing::readinessMs).toList(), 50),
                pct(sequential.subList(0, 100), 50), pct(sequential.subList(0, 100), 95),
                pct(sequential.subList(SEQUENTIAL - 100, SEQUENTIAL), 50), pct(sequential.subList(SEQUENTIAL - 100, SEQUENTIAL), 95)));
        assertThat(errors).as("errors under concurrency").isEmpty();
        assertThat(pct(sequential, 95)).as("sequential p95, ms").isLessThanOrEqualTo(GOAL_P95_SEQUENTIAL_MS);
    }

    /**
     * One start, in ms: the POST alone, and request → Go/No-Go, split by the engine's history into
     * request → release instance started, → its readiness checks started (the asynchronous step
     * taken up by the job executor), → Go/No-Go created (readiness checks, task creation).
     */
    private record Timing(long postMs, long toFirstTaskMs, long toInstanceMs, long toJobMs, long toTaskMs, long readinessMs) {
    }

    private Timing start(LiftoffClient client, int i) {
        String service = service(i);
        long sentAt = System.currentTimeMillis();
        long sent = System.nanoTime();
        LiftoffClient.Reply reply = client.post("ci-bot", "/api/releases",
                Map.of("service", service, "version", "1.0.0", "commitSha", "abcdef1234", "requestedBy", "erin"));
        long postMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Task goNoGo = awaitGoNoGo(service + "@1.0.0");
        long created = goNoGo.getCreateTime().getTime();
        long instanceStart = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(service + "@1.0.0")
                .processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE).singleResult().getStartTime().getTime();
        HistoricActivityInstance readiness = history.createHistoricActivityInstanceQuery()
                .processInstanceId(goNoGo.getProcessInstanceId()).activityId("Task_RunReadinessChecks").singleResult();
        long checksStart = readiness.getStartTime().getTime();
        Long readinessMs = readiness.getDurationInMillis();
        return new Timing(postMs, created - sentAt, instanceStart - sentAt, checksStart - instanceStart, created - checksStart,
                readinessMs == null ? -1 : readinessMs);
    }

    private Task awaitGoNoGo(String businessKey) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey("UserTask_GoNoGo")
                    .singleResult();
            if (task != null) {
                return task;
            }
            try {
                // the time comes from the task's creation in the engine, not from this loop: look
                // rarely, so that looking does not take the CPU the release needs
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no Go/No-Go for " + businessKey + " within 30 s");
    }

    private static String service(int i) {
        return String.format("bench-%04d", i);
    }

    private static long pct(java.util.Collection<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** staging and production of every generated service: healthy, and nothing else is asked before the Go/No-Go */
    private static HttpServer healthyEnvironments() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] up = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, up.length);
                exchange.getResponseBody().write(up);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
