package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitsTest {

    private static final String FULL = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    @ParameterizedTest
    @CsvSource({
        FULL + "," + FULL + ",true",
        "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567," + FULL + ",true",
        "0a1b2c3," + FULL + ",true",
        FULL + ",0a1b2c3,true",
        "0a1b2c3d," + FULL + ",true",
        "0A1B2C3,0a1b2c3d4e,true",
        "0a1b2c," + FULL + ",false",
        "0a1b2c4," + FULL + ",false",
        "1.2.3,1.2.3,true",
        "main,mainline,false"})
    void matchesShortAndFullShasCaseInsensitively(String expected, String seen, boolean same) {
        assertThat(Commits.same(expected, seen)).isEqualTo(same);
    }

    @ParameterizedTest
    @CsvSource({"0a1b2c3,", ",0a1b2c3"})
    void nothingSeenIsNoMatch(String expected, String seen) {
        assertThat(Commits.same(expected, seen)).isFalse();
    }
}
