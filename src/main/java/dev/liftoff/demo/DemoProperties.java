package dev.liftoff.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in demo target service under {@code liftoff.demo}.
 *
 * @param stagingPort loopback port of the staging study-api; 0 picks a free one
 * @param productionPort loopback port of the production study-api's live slot; 0 picks a free one
 * @param productionIdlePort loopback port of the production study-api's idle slot (blue-green); 0 picks a free one
 * @param deployerPort loopback port of the deploy webhook; 0 picks a free one
 * @param deployDelay how long an accepted deploy takes before the environment runs the new build
 * @param initialVersion the version both environments run at start
 * @param initialCommit the commit both environments run at start
 * @param allowedOrigin the one browser origin the study-api answers CORS requests for
 */
@Validated
@Profile(DemoPorts.DEMO_PROFILE)
@ConfigurationProperties("liftoff.demo")
public record DemoProperties(
        @Min(0) @Max(65535) int stagingPort,
        @Min(0) @Max(65535) int productionPort,
        @Min(0) @Max(65535) int productionIdlePort,
        @Min(0) @Max(65535) int deployerPort,
        Duration deployDelay,
        String initialVersion,
        String initialCommit,
        String allowedOrigin) {

    public DemoProperties {
        deployDelay = deployDelay == null ? Duration.ofMillis(300) : deployDelay;
        initialVersion = initialVersion == null ? "2026.11.0" : initialVersion;
        initialCommit = initialCommit == null ? "7d3e1f0a9b8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e" : initialCommit;
        allowedOrigin = allowedOrigin == null ? "https://study.example.com" : allowedOrigin;
    }

    /** Free loopback ports and defaults otherwise: how tests start the demo service without Spring. */
    public static DemoProperties onFreePorts(Duration deployDelay) {
        return new DemoProperties(0, 0, 0, 0, deployDelay, null, null, null);
    }
}
