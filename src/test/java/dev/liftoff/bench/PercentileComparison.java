package dev.liftoff.bench;

import static dev.liftoff.bench.ResultsMarkdown.LIFTOFF;

import dev.liftoff.bench.ResultsMarkdown.AgreementRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which percentiles of an endpoint are compared with which: Liftoff's p50, p95 and p99 with the
 * raw sampler's, its p50 and p99 with wrk's (wrk has no p95); and, for reference, the sampler's
 * with wrk's, which shows how closely two independent tools agree on the same endpoint.
 */
final class PercentileComparison {

    static final String SAMPLER = "raw sampler";
    static final String WRK = "wrk";

    private PercentileComparison() {
    }

    static List<AgreementRow> rows(LatencyProbe probe, Optional<LatencyPercentiles> byLiftoff, LatencyPercentiles bySampler,
            Optional<LatencyPercentiles> byWrk) {
        String endpoint = probe.endpoint();
        List<AgreementRow> rows = new ArrayList<>();
        byLiftoff.ifPresent(liftoff -> {
            rows.add(new AgreementRow(endpoint, LIFTOFF, SAMPLER, new Agreement("p50", liftoff.p50(), bySampler.p50())));
            rows.add(new AgreementRow(endpoint, LIFTOFF, SAMPLER,
                    new Agreement("p95", liftoff.p95().orElseThrow(), bySampler.p95().orElseThrow())));
            rows.add(new AgreementRow(endpoint, LIFTOFF, SAMPLER, new Agreement("p99", liftoff.p99(), bySampler.p99())));
            byWrk.ifPresent(wrk -> {
                rows.add(new AgreementRow(endpoint, LIFTOFF, WRK, new Agreement("p50", liftoff.p50(), wrk.p50())));
                rows.add(new AgreementRow(endpoint, LIFTOFF, WRK, new Agreement("p99", liftoff.p99(), wrk.p99())));
            });
        });
        byWrk.ifPresent(wrk -> {
            rows.add(new AgreementRow(endpoint, SAMPLER, WRK, new Agreement("p50", bySampler.p50(), wrk.p50())));
            rows.add(new AgreementRow(endpoint, SAMPLER, WRK, new Agreement("p99", bySampler.p99(), wrk.p99())));
        });
        return rows;
    }
}
