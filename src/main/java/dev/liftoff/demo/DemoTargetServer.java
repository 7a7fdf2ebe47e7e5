package dev.liftoff.demo;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.liftoff.config.ServiceConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The built-in demo target: the study-api's staging, production (blue-green: its live slot on the
 * production port, its idle slot on the production idle port), the study-canary's staging and
 * production (a canary: a router on the canary production port splitting requests by weight between
 * the stable build and the canary build, each also on a port of its own), and their deploy webhook
 * with its traffic switch and its traffic weights, each on its own loopback port, so that a release
 * runs end to end with nothing else installed. The ports users reach serve their request metrics at
 * {@code /metrics} for a Prometheus to scrape; faults can be injected into the study-api's builds
 * ({@link DemoFaults}), and with {@code liftoff.demo.traffic-per-second} all get steady traffic.
 * It starts while the context is built, before the engine's job executor picks up a release.
 */
@Component
@Profile(DemoPorts.DEMO_PROFILE)
public class DemoTargetServer {

    static {
        // the JDK server otherwise answers small GETs after a delayed ACK (~40 ms), which would
        // count against the demo's latency targets; read once, when the first server starts
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Logger log = LoggerFactory.getLogger(DemoTargetServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String DEPLOYER = "deployer";
    private static final String IDLE_SUFFIX = "-idle";
    private static final String CANARY_SERVICE_PREFIX = "canary-";
    private static final String CANARY_STABLE = "canary-stable";
    private static final String CANARY_SLOT = "canary";
    // room for Liftoff's checks (two at a time per endpoint) next to the demo traffic's
    // DemoTraffic.MAX_IN_FLIGHT, even while an injected fault holds each answer back
    private static final int THREADS_PER_SERVER = 8;

    private final DemoProperties properties;
    private final String deployToken;
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private DemoFaults faults;
    private DemoTraffic traffic;
    private DemoDeployer deployer;

    public DemoTargetServer(DemoProperties properties, @Value("${" + DemoPorts.DEPLOY_TOKEN + "}") String deployToken) {
        this.properties = properties;
        this.deployToken = deployToken;
    }

    @PostConstruct
    public void start() {
        RunningBuild initial = new RunningBuild(properties.initialVersion(), properties.initialCommit(), Instant.now());
        DemoSlots staging = new DemoSlots(ServiceConfig.STAGING, initial);
        DemoSlots production = new DemoSlots(ServiceConfig.PRODUCTION, initial);
        Map<String, DemoSlots> environments = Map.of(staging.name(), staging, production.name(), production);
        StudyApiHandler api = new StudyApiHandler(new CorsPolicy(properties.allowedOrigin()));
        faults = new DemoFaults(environments);
        DeployableEnvironments targets = new DeployableEnvironments()
                .add(DeployRequest.SERVICE, Map.of(ServiceConfig.STAGING, staging, ServiceConfig.PRODUCTION, production));
        ScheduledExecutorService switches = Executors.newSingleThreadScheduledExecutor(daemonThreads("demo-deploy"));
        executors.add(switches);
        try {
            serve(ServiceConfig.STAGING, DemoPorts.STAGING_PORT, properties.stagingPort(),
                    new StudyApiPort(staging::live, api, faults, new StudyApiMetrics(DeployRequest.SERVICE, ServiceConfig.STAGING)));
            serve(ServiceConfig.PRODUCTION, DemoPorts.PRODUCTION_PORT, properties.productionPort(),
                    new StudyApiPort(production::live, api, faults, new StudyApiMetrics(DeployRequest.SERVICE, ServiceConfig.PRODUCTION)));
            serve(ServiceConfig.PRODUCTION + IDLE_SUFFIX, DemoPorts.PRODUCTION_IDLE_PORT, properties.productionIdlePort(),
                    new StudyApiPort(production::idle, api, faults, null));
            targets.add(DeployRequest.CANARY_SERVICE, serveStudyCanary(initial, api));
            deployer = new DemoDeployer(deployToken, targets, properties.deployDelay(), switches);
            serve(DEPLOYER, DemoPorts.DEPLOYER_PORT, properties.deployerPort(), deployer);
            servers.get(DEPLOYER).createContext(DemoIssueTracker.PREFIX + "/", new DemoIssueTracker(deployToken));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        log.info("Demo study-api started: staging {}, production {} (idle slot {}), deploy webhook {}, traffic switch {}, "
                        + "issue tracker {}; request metrics for Prometheus at {} and {}", baseUrl(ServiceConfig.STAGING),
                baseUrl(ServiceConfig.PRODUCTION), idleUrl(ServiceConfig.PRODUCTION), deployerUrl().resolve("/deploy"),
                deployerUrl().resolve("/switch"), issueTrackerUrl(), metricsUrl(ServiceConfig.STAGING),
                metricsUrl(ServiceConfig.PRODUCTION));
        log.info("Demo study-canary started: staging {}, production {} (a router: stable build {}, canary build {}), traffic "
                        + "weights {}; request metrics for Prometheus at {} and {}", studyCanaryUrl(ServiceConfig.STAGING),
                studyCanaryUrl(ServiceConfig.PRODUCTION), stableUrl(), canaryUrl(), deployerUrl().resolve("/traffic"),
                studyCanaryUrl(ServiceConfig.STAGING).resolve(StudyApiMetrics.PATH),
                studyCanaryUrl(ServiceConfig.PRODUCTION).resolve(StudyApiMetrics.PATH));
        if (properties.prometheusUrl() != null) {
            log.info("Demo services: for the Prometheus at {} to scrape them, add to its prometheus.yml:\n{}", properties.prometheusUrl(),
                    scrapeConfig());
        }
        if (properties.trafficPerSecond() > 0) {
            traffic = new DemoTraffic(List.of(baseUrl(ServiceConfig.STAGING), baseUrl(ServiceConfig.PRODUCTION),
                    studyCanaryUrl(ServiceConfig.STAGING), studyCanaryUrl(ServiceConfig.PRODUCTION)), properties.trafficPerSecond());
            traffic.start();
        }
    }

    /**
     * Serves study-canary: staging takes direct deploys; production is a canary whose router users reach,
     * with its stable and canary builds each on a port of their own. Faults are for the study-api only.
     *
     * @return its environments, for the deployer
     */
    private Map<String, DeployableEnvironment> serveStudyCanary(RunningBuild initial, StudyApiHandler api) {
        DemoEnvironment staging = new DemoEnvironment(DeployRequest.CANARY_SERVICE, ServiceConfig.STAGING, initial);
        CanarySlots production = new CanarySlots(initial);
        DemoFaults none = new DemoFaults(Map.of());
        serve(CANARY_SERVICE_PREFIX + ServiceConfig.STAGING, DemoPorts.CANARY_STAGING_PORT, properties.canaryStagingPort(),
                new StudyApiPort(() -> staging, api, none, new StudyApiMetrics(DeployRequest.CANARY_SERVICE, ServiceConfig.STAGING)));
        serve(CANARY_SERVICE_PREFIX + ServiceConfig.PRODUCTION, DemoPorts.CANARY_PRODUCTION_PORT, properties.canaryProductionPort(),
                new StudyApiPort(production::route, api, none,
                        new StudyApiMetrics(DeployRequest.CANARY_SERVICE, ServiceConfig.PRODUCTION)));
        serve(CANARY_STABLE, DemoPorts.CANARY_STABLE_PORT, properties.canaryStablePort(),
                new StudyApiPort(production::stable, api, none, null));
        serve(CANARY_SLOT, DemoPorts.CANARY_PORT, properties.canaryPort(), new StudyApiPort(production::canary, api, none, null));
        return Map.of(ServiceConfig.STAGING, staging, ServiceConfig.PRODUCTION, production);
    }

    @PreDestroy
    public void stop() {
        if (traffic != null) {
            traffic.stop();
            traffic = null;
        }
        servers.values().forEach(server -> server.stop(0));
        servers.clear();
        executors.forEach(ExecutorService::shutdownNow);
        executors.clear();
    }

    /** Where an environment ({@code staging} or {@code production}) answers, e.g. {@code http://127.0.0.1:8181}. */
    public URI baseUrl(String environment) {
        return urlOf(environment);
    }

    /** Where the idle slot of a blue-green environment ({@code production}) answers. */
    public URI idleUrl(String environment) {
        return urlOf(environment + IDLE_SUFFIX);
    }

    /**
     * Where an environment of study-canary ({@code staging} or {@code production}) answers; production's
     * is the router, which sends each request to the stable or the canary build by the weight in force.
     */
    public URI studyCanaryUrl(String environment) {
        return urlOf(CANARY_SERVICE_PREFIX + environment);
    }

    /** Where study-canary production's stable build answers directly. */
    public URI stableUrl() {
        return urlOf(CANARY_STABLE);
    }

    /** Where study-canary production's canary build answers directly. */
    public URI canaryUrl() {
        return urlOf(CANARY_SLOT);
    }

    /** Where an environment's request metrics are, in the Prometheus text format, e.g. {@code http://127.0.0.1:8181/metrics}. */
    public URI metricsUrl(String environment) {
        return baseUrl(environment).resolve(StudyApiMetrics.PATH);
    }

    /** study-canary's weight changes as its router applied them, in order, with the requests routed each way under each */
    List<WeightChange.View> canaryWeights() {
        if (deployer == null) {
            throw new IllegalStateException("the demo study-canary is not running");
        }
        return deployer.weightChanges();
    }

    /** The faults injected into the builds staging and production run. */
    DemoFaults faults() {
        if (faults == null) {
            throw new IllegalStateException("the demo study-api is not running");
        }
        return faults;
    }

    /** {@code scrape_configs} entries for prometheus.yml that scrape both services' staging and production every 5 seconds. */
    String scrapeConfig() {
        return """
                scrape_configs:
                  - job_name: study-api
                    scrape_interval: 5s
                    metrics_path: %1$s
                    static_configs:
                      - targets: ['%2$s:%3$d', '%2$s:%4$d']
                  - job_name: study-canary
                    scrape_interval: 5s
                    metrics_path: %1$s
                    static_configs:
                      - targets: ['%2$s:%5$d', '%2$s:%6$d']
                """.formatted(StudyApiMetrics.PATH, LOOPBACK, baseUrl(ServiceConfig.STAGING).getPort(),
                baseUrl(ServiceConfig.PRODUCTION).getPort(), studyCanaryUrl(ServiceConfig.STAGING).getPort(),
                studyCanaryUrl(ServiceConfig.PRODUCTION).getPort()).stripTrailing();
    }

    /**
     * Where the deployer answers: {@code POST /deploy}, {@code POST /switch}, {@code POST /traffic},
     * {@code GET /deployments} and {@code GET /traffic} below it.
     */
    public URI deployerUrl() {
        return urlOf(DEPLOYER);
    }

    /** The GitHub-style API base of the demo issue tracker, e.g. {@code http://127.0.0.1:8180/github}. */
    public URI issueTrackerUrl() {
        return URI.create(deployerUrl() + DemoIssueTracker.PREFIX);
    }

    private URI urlOf(String name) {
        HttpServer server = servers.get(name);
        if (server == null) {
            throw new IllegalStateException("the demo " + name + " server is not running");
        }
        return URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
    }

    private void serve(String name, String portProperty, int port, HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (BindException e) {
            throw new IllegalStateException(portProperty + " " + port + " is in use; set another port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo " + name + " server on port " + port, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_SERVER, daemonThreads("demo-" + name));
        executors.add(pool);
        server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();
        servers.put(name, server);
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
