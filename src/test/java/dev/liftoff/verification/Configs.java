package dev.liftoff.verification;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.CorsPreflightCheck;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.HealthEndpoint;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecurityHeadersCheck;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import dev.liftoff.config.VerificationSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liftoff configuration for one service, "study-api", whose staging runs at a given base URL;
 * requests time out after 2 s unless a test sets its own verification settings.
 */
final class Configs {

    static final String SERVICE = "study-api";
    static final String STAGING = ServiceConfig.STAGING;

    private Configs() {
    }

    static LiftoffProperties properties(URI stagingUrl, List<SmokeCheck> smoke) {
        return properties(environment(stagingUrl, null, Duration.ofSeconds(5)), smoke);
    }

    static LiftoffProperties properties(EnvironmentConfig staging, List<SmokeCheck> smoke) {
        return service(staging).smoke(smoke).properties();
    }

    /** a service whose staging runs at {@code stagingUrl}, to which checks and settings are added */
    static Service service(URI stagingUrl) {
        return service(environment(stagingUrl, null, Duration.ofSeconds(5)));
    }

    static Service service(EnvironmentConfig staging) {
        return new Service(staging);
    }

    /** verification limits; 0 or null takes the default */
    static VerificationSettings settings(int parallelism, Duration requestTimeout, Duration deadline, int maxRequestsPerSecond,
            boolean http2) {
        return new VerificationSettings(parallelism, requestTimeout, deadline, maxRequestsPerSecond, http2);
    }

    static final class Service {

        private final EnvironmentConfig staging;
        private List<SmokeCheck> smoke = List.of();
        private List<LatencyCheck> latency = List.of();
        private SecurityHeadersCheck securityHeaders;
        private List<CorsPreflightCheck> cors = List.of();
        // short enough that a test about something else never waits long on a silent environment
        private VerificationSettings settings = Configs.settings(0, Duration.ofSeconds(2), null, 0, false);

        private Service(EnvironmentConfig staging) {
            this.staging = staging;
        }

        Service smoke(List<SmokeCheck> smoke) {
            this.smoke = smoke;
            return this;
        }

        Service smoke(SmokeCheck... smoke) {
            return smoke(List.of(smoke));
        }

        Service latency(LatencyCheck... latency) {
            this.latency = List.of(latency);
            return this;
        }

        Service securityHeaders(SecurityHeadersCheck securityHeaders) {
            this.securityHeaders = securityHeaders;
            return this;
        }

        Service cors(CorsPreflightCheck... cors) {
            this.cors = List.of(cors);
            return this;
        }

        Service settings(VerificationSettings settings) {
            this.settings = settings;
            return this;
        }

        LiftoffProperties properties() {
            EnvironmentConfig production = environment(URI.create("http://production.invalid"), null, Duration.ofMinutes(5));
            ServiceConfig service = new ServiceConfig(Map.of(STAGING, staging, ServiceConfig.PRODUCTION, production), smoke, latency,
                    securityHeaders, cors, settings, null, null);
            return new LiftoffProperties(new AdminProperties("admin", "x"), Map.of(SERVICE, service));
        }

        VerificationService verificationService() {
            return new VerificationService(properties());
        }
    }

    static EnvironmentConfig environment(URI baseUrl, HealthEndpoint health, Duration deployTimeout) {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.COMMAND, null,
                new DeployTargetConfig.Command(List.of("./deploy.sh"), null, null));
        return new EnvironmentConfig(baseUrl, health, null, deploy, deployTimeout);
    }

    static SmokeCheck post(String name, String path, String body, SmokeExpectation... expect) {
        return new SmokeCheck(name, "POST", path, null, body, List.of(expect));
    }

    /** GET {@code path} {@code samples} times, {@code concurrency} at a time, against targets (null: none) */
    static LatencyCheck latency(String name, String path, int samples, int concurrency, Duration p50, Duration p95, Duration p99) {
        return new LatencyCheck(name, "GET", path, null, null, samples, concurrency, p50, p95, p99);
    }

    /** header name → value regex, "" for present with any value; in this order */
    static SecurityHeadersCheck securityHeaders(List<String> paths, String... nameThenRegex) {
        Map<String, String> required = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRegex.length; i += 2) {
            required.put(nameThenRegex[i], nameThenRegex[i + 1]);
        }
        return new SecurityHeadersCheck(required, paths);
    }

    static CorsPreflightCheck cors(String path, String origin, String method, String... requestHeaders) {
        return new CorsPreflightCheck(path, origin, method, List.of(requestHeaders));
    }

    static SmokeCheck get(String name, String path, SmokeExpectation... expect) {
        return new SmokeCheck(name, "GET", path, null, null, List.of(expect));
    }

    static SmokeExpectation status(String status) {
        return new SmokeExpectation(status, null, null, null, null, null, null, null, null, null);
    }

    static SmokeExpectation json(String pointer) {
        return json(pointer, null, null, null, null, null);
    }

    static SmokeExpectation json(String pointer, String equals, Boolean exists, String matches, BigDecimal min, BigDecimal max) {
        return new SmokeExpectation(null, pointer, null, null, null, equals, exists, matches, min, max);
    }

    static SmokeExpectation header(String name, String equals, String matches) {
        return new SmokeExpectation(null, null, name, null, null, equals, null, matches, null, null);
    }

    static SmokeExpectation bodyContains(String text) {
        return new SmokeExpectation(null, null, null, text, null, null, null, null, null, null);
    }

    static SmokeExpectation maxLatency(Duration latency) {
        return new SmokeExpectation(null, null, null, null, latency, null, null, null, null, null);
    }
}
