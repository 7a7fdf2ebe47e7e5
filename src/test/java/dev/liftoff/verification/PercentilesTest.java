package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundred() {
        List<Long> latencies = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(latencies);

        assertThat(Percentiles.of(latencies)).isEqualTo(new Percentiles(50, 95, 99, 100));
    }

    @Test
    void nearestRankOfTwentySamplesIsAlwaysOneOfThem() {
        // ranks: p50 = ceil(10) = 10th, p95 = ceil(19) = 19th, p99 = ceil(19.8) = 20th
        List<Long> latencies = LongStream.rangeClosed(1, 20).map(i -> i * 10).boxed().toList();

        assertThat(Percentiles.of(latencies)).isEqualTo(new Percentiles(100, 190, 200, 20));
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(7, 7, 7, 1));
        // p50 of three: ceil(1.5) = 2nd
        assertThat(Percentiles.of(List.of(30L, 10L, 20L))).isEqualTo(new Percentiles(20, 30, 30, 3));
    }

    @Test
    void describesItselfInTheFormScriptsParse() {
        assertThat(new Percentiles(412_300, 590_000, 702_849, 20).describe()).isEqualTo("p50 412.3 ms, p95 590.0 ms, p99 702.8 ms over 20 samples");
    }

    @Test
    void needsAtLeastOneLatency() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
