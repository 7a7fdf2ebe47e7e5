package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkLatencyTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:41234/api/daily/next
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    50.71ms  312.05us  53.02ms   78.12%
                Req/Sec    39.40      2.11    40.00     96.00%
              Latency Distribution
                 50%   50.66ms
                 75%   50.90ms
                 90%   51.12ms
                 99%    1.05s
              394 requests in 5.01s, 98.11KB read
            Requests/sec:     78.65
            Transfer/sec:     19.58KB
            """;

    @Test
    void readsTheLatencyDistributionInMilliseconds() {
        LatencyPercentiles percentiles = WrkLatency.parse(OUTPUT);

        assertThat(percentiles.p50()).isCloseTo(50.66, within(1e-9));
        assertThat(percentiles.p90().getAsDouble()).isCloseTo(51.12, within(1e-9));
        assertThat(percentiles.p95()).isEmpty();
        assertThat(percentiles.p99()).isCloseTo(1050.0, within(1e-9));
        assertThat(percentiles.samples()).isEqualTo(394);
    }

    @Test
    void readsMicroseconds() {
        LatencyPercentiles percentiles = WrkLatency.parse(OUTPUT.replace("50.66ms", "980.00us"));

        assertThat(percentiles.p50()).isCloseTo(0.98, within(1e-9));
    }

    @Test
    void refusesOutputWithoutALatencyDistribution() {
        String withoutDistribution = OUTPUT.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");

        assertThatThrownBy(() -> WrkLatency.parse(withoutDistribution))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--latency");
    }

    @Test
    void refusesAMeasurementWithFailedRequests() {
        String withErrors = OUTPUT.replace("Requests/sec:", "  Non-2xx or 3xx responses: 12\nRequests/sec:");

        assertThatThrownBy(() -> WrkLatency.parse(withErrors))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Non-2xx or 3xx responses: 12");
        assertThatThrownBy(() -> WrkLatency.parse(OUTPUT.replace("Requests/sec:", "  Socket errors: connect 0, read 3, write 0, timeout 0\nRequests/sec:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Socket errors");
    }
}
