package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void agreesWithinTenPercentOfTheReference() {
        assertThat(new Agreement("p50", 55, 50.2).agrees()).isTrue();
        assertThat(new Agreement("p50", 45.2, 50.2).agrees()).isTrue();
        assertThat(new Agreement("p99", 56, 50.2).agrees()).isFalse();
        assertThat(new Agreement("p99", 44, 50.2).agrees()).isFalse();
    }

    @Test
    void allowsOneMillisecondOnFastEndpoints() {
        // Liftoff reports whole milliseconds: 11 ms against 10.2 ms is one rounding step
        assertThat(new Agreement("p50", 11, 10.2).agrees()).isTrue();
        assertThat(new Agreement("p50", 12, 10.2).agrees()).isFalse();
    }

    @Test
    void reportsTheDeviationRelativeToTheReference() {
        assertThat(new Agreement("p95", 52.5, 50).deviationPercent()).isCloseTo(5.0, within(1e-9));
        assertThat(new Agreement("p95", 47.5, 50).deviationPercent()).isCloseTo(-5.0, within(1e-9));
    }
}
