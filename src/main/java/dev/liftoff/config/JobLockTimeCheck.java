package dev.liftoff.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a step may run longer than its job stays locked. A job's lock
 * ({@code camunda.bpm.job-execution.lock-time-in-millis}) is how long other nodes leave a job they
 * see running alone; a step still running after that is taken up a second time by another node, and
 * a deploy or a traffic switch would then happen twice. So every limit of a single step (a deploy
 * call, the wait for the new commit, a verification) must end {@link #MARGIN} before the lock does,
 * or, with a lock shorter than twice that (a cluster that fails over fast), halfway through it.
 */
@Component
public class JobLockTimeCheck {

    public static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis";
    static final Duration MARGIN = Duration.ofMinutes(2);
    /** Camunda's own default, when the property is not set */
    static final long ENGINE_DEFAULT_MILLIS = 300_000;

    public JobLockTimeCheck(LiftoffProperties properties, @Value("${" + LOCK_TIME + ":" + ENGINE_DEFAULT_MILLIS + "}") long lockMillis) {
        Duration lock = Duration.ofMillis(lockMillis);
        Map<String, Duration> tooLong = tooLong(properties, lock);
        if (!tooLong.isEmpty()) {
            Duration longest = tooLong.values().stream().max(Duration::compareTo).orElseThrow();
            throw new IllegalStateException("A step may outlast its job's lock (" + LOCK_TIME + " = " + lockMillis
                    + ", i.e. " + lock + "): another node would run it a second time. Shorten "
                    + String.join(", ", tooLong.entrySet().stream().map(limit -> limit.getKey() + " (" + limit.getValue() + ")").toList())
                    + ", or raise " + LOCK_TIME + " to at least " + lockFor(longest).toMillis() + " ms (a step must end "
                    + MARGIN.toMinutes() + " minutes before its job's lock expires, or halfway through a lock shorter than "
                    + MARGIN.multipliedBy(2).toMinutes() + " minutes).");
        }
    }

    static Map<String, Duration> tooLong(LiftoffProperties properties, Duration lock) {
        Map<String, Duration> tooLong = new LinkedHashMap<>();
        properties.services().forEach((service, config) -> limits(service, config).forEach((key, limit) -> {
            if (limit.plus(margin(lock)).compareTo(lock) > 0) {
                tooLong.put(key, limit);
            }
        }));
        return tooLong;
    }

    /** what a step must leave of its job's lock: {@link #MARGIN}, or half of a lock shorter than twice that */
    public static Duration margin(Duration lock) {
        Duration half = lock.dividedBy(2);
        return half.compareTo(MARGIN) < 0 ? half : MARGIN;
    }

    /** the shortest lock that leaves a step of that limit its margin */
    public static Duration lockFor(Duration limit) {
        return limit.compareTo(MARGIN) < 0 ? limit.multipliedBy(2) : limit.plus(MARGIN);
    }

    /** every limit of a single step of the service, by its configuration key */
    private static Map<String, Duration> limits(String service, ServiceConfig config) {
        String prefix = "liftoff.services." + service + ".";
        Map<String, Duration> limits = new LinkedHashMap<>();
        limits.put(prefix + "verification.deadline", config.verification().deadline());
        config.environments().forEach((name, environment) -> {
            String at = prefix + "environments." + name + ".";
            limits.put(at + "deploy-timeout", environment.deployTimeout());
            target(limits, at + "deploy", environment.deploy());
            if (environment.blueGreen() != null) {
                target(limits, at + "blue-green.switch", environment.blueGreen().switchTarget());
            }
            if (environment.canary() != null) {
                // its analysis steps, with their metric analyses, are AnalysisLockTimeCheck's
                target(limits, at + "canary.traffic", environment.canary().traffic());
            }
        });
        return limits;
    }

    private static void target(Map<String, Duration> limits, String key, DeployTargetConfig target) {
        if (target == null) {
            return;
        }
        if (target.type() == DeployTargetConfig.Type.WEBHOOK && target.webhook() != null) {
            limits.put(key + ".webhook.timeout", target.webhook().timeout());
        }
        if (target.type() == DeployTargetConfig.Type.COMMAND && target.command() != null) {
            limits.put(key + ".command.timeout", target.command().timeout());
        }
    }
}
