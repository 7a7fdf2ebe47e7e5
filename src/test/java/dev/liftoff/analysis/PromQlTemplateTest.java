package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Placeholders stand only inside quoted strings and their values are escaped for the literal they
 * stand in. What Prometheus makes of a rendered query is proven against the real server in
 * {@link PrometheusProviderTest}.
 */
class PromQlTemplateTest {

    private static final ReleaseLabels SHOP = new ReleaseLabels("shop", "production", "1.4.0", "a1b2c3d");

    private static ReleaseLabels version(String version) {
        return new ReleaseLabels("shop", "production", version, "a1b2c3d");
    }

    @Test
    void placeholdersInDoubleAndSingleQuotesAreReplacedByTheReleasesValues() {
        PromQlTemplate template = PromQlTemplate.parse(
                "sum(rate(http_requests_total{service=\"{{service}}\", env='{{environment}}', commit=\"{{ commitSha }}\"}[5m]))");
        assertThat(template.render(SHOP))
                .isEqualTo("sum(rate(http_requests_total{service=\"shop\", env='production', commit=\"a1b2c3d\"}[5m]))");
        assertThat(template.placeholders()).containsExactly("service", "environment", "commitSha");
        assertThat(template.template()).startsWith("sum(rate(");
    }

    @Test
    void aQueryWithoutPlaceholdersIsSentAsWritten() {
        String query = "sum by (code) (rate(http_requests_total{code=~\"5..\"}[5m])) # errors";
        PromQlTemplate template = PromQlTemplate.parse(query);
        assertThat(template.render(SHOP)).isEqualTo(query);
        assertThat(template.placeholders()).isEmpty();
    }

    @Test
    void aPlaceholderMayShareItsLiteralWithTextAndOthers() {
        PromQlTemplate template = PromQlTemplate.parse("up{job=\"{{service}}-{{environment}}\", v=\"v{{version}}\", x=\"{{service}}\"}");
        assertThat(template.render(SHOP)).isEqualTo("up{job=\"shop-production\", v=\"v1.4.0\", x=\"shop\"}");
        assertThat(template.placeholders()).containsExactly("service", "environment", "version");
    }

    @Test
    void escapesAndQuotesOfTheTemplateItselfDoNotEndItsLiteral() {
        PromQlTemplate template = PromQlTemplate.parse("up{a=\"x\\\"{{service}}\", b='it''s', c=\"'{{version}}'\"}");
        assertThat(template.render(SHOP)).isEqualTo("up{a=\"x\\\"shop\", b='it''s', c=\"'1.4.0'\"}");
    }

    @Test
    void aQuoteInTheValueIsEscapedForTheLiteralItStandsIn() {
        assertThat(PromQlTemplate.parse("up{v=\"{{version}}\"}").render(version("a\"b'c"))).isEqualTo("up{v=\"a\\\"b'c\"}");
        // PromQL refuses \" inside single quotes and \' inside double quotes: only the delimiter is escaped
        assertThat(PromQlTemplate.parse("up{v='{{version}}'}").render(version("a\"b'c"))).isEqualTo("up{v='a\"b\\'c'}");
    }

    @Test
    void backslashesNewlinesAndControlCharactersAreEscaped() {
        PromQlTemplate template = PromQlTemplate.parse("up{v=\"{{version}}\"}");
        assertThat(template.render(version("a\\b"))).isEqualTo("up{v=\"a\\\\b\"}");
        assertThat(template.render(version("a\nb\r\tc"))).isEqualTo("up{v=\"a\\nb\\r\\tc\"}");
        assertThat(template.render(version("a\u0000b\u001bc\u007f"))).isEqualTo("up{v=\"a\\u0000b\\u001bc\\u007f\"}");
        assertThat(template.render(version("ünïcödé ✓ 🚀"))).isEqualTo("up{v=\"ünïcödé ✓ 🚀\"}");
    }

    @Test
    void aHostileValueStaysInsideItsLiteral() {
        PromQlTemplate template = PromQlTemplate.parse("sum(demo_requests_total{version=\"{{version}}\"})");
        String rendered = template.render(version("\"} or vector(1) #"));
        assertThat(rendered).isEqualTo("sum(demo_requests_total{version=\"\\\"} or vector(1) #\"})");
        assertThat(PromQlTemplate.parse("up{v='{{version}}'}").render(version("'} or vector(1) #\n")))
                .isEqualTo("up{v='\\'} or vector(1) #\\n'}");
        // a trailing backslash must not escape the closing quote
        assertThat(template.render(version("x\\"))).isEqualTo("sum(demo_requests_total{version=\"x\\\\\"})");
    }

