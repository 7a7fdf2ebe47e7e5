package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortAnswerIsKeptWhole() {
        byte[] answer = "{\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Excerpt.head(answer)).isEqualTo("{\"status\":\"queued\"}");
        assertThat(Excerpt.tail(answer, answer.length)).isEqualTo("{\"status\":\"queued\"}");
    }

    @Test
    void theHeadNeverEndsInsideACharacter() {
        byte[] answer = ("x" + "€".repeat(1000)).getBytes(StandardCharsets.UTF_8);

        assertThat(Excerpt.head(answer)).isEqualTo("x" + "€".repeat(682));
    }

    @Test
    void theTailNeverStartsInsideACharacter() {
        byte[] output = ("€".repeat(1000) + "x").getBytes(StandardCharsets.UTF_8);

        assertThat(Excerpt.tail(output, output.length)).isEqualTo("€".repeat(682) + "x");
    }

    @Test
    void aTailCutFromALongerOutputDropsTheBrokenCharacterAtItsStart() {
        byte[] cut = Arrays.copyOfRange("€uro".getBytes(StandardCharsets.UTF_8), 1, 6);

        assertThat(Excerpt.tail(cut, cut.length)).isEqualTo("uro");
    }

    @Test
    void binaryOutputIsCutAnywhere() {
        byte[] binary = new byte[3000];
        Arrays.fill(binary, (byte) 0x80);

        assertThat(Excerpt.head(binary)).hasSize(2045);
        assertThat(Excerpt.tail(binary, binary.length)).hasSize(2045);
    }

    @Test
    void aSentenceEndsWithWhatWasSaidOrNotesThatNothingWas() {
        assertThat(Excerpt.withExcerpt("webhook https://deploy.example.com answered 503", "{\"error\":\"busy\"}\n"))
                .isEqualTo("webhook https://deploy.example.com answered 503: {\"error\":\"busy\"}");
        assertThat(Excerpt.withExcerpt("deploy command ./deploy.sh exited 1", ""))
                .isEqualTo("deploy command ./deploy.sh exited 1 (no output)");
    }
}
