package dev.liftoff.metrics;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Liftoff's own meters, under the names of the public contract (Prometheus adds {@code _total} and
 * {@code _seconds}). Every label value comes from a small known set: a service or environment that
 * is not configured is {@code unknown}, so a request naming anything at all adds no series.
 */
@Component
public class ReleaseMeters {

    static final String RELEASES = "liftoff.releases";
    static final String RELEASE_DURATION = "liftoff.release.duration";
    static final String GATE_WAIT = "liftoff.gate.wait";
    static final String VERIFICATION = "liftoff.verification";
    static final String ROLLBACKS = "liftoff.rollbacks";

    static final String UNKNOWN = "unknown";
    /** a release deleted (in Cockpit, over REST) before it recorded an outcome */
    static final String CANCELLED = "CANCELLED";

    // a release takes minutes (rejected at once) to days (UAT, a 24-hour window on each environment)
    private static final Duration[] RELEASE_BUCKETS = {Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7)};
    // a person answers in minutes (an incident) to days (UAT is due after 48 hours)
    private static final Duration[] GATE_BUCKETS = {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)};
    // a verification runs its checks in seconds to a few minutes
    private static final Duration[] VERIFICATION_BUCKETS = {Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)};

    private final MeterRegistry registry;
    private final Set<String> services;
    private final Set<String> environments;

    public ReleaseMeters(MeterRegistry registry, LiftoffProperties properties) {
        this.registry = registry;
        this.services = Set.copyOf(properties.services().keySet());
        this.environments = properties.services().values().stream().map(ServiceConfig::environments)
                .flatMap(declared -> declared.keySet().stream()).collect(Collectors.toUnmodifiableSet());
        // every series the configuration foresees exists from the start at 0: Prometheus' increase()
        // sees nothing of an event that makes a series appear, only of those that change it
        List<String> outcomes = Stream.concat(Arrays.stream(Outcome.values()).map(Outcome::name), Stream.of(CANCELLED)).toList();
        for (String service : Stream.concat(services.stream(), Stream.of(UNKNOWN)).toList()) {
            outcomes.forEach(outcome -> releases(service, outcome));
            releaseDuration(service);
        }
        services.forEach(service -> RollbackReasons.KNOWN.forEach(reason -> rollbacks(service, reason)));
        Set<String> gates = new TreeSet<>(Gates.FIXED);
        properties.services().values().forEach(service -> service.signoff().roles().forEach(role -> gates.add(Gates.SIGNOFF_PREFIX + role)));
        gates.forEach(gate -> Stream.of(GateWaitListener.COMPLETED, GateWaitListener.CANCELLED).forEach(ended -> gateWait(gate, ended)));
        Stream.concat(environments.stream(), Stream.of(VerificationTimeListener.ROLLBACK)).forEach(this::verification);
    }

    /** a root release-lifecycle instance ended; its duration is null when the history has no start */
    void releaseEnded(String service, String outcome, Duration duration) {
        releases(service, outcome).increment();
        if (duration != null) {
            releaseDuration(service).record(duration);
        }
    }

    /** a human task was completed or cancelled after it had been open that long */
    void gateClosed(String gate, String ended, Duration open) {
        gateWait(gate, ended).record(open);
    }

    /** a verification step ended (passed, failed or interrupted) after that long */
    void verified(String environment, Duration took) {
        verification(environment).record(took);
    }

    void rollbackStarted(String service, String reason) {
        rollbacks(service, reason).increment();
    }

    /** the service label: a configured service id, else {@value #UNKNOWN} */
    String service(Object variable) {
        return variable instanceof String id && services.contains(id) ? id : UNKNOWN;
    }

    /** the environment label: an environment some service declares, else {@value #UNKNOWN} */
    String environment(Object variable) {
        return variable instanceof String name && environments.contains(name) ? name : UNKNOWN;
    }

    /** the outcome label: the {@code outcome} variable when it is one of the four, else {@value #CANCELLED} */
    static String outcome(Object variable) {
        return Arrays.stream(Outcome.values()).map(Outcome::name).filter(name -> name.equals(variable)).findFirst().orElse(CANCELLED);
    }

    private Timer releaseDuration(String service) {
        return Timer.builder(RELEASE_DURATION).description("Time from a release's request to its outcome")
                .tag("service", service).serviceLevelObjectives(RELEASE_BUCKETS).register(registry);
    }

    private Timer gateWait(String gate, String ended) {
        return Timer.builder(GATE_WAIT).description("Time a human task was open, from its creation to its completion or cancellation")
                .tags("gate", gate, "ended", ended).serviceLevelObjectives(GATE_BUCKETS).register(registry);
    }

    private Timer verification(String environment) {
        return Timer.builder(VERIFICATION).description("Time a verification step of an environment took")
                .tag("environment", environment).serviceLevelObjectives(VERIFICATION_BUCKETS).register(registry);
    }

    private Counter releases(String service, String outcome) {
        return Counter.builder(RELEASES).description("Releases that ended, by service and outcome")
                .tags("service", service, "outcome", outcome).register(registry);
    }

    private Counter rollbacks(String service, String reason) {
        return Counter.builder(ROLLBACKS).description("Production rollbacks started, by service and what started them")
                .tags("service", service, "reason", reason).register(registry);
    }
}
