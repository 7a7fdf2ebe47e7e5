package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "result < 0.05    | 0.049 | true", "result < 0.05  | 0.05 | false",
            "result <= 0.05   | 0.05  | true", "result <= 0.05 | 0.06 | false",
            "result > 10      | 10.5  | true", "result > 10    | 10   | false",
            "result >= 0.9    | 0.9   | true", "result >= 0.9  | 0.89 | false",
            "result == 1      | 1     | true", "result == 1    | 1.01 | false",
            "result != 0      | 2     | true", "result != 0    | 0    | false",
            "result<0.05      | 0.01  | true", "  result   >=   3  | 3 | true"})
    void eachComparisonComparesTheResultWithItsNumber(String condition, double result, boolean passes) {
        assertThat(Condition.parse(condition).test(result)).isEqualTo(passes);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "result > -1      | -0.5", "result < 5e-2 | 0.04", "result < 1.5E3 | 1499", "result > .5 | 0.6",
            "result < 2.      | 1.9", "result >= +3 | 3", "result > -1e-3 | 0"})
    void numbersMayBeNegativeDecimalsOrExponents(String condition, double passing) {
        assertThat(Condition.parse(condition).test(passing)).isTrue();
    }

    @Test
    void andRequiresEveryComparison() {
        Condition between = Condition.parse("result >= 0.9 and result <= 1");
        assertThat(between.test(0.95)).isTrue();
        assertThat(between.test(0.89)).isFalse();
        assertThat(between.test(1.01)).isFalse();
        assertThat(Condition.parse("result >= 0.9 && result <= 1").test(1)).isTrue();
    }

    @Test
    void orRequiresAnyComparison() {
        Condition outside = Condition.parse("result < 0.1 or result > 0.9");
        assertThat(outside.test(0.05)).isTrue();
        assertThat(outside.test(0.95)).isTrue();
        assertThat(outside.test(0.5)).isFalse();
        assertThat(Condition.parse("result < 0.1 || result > 0.9").test(0.5)).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        // (result > 0 and result < 1) or result == 5, not result > 0 and (result < 1 or result == 5)
        Condition condition = Condition.parse("result > 0 and result < 1 or result == 5");
        assertThat(condition.test(0.5)).isTrue();
        assertThat(condition.test(5)).isTrue();
        assertThat(condition.test(2)).isFalse();
        Condition other = Condition.parse("result == 5 or result > 0 and result < 1");
        assertThat(other.test(5)).isTrue();
        assertThat(other.test(-5)).isFalse();
        assertThat(other.test(0.5)).isTrue();
        assertThat(Condition.parse("result > 10 or result < 0 or result == 3").test(3)).isTrue();
    }

    @Test
    void nanSatisfiesNoComparisonNotEvenNotEquals() {
        for (String condition : new String[] {"result < 1", "result <= 1", "result > 1", "result >= 1", "result == 1",
                "result != 1", "result != 0 or result == 0"}) {
            assertThat(Condition.parse(condition).test(Double.NaN)).as(condition).isFalse();
        }
    }

    @Test
    void infinitiesCompareAsNumbers() {
        assertThat(Condition.parse("result > 1e300").test(Double.POSITIVE_INFINITY)).isTrue();
        assertThat(Condition.parse("result < -1e300").test(Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(Condition.parse("result < 0.05").test(Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void keywordsAreReadInAnyCase() {
        assertThat(Condition.parse("Result > 0 AND result < 1 Or RESULT == 5").test(5)).isTrue();
    }

    @Test
    void theTextIsKeptAsWrittenTrimmed() {
        assertThat(Condition.parse("  result >= 0.9 and result <= 1 \n").text()).isEqualTo("result >= 0.9 and result <= 1");
    }

    @Test
    void whatDoesNotParseIsNamedWithTheForm() {
        assertThatThrownBy(() -> Condition.parse("result < abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 'abc' at character 10 where it needs a number after '<'")
                .hasMessageContaining("e.g. \"result < 0.05\" or \"result >= 0.9 and result <= 1\"");
        assertThatThrownBy(() -> Condition.parse("0.05 > result"))
                .hasMessageContaining("has '0.05' at character 1 where it needs 'result' to start a comparison");
        assertThatThrownBy(() -> Condition.parse("result = 1"))
                .hasMessageContaining("cannot be read at character 8 ('= 1'), where it needs an operator (< <= > >= == !=) after 'result'");
        assertThatThrownBy(() -> Condition.parse("result < 0.05 result > 1"))
                .hasMessageContaining("has 'result' at character 15 where it needs 'and' or 'or' after a comparison");
        assertThatThrownBy(() -> Condition.parse("result < 0.05 and"))
                .hasMessageContaining("ends where it needs 'result' to start a comparison");
        assertThatThrownBy(() -> Condition.parse("result <"))
                .hasMessageContaining("ends where it needs a number after '<'");
        assertThatThrownBy(() -> Condition.parse("(result < 1)"))
                .hasMessageContaining("cannot be read at character 1 ('(result < 1)')");
        assertThatThrownBy(() -> Condition.parse("result < 5%"))
                .hasMessageContaining("cannot be read at character 11 ('%')");
        assertThatThrownBy(() -> Condition.parse("value < 5"))
                .hasMessageContaining("has 'value' at character 1 where it needs 'result'");
        assertThatThrownBy(() -> Condition.parse(" ")).hasMessageContaining("the condition is empty");
        assertThatThrownBy(() -> Condition.parse("result < 0x10"))
                .as("only decimal numbers").hasMessageContaining("has 'x10' at character 11");
    }
}
