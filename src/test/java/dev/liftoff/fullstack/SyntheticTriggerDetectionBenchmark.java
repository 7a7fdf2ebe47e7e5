package dev.liftoff.fullstack;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Liftoff's synthetic watch on the same fault: a monitoring tick every 5 s (the whole verification
 * again, and the error-rate trigger's 20 probe requests, sustained for 1 s, probing every second
 * once above its threshold). Whichever of the tick's findings comes first rolls back.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:detection-bench-${random.uuid};DB_CLOSE_DELAY=-1",
        "liftoff.demo.free-ports=true",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].for=1s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].every=5s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].for=10m",
        "liftoff.services.study-api.environments.production.rollback-triggers.error-rate.sustained-for=1s",
        "liftoff.services.study-api.environments.production.rollback-triggers.error-rate.probe-every=1s",
        "liftoff.services.study-api.environments.production.rollback-triggers.latency-degradation.minimum-increase=500ms"})
// latency targets a busy machine cannot break before the fault starts
@ContextConfiguration(initializers = RelaxedDemoLatency.class)
@ActiveProfiles("demo")
class SyntheticTriggerDetectionBenchmark extends DetectionBenchmark {

    @Override
    String detector() {
        return "synthetic monitoring tick (every 5 s: verification + error-rate probes, sustained 1 s)";
    }

    @Override
    Duration cadence() {
        return Duration.ofSeconds(5);
    }

    @Override
    void awaitWatching(ReleaseDriver driver, String release) {
        LiftoffClient.await("the first production tick of " + release, Duration.ofSeconds(120),
                () -> driver.variable(release, "productionMonitoring").path("ticks").size() > 0 ? true : null);
    }

    @Override
    Path output() {
        return Path.of(System.getProperty("liftoff.bench.detection-output", "target/bench"), "detection-synthetic.md");
    }

    @Override
    Long goalMs() {
        return null;
    }
}