    @Test
    void aRegexMatchersValueMatchesOnlyItself() {
        PromQlTemplate template = PromQlTemplate.parse("up{version=~\"{{version}}\", service !~ '{{service}}'}");
        // 1\.4\.0 as RE2, its backslashes doubled for the PromQL literal
        assertThat(template.render(SHOP)).isEqualTo("up{version=~\"1\\\\.4\\\\.0\", service !~ 'shop'}");
        assertThat(template.render(version("a.b+c*d?e(f)g|h[i]j{k}l^m$n\\o")))
                .isEqualTo("up{version=~\"a\\\\.b\\\\+c\\\\*d\\\\?e\\\\(f\\\\)g\\\\|h\\\\[i\\\\]j\\\\{k\\\\}l\\\\^m\\\\$n\\\\\\\\o\", service !~ 'shop'}");
    }

    @Test
    void aRegexMatchersLiteralKeepsTheTemplatesOwnRegex() {
        PromQlTemplate template = PromQlTemplate.parse("up{version=~\"{{version}}(-rc.*)?\"}");
        assertThat(template.render(SHOP)).isEqualTo("up{version=~\"1\\\\.4\\\\.0(-rc.*)?\"}");
    }

    @Test
    void onlyTheRightHandSideOfAMatcherIsARegex() {
        // = and != compare strings; a literal elsewhere (a function argument) is a plain string
        PromQlTemplate template = PromQlTemplate.parse(
                "label_replace(up{version!=\"{{version}}\"}, \"release\", \"{{version}}\", \"\", \"\")");
        assertThat(template.render(SHOP)).isEqualTo("label_replace(up{version!=\"1.4.0\"}, \"release\", \"1.4.0\", \"\", \"\")");
    }

    @Test
    void aPlaceholderOutsideAStringIsRefusedWithItsPositionAndTheWayToWriteIt() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service={{service}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{service}} at 1:12 stands outside a string")
                .hasMessageContaining("e.g. {service=\"{{service}}\"}");
        assertThatThrownBy(() -> PromQlTemplate.parse("sum(up{job=\"a\"})\n  / {{version}}"))
                .hasMessageContaining("{{version}} at 2:5 stands outside a string");
    }

    @Test
    void aPlaceholderInABacktickStringIsRefused() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up{version=~`{{version}}`}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{version}} at 1:14 stands in a backtick string, which has no escapes")
                .hasMessageContaining("use double quotes instead, e.g. {version=~\"{{version}}\"}");
        assertThat(PromQlTemplate.parse("up{path=~`/api/.*`, v=\"{{version}}\"}").render(SHOP))
                .as("a backtick string without placeholders is kept").isEqualTo("up{path=~`/api/.*`, v=\"1.4.0\"}");
    }

    @Test
    void aPlaceholderInACommentIsRefused() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up # for {{service}}"))
                .hasMessageContaining("{{service}} at 1:10 stands in a comment");
        assertThat(PromQlTemplate.parse("up # a \"quote in a comment\nor up{v=\"{{version}}\"}").render(SHOP))
                .isEqualTo("up # a \"quote in a comment\nor up{v=\"1.4.0\"}");
    }

    @Test
    void anUnknownPlaceholderIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service=\"{{svc}}\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder {{svc}} at 1:13")
                .hasMessageContaining("known: {{service}}, {{environment}}, {{version}}, {{commitSha}}");
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service=\"{{ args.service }}\"}"))
                .hasMessageContaining("unknown placeholder {{ args.service }}");
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service=\"{{service\"}"))
                .hasMessageContaining("'{{' at 1:13 does not open a placeholder");
    }

    @Test
    void anUnclosedStringIsRefused() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service=\"{{service}}}"))
                .hasMessageContaining("the string opened with \" at 1:12 is not closed");
        assertThatThrownBy(() -> PromQlTemplate.parse("up{service='shop\n'}"))
                .hasMessageContaining("the string opened with ' at 1:12 is not closed on its line");
        assertThatThrownBy(() -> PromQlTemplate.parse("up{path=~`/api"))
                .hasMessageContaining("the string opened with ` at 1:10 is not closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyQueryIsRefused(String query) {
        assertThatThrownBy(() -> PromQlTemplate.parse(query)).hasMessageContaining("the query is empty");
    }

    @Test
    void aValueWithABrokenUnicodeCharacterIsRefusedRatherThanAltered() {
        assertThatThrownBy(() -> PromQlTemplate.parse("up{v=\"{{version}}\"}").render(version("1.4\ud800")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken Unicode character");
    }
}
