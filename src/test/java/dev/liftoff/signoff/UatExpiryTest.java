package dev.liftoff.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.UatConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an expired UAT is worded, and the slots a UAT configuration opens. */
class UatExpiryTest {

    private static final UatConfig NAMED = new UatConfig("uat-testers", List.of("ursula", "uma"), null, List.of(), 3, null, null,
            Duration.ofHours(72));
    private static final UatConfig GROUP_OF_THREE = new UatConfig("uat-testers", null, 3, List.of(), 3, null, null, Duration.ofDays(5));

    @Test
    void namedTestersGetOneSlotEachAndTheGroupItsCount() {
        assertThat(UatSlot.all(NAMED)).containsExactly("tester:ursula", "tester:uma");
        assertThat(UatSlot.all(GROUP_OF_THREE)).containsExactly("group:uat-testers#1", "group:uat-testers#2", "group:uat-testers#3");
        assertThat(UatSlot.all(new UatConfig("qa", List.of(), 3))).containsExactly("group:qa#1");
        assertThat(UatSlot.parse("group:qa-team#2")).isEqualTo(new UatSlot(null, "qa-team"));
        assertThatThrownBy(() -> UatSlot.parse("ursula")).hasMessageContaining("not a UAT slot: 'ursula'");
    }

    @Test
    void namesTheNamedTestersWhoGaveNoFeedback() {
        assertThat(UatExpiry.reason(NAMED.expireAfter(), UatSlot.all(NAMED), Set.of()))
                .isEqualTo("UAT expired after 72h: no feedback from ursula, uma.");
        assertThat(UatExpiry.reason(NAMED.expireAfter(), UatSlot.all(NAMED), Set.of("uma")))
                .isEqualTo("UAT expired after 72h: no feedback from ursula.");
    }

    @Test
    void countsTheGroupsSlotsWithoutFeedback() {
        assertThat(UatExpiry.reason(GROUP_OF_THREE.expireAfter(), UatSlot.all(GROUP_OF_THREE), Set.of("ursula")))
                .isEqualTo("UAT expired after 120h: no feedback from 2 of 3 testers of uat-testers.");
        assertThat(UatExpiry.reason(Duration.ofMinutes(90), UatSlot.all(GROUP_OF_THREE), Set.of()))
                .isEqualTo("UAT expired after 90m: no feedback from 3 of 3 testers of uat-testers.");
    }
}
