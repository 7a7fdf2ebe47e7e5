package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    @Test
    void takesTheNearestRank() {
        // 1 to 20 ms, shuffled: p50 is the 10th value, p95 the 19th, p99 the 20th
        List<Double> latencies = DoubleStream.of(7, 3, 20, 1, 15, 9, 12, 18, 2, 5, 10, 14, 4, 19, 6, 17, 8, 13, 11, 16).boxed().toList();

        LatencyPercentiles percentiles = LatencyPercentiles.of(latencies);

        assertThat(percentiles.p50()).isEqualTo(10);
        assertThat(percentiles.p90()).hasValue(18);
        assertThat(percentiles.p95()).hasValue(19);
        assertThat(percentiles.p99()).isEqualTo(20);
        assertThat(percentiles.samples()).isEqualTo(20);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyPercentiles percentiles = LatencyPercentiles.of(List.of(42.0));

        assertThat(percentiles.p50()).isEqualTo(42);
        assertThat(percentiles.p99()).isEqualTo(42);
    }

    @Test
    void refusesNoSamples() {
        assertThatThrownBy(() -> LatencyPercentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
