package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptsTest {

    @Test
    void keepsAShortBodyOnOneLine() {
        assertThat(Excerpts.of("{\n  \"error\": \"boom\"\n}\n")).isEqualTo("{ \"error\": \"boom\" }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "é", "€", "😀"})
    void cutsALongBodyTo2KbWithoutSplittingACharacter(String character) {
        String body = character.repeat(3000);

        String excerpt = Excerpts.of(body);

        byte[] bytes = excerpt.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(2048).isGreaterThan(2040);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(excerpt);
        assertThat(excerpt).endsWith("…");
        assertThat(excerpt.substring(0, excerpt.length() - 1).replace(character, "")).isEmpty();
    }

    @Test
    void keepsABodyOfExactly2Kb() {
        String body = "x".repeat(2048);

        assertThat(Excerpts.of(body)).isEqualTo(body);
    }

    @Test
    void shortensTextForSummaries() {
        assertThat(Excerpts.shorten("status 500", 20)).isEqualTo("status 500");
        assertThat(Excerpts.shorten("0123456789", 5)).isEqualTo("0123…");
        assertThat(Excerpts.shorten("abc😀def", 5)).isEqualTo("abc…");
    }
}
