package dev.liftoff.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The benchmark's figures as the Markdown tables of bench/RESULTS.md. */
final class ResultsMarkdown {

    /** one measurement of an endpoint's percentiles, or why there is none */
    record PercentileRow(String endpoint, String source, Optional<LatencyPercentiles> percentiles, String absentBecause) {
    }

    /** one tool's figure of a percentile against another's */
    record AgreementRow(String endpoint, String measuredBy, String against, Agreement agreement) {

        /**
         * whether the benchmark holds Liftoff to this row: its figures against the raw sampler's, which
         * measures from a JVM on the same machine at the same moment. wrk (a C event loop) is shown for
         * reference: every JVM client on a 2-core machine reads a heavier tail than it does.
         */
        boolean binding() {
            return measuredBy.equals(LIFTOFF) && against.equals(PercentileComparison.SAMPLER);
        }
    }

    static final String LIFTOFF = "Liftoff";

    private ResultsMarkdown() {
    }

    static String wallTimes(WallTimes liftoff, WallTimes script, Duration physicalLimit, Duration sequentialLimit, int liftoffChecks,
            String scriptSummary) {
        double limitMs = physicalLimit.toMillis();
        double liftoffOverLimit = liftoff.medianMs() / limitMs;
        return """
                ### Wall time of one pass (median of %d runs, after one warm-up run each)

                | suite | checks | median | runs |
                |---|---|---|---|
                | Liftoff `VerificationService.verify` | %d (health, deployed commit, %d smoke assertions, security headers of the same responses) | %s ms | %s |
                | sequential runbook script `bench/runbook-smoke.sh` | %s | %s ms | %s |
                | physical limit: the slowest single request (POST /api/generate) | | %s ms | |
                | limit of any sequential pass: the six delays one after another | | %s ms | |

                | ratio | value | goal |
                |---|---|---|
                | Liftoff ÷ physical limit | %s | ≤ 1.5 (%s) |
                | runbook script ÷ Liftoff | %s | |
                """.formatted(liftoff.runsMs().size(),
                liftoffChecks, ReferencePlan.SMOKE_ASSERTIONS, number(liftoff.medianMs()), runs(liftoff),
                scriptSummary, number(script.medianMs()), runs(script),
                number(limitMs), number(sequentialLimit.toMillis()),
                ratio(liftoffOverLimit), liftoffOverLimit <= 1.5 ? "met" : "missed",
                ratio(script.medianMs() / liftoff.medianMs()));
    }

    static String percentiles(List<PercentileRow> measurements, List<AgreementRow> agreements, String status) {
        String measured = measurements.stream()
                .map(row -> row.percentiles()
                        .map(p -> "| %s | %s | %d | %s | %s | %s | %s |".formatted(row.endpoint(), row.source(), p.samples(),
                                millis(p.p50()), millis(p.p90()), millis(p.p95()), millis(p.p99())))
                        .orElse("| %s | %s | %s | | | | |".formatted(row.endpoint(), row.source(), row.absentBecause())))
                .collect(Collectors.joining("\n"));
        String compared = agreements.stream()
                .map(row -> "| %s | %s | %s | %s | %s | %s | %s | %s |".formatted(row.endpoint(), row.measuredBy(), row.against(),
                        row.agreement().percentile(), millis(row.agreement().measuredMs()), millis(row.agreement().referenceMs()),
                        String.format(Locale.ROOT, "%+.1f %% (allowed ±%s ms)", row.agreement().deviationPercent(),
                                millis(row.agreement().allowedMs())),
                        verdict(row)))
                .collect(Collectors.joining("\n"));
        if (agreements.stream().noneMatch(AgreementRow::binding)) {
            compared = "| every probe | " + LIFTOFF + " | raw sampler | p50, p95, p99 | — | — | — | " + status + " |\n" + compared;
        }
        return """
                ### Latency percentiles: Liftoff against independent measurements (%s)

                Percentiles in ms, nearest rank; wrk reports 50/75/90/99 %%, Liftoff 50/95/99 %%.

                | endpoint | measured by | samples | p50 | p90 | p95 | p99 |
                |---|---|---|---|---|---|---|
                %s

                Liftoff must agree with the raw sampler within 10 %% at p50, p95 and p99 (bold verdicts):
                both measure from a JVM on this machine at the same moment. wrk, a C event loop, is shown
                for reference, Liftoff and the raw sampler against it alike: it shows how far apart
                two honest tools of different kinds are.

                | endpoint | measured by | compared with | percentile | measured ms | reference ms | difference | verdict |
                |---|---|---|---|---|---|---|---|
                %s
                """.formatted(status, measured, compared);
    }

    private static String verdict(AgreementRow row) {
        String verdict = row.agreement().agrees() ? "agrees" : "disagrees";
        return row.binding() ? "**" + verdict + "**" : verdict + " (for reference)";
    }

    static String section(String heading, String target, Map<String, String> environment, List<String> parts) {
        String facts = environment.entrySet().stream()
                .map(fact -> "- " + fact.getKey() + ": " + fact.getValue())
                .collect(Collectors.joining("\n"));
        return "## " + heading + "\n\n" + target + "\n\n" + facts + "\n\n" + String.join("\n", parts);
    }

    private static String runs(WallTimes times) {
        return times.runsMs().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String millis(OptionalDouble value) {
        return value.isPresent() ? millis(value.getAsDouble()) : "—";
    }
}
