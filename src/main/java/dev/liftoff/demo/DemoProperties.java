package dev.liftoff.demo;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
 * @param canaryStagingPort loopback port of the staging study-canary (direct deploys); 0 picks a free one
 * @param canaryProductionPort loopback port of the production study-canary's router, which users reach and
 *     which splits their requests between the stable and the canary build by weight; 0 picks a free one
 * @param canaryStablePort loopback port where the production study-canary's stable build answers directly;
 *     0 picks a free one
 * @param canaryPort loopback port where the production study-canary's canary build answers directly; 0 picks
 *     a free one
 * @param deployDelay how long an accepted deploy takes before the environment runs the new build
 * @param initialVersion the version every environment and slot runs at start
 * @param initialCommit the commit every environment and slot runs at start
 * @param allowedOrigin the one browser origin the study-api answers CORS requests for
 * @param prometheusUrl the Prometheus that scrapes the study-api's {@code /metrics}; when set, the demo also
 *     loads {@code liftoff-demo-prometheus.yaml} (the metric analyses judged by it)
 * @param trafficPerSecond requests per second the demo sends to each of staging and production of both
 *     services, so that Prometheus has a rate to measure and a canary's router something to split;
 *     default 5 when {@code prometheus-url} is set, else 0 (none)
 */
@Validated
@Profile(DemoPorts.DEMO_PROFILE)
@ConfigurationProperties("liftoff.demo")
public record DemoProperties(
        @Min(0) @Max(65535) int stagingPort,
        @Min(0) @Max(65535) int productionPort,
        @Min(0) @Max(65535) int productionIdlePort,
        @Min(0) @Max(65535) int deployerPort,
        @Min(0) @Max(65535) int canaryStagingPort,
        @Min(0) @Max(65535) int canaryProductionPort,
        @Min(0) @Max(65535) int canaryStablePort,
        @Min(0) @Max(65535) int canaryPort,
        Duration deployDelay,
        String initialVersion,
        String initialCommit,
        String allowedOrigin,
        URI prometheusUrl,
        @Min(0) @Max(value = 100, message = "must be from 0 to 100 requests per second") Integer trafficPerSecond) {

    static final int TRAFFIC_WITH_PROMETHEUS = 5;

    public DemoProperties {
        deployDelay = deployDelay == null ? Duration.ofMillis(300) : deployDelay;
        initialVersion = initialVersion == null ? "2026.11.0" : initialVersion;
        initialCommit = initialCommit == null ? "7d3e1f0a9b8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e" : initialCommit;
        allowedOrigin = allowedOrigin == null ? "https://study.example.com" : allowedOrigin;
        trafficPerSecond = trafficPerSecond != null ? trafficPerSecond : prometheusUrl != null ? TRAFFIC_WITH_PROMETHEUS : 0;
    }

    /** Free loopback ports and defaults otherwise: how tests start the demo service without Spring. */
    public static DemoProperties onFreePorts(Duration deployDelay) {
        return new DemoProperties(0, 0, 0, 0, 0, 0, 0, 0, deployDelay, null, null, null, null, null);
    }

    /** The same demo, sending {@code perSecond} requests a second to each environment. */
    DemoProperties withTraffic(int perSecond) {
        return new DemoProperties(stagingPort, productionPort, productionIdlePort, deployerPort, canaryStagingPort,
                canaryProductionPort, canaryStablePort, canaryPort, deployDelay, initialVersion, initialCommit, allowedOrigin,
                prometheusUrl, perSecond);
    }

    @AssertTrue(message = "liftoff.demo.prometheus-url must be an absolute http(s) URL, e.g. http://127.0.0.1:9090")
    public boolean isPrometheusUrlUsable() {
        return prometheusUrl == null
                || (("http".equals(prometheusUrl.getScheme()) || "https".equals(prometheusUrl.getScheme())) && prometheusUrl.getHost() != null);
    }
}
