package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WallTimesTest {

    @Test
    void theMedianIsTheMiddleRun() {
        assertThat(new WallTimes(List.of(900L, 830L, 2400L, 828L, 835L, 829L, 831L)).medianMs()).isEqualTo(831);
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        assertThat(new WallTimes(List.of(800L, 900L, 810L, 820L)).medianMs()).isEqualTo(815);
    }
}
