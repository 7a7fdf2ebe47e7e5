package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link PrometheusProvider} and rendered {@link PromQlTemplate}s against the real Prometheus
 * (Debian's 2.42), scraping a demo service's counters every second. Among the counters' versions
 * are {@code 1x4y0}, which an unescaped regex {@code 1.4.0} would also match, and a hostile value
 * that would end the label matcher and add {@code or vector(1)} if it were spliced in raw.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusProviderTest {

    static final String HOSTILE = "\"} or vector(1) # \\ ' `{{x}}`\nnext line\ttab \u0001 ünï 🚀";
    private static final String REQUESTS = "demo_requests_total";

    static MetricsTarget target;
    static PrometheusServer prometheus;
    static MetricProvider provider;
    static Instant firstSample;

    // per test, so that without Prometheus each test shows as skipped; the server starts once
    @BeforeEach
    void scrapeTheDemoService() {
        PrometheusServer.assumeInstalled();
        if (prometheus != null) {
            return;
        }
        target = new MetricsTarget()
                .counter(REQUESTS, Map.of("service", "shop", "version", "1.4.0"), 10)
                .counter(REQUESTS, Map.of("service", "shop", "version", "1x4y0"), 20)
                .counter(REQUESTS, Map.of("service", "shop", "version", HOSTILE), 30);
        prometheus = PrometheusServer.scraping(Duration.ofSeconds(1),
                PrometheusServer.Target.at(target.hostPort()).label("environment", "production"));
        provider = prometheus.provider();
        List<Series> first = prometheus.awaitSeries(REQUESTS, Duration.ofSeconds(20));
        // an instant query's samples carry the evaluation time: the first scrape came before it
        firstSample = first.get(0).samples().get(0).at();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static ReleaseLabels version(String version) {
        return new ReleaseLabels("shop", "production", version, "a1b2c3d");
    }

    @Test
    @Order(1)
    void anInstantQueryReturnsTheScrapedValueWithItsLabels() throws Exception {
        List<Series> series = provider.query(REQUESTS + "{version=\"1.4.0\"}", Instant.now());

        assertThat(series).hasSize(1);
        assertThat(series.get(0).labels()).containsEntry("__name__", REQUESTS).containsEntry("service", "shop")
                .containsEntry("version", "1.4.0").containsEntry("environment", "production")
                .containsEntry("job", "target-0").containsEntry("instance", target.hostPort());
        assertThat(series.get(0).samples()).singleElement().extracting(Sample::value).isEqualTo(10.0);
        assertThat(provider.query("sum(" + REQUESTS + ")", Instant.now()).get(0).samples().get(0).value()).isEqualTo(60.0);
    }

    @Test
    @Order(2)
    void aScalarComesBackAsOneSeriesWithoutLabels() throws Exception {
        List<Series> series = provider.query("scalar(sum(" + REQUESTS + ")) / 2", Instant.now());
        assertThat(series).singleElement().satisfies(scalar -> {
            assertThat(scalar.labels()).isEmpty();
            assertThat(scalar.samples()).singleElement().extracting(Sample::value).isEqualTo(30.0);
        });
        assertThat(provider.query("vector(0) / 0", Instant.now()).get(0).samples().get(0).value()).isNaN();
    }

    @Test
    @Order(3)
    void aRangeQueryReturnsTheMatrixOfEveryStep() throws Exception {
        // whole seconds: Prometheus answers with millisecond timestamps
        Instant start = firstSample.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant end = start.plusSeconds(3);
        awaitPast(end.plusSeconds(1));

        List<Series> series = provider.queryRange("demo_scrapes_total", start, end, Duration.ofSeconds(1));

        assertThat(series).singleElement().satisfies(scrapes -> {
            assertThat(scrapes.samples()).extracting(Sample::at)
                    .containsExactly(start, start.plusSeconds(1), start.plusSeconds(2), start.plusSeconds(3));
            List<Double> values = scrapes.samples().stream().map(Sample::value).toList();
            assertThat(values).isSorted();
            assertThat(values.get(3)).as("scraped about once a second").isBetween(values.get(0) + 2, values.get(0) + 4);
        });
    }

    @Test
    @Order(4)
    void aQueryWithoutSeriesIsAnEmptyAnswer() throws Exception {
        assertThat(provider.query(REQUESTS + "{version=\"9.9.9\"}", Instant.now())).isEmpty();
        assertThat(provider.queryRange("no_such_metric", firstSample, firstSample.plusSeconds(2), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    @Order(5)
    void aSyntaxErrorNamesPrometheusError() {
        assertThatThrownBy(() -> provider.query("sum(" + REQUESTS, Instant.now()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Prometheus prometheus (" + prometheus.uri() + ") refused the query: bad_data: ")
                .hasMessageContaining("parse error");
    }

    @Test
    @Order(6)
    void aRenderedHostileValueIsAcceptedAndSelectsExactlyItsSeries() throws Exception {
        for (String template : List.of(REQUESTS + "{version=\"{{version}}\"}", REQUESTS + "{version='{{version}}'}",
                REQUESTS + "{version=~\"{{version}}\"}", REQUESTS + "{version=~'{{version}}'}")) {
            String query = PromQlTemplate.parse(template).render(version(HOSTILE));
            List<Series> series = provider.query(query, Instant.now());
            assertThat(series).as(query).singleElement().satisfies(only -> {
                assertThat(only.labels()).containsEntry("version", HOSTILE);
                assertThat(only.samples().get(0).value()).isEqualTo(30.0);
            });
        }
    }

    @Test
    @Order(7)
    void aRenderedRegexMatchesTheVersionAndNothingLikeIt() throws Exception {
        // what an unescaped value would do: the dots match any character
        assertThat(provider.query(REQUESTS + "{version=~\"1.4.0\"}", Instant.now())).hasSize(2);

        String query = PromQlTemplate.parse("sum(" + REQUESTS + "{service=\"{{service}}\", version=~\"{{version}}\"})").render(version("1.4.0"));
        assertThat(provider.query(query, Instant.now())).singleElement()
                .satisfies(sum -> assertThat(sum.samples().get(0).value()).isEqualTo(10.0));
        String excluding = PromQlTemplate.parse("count(" + REQUESTS + "{version!~\"{{version}}\"})").render(version("1.4.0"));
        assertThat(provider.query(excluding, Instant.now()).get(0).samples().get(0).value()).isEqualTo(2.0);
    }

    @Test
    @Order(8)
    void aStoppedPrometheusRefusesTheConnectionAndComesBackWithItsData() throws Exception {
        prometheus.stop();
        assertThatThrownBy(() -> provider.query(REQUESTS, Instant.now()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") refused the connection");

        prometheus.start();
        assertThat(provider.query(REQUESTS + "{version=\"1.4.0\"}", firstSample)).as("the samples from before the stop")
                .singleElement().satisfies(series -> assertThat(series.samples().get(0).value()).isEqualTo(10.0));
        Instant restarted = Instant.now();
        String scrapedSince = "timestamp(demo_scrapes_total) > " + PrometheusProvider.unixSeconds(restarted);
        List<Series> fresh = prometheus.awaitSeries(scrapedSince, Duration.ofSeconds(20));
        assertThat(fresh.get(0).samples().get(0).value()).as("scraped again after the start")
                .isGreaterThan(restarted.toEpochMilli() / 1000.0);
    }

    private static void awaitPast(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
