package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** The demo service as the demo profile starts it: ports and token from {@link DemoPorts}. */
class DemoProfileContextTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    @Import(DemoTargetServer.class)
    static class DemoServiceOnly {
    }

    private final DemoClient client = new DemoClient();

    @Test
    void demoProfileServesOnTheAssignedPortsWithTheGeneratedToken() {
        URI staging;
        try (ConfigurableApplicationContext context = start("demo")) {
            Environment environment = context.getEnvironment();
            DemoTargetServer server = context.getBean(DemoTargetServer.class);
            staging = server.baseUrl("staging");

            assertThat(staging.getPort()).isEqualTo(environment.getProperty(DemoPorts.STAGING_PORT, Integer.class))
                    .as("a free port, not application-demo.yaml's").isNotEqualTo(8181);
            assertThat(server.deployerUrl().getPort()).isEqualTo(environment.getProperty(DemoPorts.DEPLOYER_PORT, Integer.class));
            assertThat(client.post(server.deployerUrl(), "/deploy",
                    "{\"service\":\"study-api\",\"environment\":\"staging\",\"version\":\"2026.12.0\",\"commitSha\":\"abc1234\"}",
                    "Authorization", "Bearer " + environment.getProperty(DemoPorts.DEPLOY_TOKEN),
                    "Idempotency-Key", "release-1").statusCode()).isEqualTo(202);
        }
        assertThatThrownBy(() -> connect(staging)).as("stopped with the context").isInstanceOf(IOException.class);
    }

    @Test
    void otherProfilesStartNoDemoService() {
        // the postgres profile wants to be told where its database is; nothing here connects to it
        try (ConfigurableApplicationContext context = start("postgres", "LIFTOFF_DB_URL=jdbc:postgresql://127.0.0.1:5432/liftoff",
                "LIFTOFF_DB_USER=liftoff")) {
            assertThat(context.getBeansOfType(DemoTargetServer.class)).isEmpty();
        }
    }

    /** Properties as command-line arguments, so that they win over the fixed ports of application-demo.yaml. */
    private static ConfigurableApplicationContext start(String profile, String... properties) {
        Stream<String> freePorts = Stream.of("liftoff.demo.staging-port=0", "liftoff.demo.production-port=0",
                "liftoff.demo.deployer-port=0", "liftoff.demo.production-idle-port=0", "liftoff.demo.smtp-port=0");
        return new SpringApplicationBuilder(DemoServiceOnly.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .run(Stream.concat(freePorts, Stream.of(properties)).map(property -> "--" + property).toArray(String[]::new));
    }

    private static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        }
    }
}
