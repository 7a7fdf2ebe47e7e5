package dev.liftoff.fullstack;

import dev.liftoff.persistence.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the demo profile, on free ports and a fresh database of its own, with
 * monitoring windows of two ticks one second apart and study-canary's analyses 4 s long, so that a
 * release runs end to end in seconds,
 * and latency targets and a latency rollback trigger that ignore a busy machine's jitter
 * ({@link RelaxedDemoLatency}).
 * The database is H2 in memory, or with {@code ./mvnw verify -Ppostgres} (which runs the classes
 * tagged {@value #TAG} and nothing else) a fresh schema on PostgreSQL through the postgres profile:
 * see {@link TestDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DemoStack.TAG)
@ExtendWith(EngineStateOnFailure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liftoff.demo.free-ports=true",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].for=2s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].for=2s",
        "liftoff.services.study-canary.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-canary.environments.staging.monitoring.phases[0].for=2s",
        "liftoff.services.study-canary.environments.production.monitoring.phases[0].every=1s",
        "liftoff.services.study-canary.environments.production.monitoring.phases[0].for=2s",
        // study-canary's steps, with analyses of 4 s at 20 pairs a second: 13 pairs for each of 6 endpoints
        "liftoff.services.study-canary.environments.production.canary.steps[0].set-weight=10",
        "liftoff.services.study-canary.environments.production.canary.steps[1].analyze.for=4s",
        "liftoff.services.study-canary.environments.production.canary.steps[2].set-weight=50",
        "liftoff.services.study-canary.environments.production.canary.steps[3].analyze.for=4s",
        "liftoff.services.study-canary.environments.production.canary.steps[4].set-weight=100",
        "liftoff.services.study-canary.environments.production.canary.comparison.requests-per-second=20",
        // the demo's endpoints answer in 2-4 ms; on a busy 2-core machine, shared with the test and a
        // browser, one tick may measure 50 ms: no release's fault (the trigger has tests of its own)
        "liftoff.services.study-api.environments.production.rollback-triggers.latency-degradation.minimum-increase=500ms"})
@ContextConfiguration(initializers = {TestDatabase.class, RelaxedDemoLatency.class})
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
// the application's Prometheus registry and /actuator/prometheus, which a Spring Boot test leaves out otherwise
@AutoConfigureObservability(tracing = false)
// one Camunda engine per JVM at a time: each class closes its application when done
@DirtiesContext
public @interface DemoStack {

    /** the JUnit tag of every full-stack class: {@code -Ppostgres} runs these */
    String TAG = "full-stack";
}
