package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Time to detect: from the moment a fault starts at the demo's production (every request of its
 * live build answers HTTP 500) to the rollback invoked (the production sub-process' trigger boundary
 * fires, in the engine's history), over {@value #RUNS} releases after one warm-up, each fault
 * started at another point of the trigger's cadence. Each subclass is one way of detecting it, in
 * an application of its own; {@code bench/metrics.sh} runs both and prints them side by side.
 */
// one Camunda engine per JVM at a time: each detector's application closes when it is done
@DirtiesContext
abstract class DetectionBenchmark {

    static final int RUNS = 5;
    private static final Duration STEP = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    /** what detects the fault, for the table */
    abstract String detector();

    /** the cadence the detector looks at production with: faults start spread over it */
    abstract Duration cadence();

    /** waits until production is watched the way this detector watches it */
    abstract void awaitWatching(ReleaseDriver driver, String release);

    /** where the medians go */
    abstract Path output();

    /** the goal, when there is one, in ms */
    abstract Long goalMs();

    @Test
    void timeFromFaultToRollbackInvoked() throws Exception {
        LiftoffClient client = new LiftoffClient(port);
        ReleaseDriver driver = new ReleaseDriver(client, STEP);
        List<Long> detected = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            String release = driver.start("c0ffee" + String.format("%08x", run) + "ab", "erin");
            driver.approveThroughSignoff(release);
            awaitWatching(driver, release);
            // each fault starts at another point of the cadence
            Thread.sleep(cadence().toMillis() * run / (RUNS + 1));
            Instant faultStarted = Instant.now();
            LiftoffClient.Reply injected = client.post("otto", "/api/demo/faults", Map.of("environment", "production", "errorPercent", 100));
            assertThat(injected.status()).as(injected.body()).isEqualTo(200);
            assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
            Instant invoked = rollbackInvoked(client, driver.rootId(release));
            if (run > 0) { // the first run warms Liftoff up
                detected.add(Duration.between(faultStarted, invoked).toMillis());
                reasons.add(driver.text(release, "rollbackTrigger"));
            }
            client.delete("otto", "/api/demo/faults");
        }
        write(detected, reasons);
        if (goalMs() != null) {
            assertThat(median(detected)).isLessThanOrEqualTo(goalMs());
        }
    }

    private static Instant rollbackInvoked(LiftoffClient client, String rootId) {
        JsonNode boundary = client.get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + rootId
                + "&activityId=BoundaryEvent_RollbackTriggered").json();
        assertThat(boundary.size()).as("the rollback trigger's boundary fired").isEqualTo(1);
        return java.time.OffsetDateTime.parse(boundary.get(0).path("startTime").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private void write(List<Long> detected, List<String> reasons) throws IOException {
        String row = "| " + detector() + " | " + median(detected) + " ms | " + detected.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + " | " + (goalMs() == null ? "" : "≤ " + goalMs() + " ms: "
                + (median(detected) <= goalMs() ? "met" : "NOT met")) + " | " + reasons.get(0).replace("|", "\\|") + " |\n";
        Files.createDirectories(output().toAbsolutePath().getParent());
        Files.writeString(output(), row);
        System.out.println(row);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
