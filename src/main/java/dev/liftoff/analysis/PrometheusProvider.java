package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.MetricProviderConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A Prometheus server through its HTTP API: {@code POST /api/v1/query} and
 * {@code POST /api/v1/query_range}, form-encoded so that long queries fit, with times as Unix
 * seconds. Every failure is a {@link ProviderException} that names the server.
 */
public final class PrometheusProvider implements MetricProvider {

    private static final Logger log = LoggerFactory.getLogger(PrometheusProvider.class);
    // exact times: a double would move a sample's timestamp by up to a microsecond
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DateTimeFormatter GRAPH_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int EXCERPT = 300;

    private final String name;
    private final MetricProviderConfig config;
    private final RestClient http;
    private final String who;

    /** @param http a client set up for this server (timeouts, credentials, TLS): {@link PrometheusClientFactory} */
    PrometheusProvider(String name, MetricProviderConfig config, RestClient http) {
        this.name = name;
        this.config = config;
        this.http = http;
        this.who = "Prometheus " + name + " (" + config.url() + ")";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Series> query(String promql, Instant at) throws ProviderException {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("query", promql);
        form.add("time", unixSeconds(at));
        return post("/api/v1/query", form);
    }

    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) throws ProviderException {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a range must not end (" + end + ") before it starts (" + start + ")");
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a range query's step must be positive, not " + step);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("query", promql);
        form.add("start", unixSeconds(start));
        form.add("end", unixSeconds(end));
        form.add("step", seconds(step.getSeconds(), step.getNano()));
        return post("/api/v1/query_range", form);
    }

    /** the graph page of Prometheus 2.x's UI, showing the query over the range that ends at {@code end} */
    @Override
    public URI graphLink(String promql, Instant start, Instant end) {
        long rangeSeconds = Math.max(1, Duration.between(start, end).plusMillis(999).getSeconds());
        return URI.create(base(config.graphUrl()) + "/graph?g0.expr=" + encode(promql) + "&g0.tab=0&g0.range_input="
                + rangeSeconds + "s&g0.end_input=" + encode(GRAPH_END.format(end)));
    }

    @Override
    public String toString() {
        return who;
    }

    private List<Series> post(String path, MultiValueMap<String, String> form) throws ProviderException {
        Reply reply;
        long start = System.nanoTime();
        try {
            reply = http.post().uri(URI.create(base(config.url()) + path))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> new Reply(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            throw new ProviderException(who + " " + ConnectionFailure.describe(e, config.timeout(), Duration.ofNanos(System.nanoTime() - start)), e);
        }
        return read(reply);
    }

    private List<Series> read(Reply reply) throws ProviderException {
        PrometheusAnswer answer;
        try {
            answer = JSON.readValue(reply.body(), PrometheusAnswer.class);
        } catch (IOException e) {
            answer = null;
        }
        if (answer != null && "error".equals(answer.status())) {
            throw new ProviderException(who + " " + refusal(answer));
        }
        if (reply.status() < 200 || reply.status() > 299) {
            throw new ProviderException(who + " answered HTTP " + reply.status() + hint(reply.status()) + ": " + reply.excerpt());
        }
        if (answer == null || !answer.succeeded()) {
            throw new ProviderException(who + " answered something that is not a Prometheus API answer: " + reply.excerpt());
        }
        answer.warnings().forEach(warning -> log.warn("{} warned about a query: {}", who, warning));
        try {
            return answer.series();
        } catch (PrometheusAnswer.Unreadable e) {
            throw new ProviderException(who + " answered " + e.getMessage());
        }
    }

    private static String refusal(PrometheusAnswer answer) {
        String reason = answer.errorType() + ": " + answer.error();
        // bad_data: the query (or a parameter) is wrong; timeout, canceled, execution: it could not run
        return "bad_data".equals(answer.errorType()) ? "refused the query: " + reason : "could not run the query: " + reason;
    }

    private static String hint(int status) {
        return status == 401 || status == 403 ? " (check the credentials: token-env, or username and password-env)" : "";
    }

    private static String base(URI url) {
        return url.toString().replaceAll("/+$", "");
    }

    private static String encode(String text) {
        // %20 rather than +: a space is a space to every reader of the link
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String unixSeconds(Instant at) {
        return seconds(at.getEpochSecond(), at.getNano());
    }

    private static String seconds(long seconds, int nanos) {
        return BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros().toPlainString();
    }

    /** the status and body of an answer, whatever its status */
    private record Reply(int status, byte[] body) {

        String excerpt() {
            String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            if (text.isEmpty()) {
                return "(no body)";
            }
            return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
        }
    }
}
