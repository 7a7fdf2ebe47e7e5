package dev.liftoff.verification;

import dev.liftoff.config.SmokeCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends a service's smoke requests to an environment, a few at a time so that a suite of slow
 * endpoints finishes quickly without flooding the environment, and reports their checks in the
 * configured order.
 */
final class SmokeRunner {

    private static final int PARALLEL_REQUESTS = 4;

    private final TargetHttp http;
    private final ExpectationEvaluator evaluator = new ExpectationEvaluator();

    SmokeRunner(TargetHttp http) {
        this.http = http;
    }

    List<CheckResult> run(URI baseUrl, List<SmokeCheck> smoke) {
        if (smoke.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_REQUESTS, smoke.size()), SmokeRunner::smokeThread);
        try {
            List<Future<List<CheckResult>>> pending = smoke.stream()
                    .map(check -> pool.submit(() -> evaluator.evaluate(check,
                            http.send(baseUrl, check.method(), check.path(), check.headers(), check.body()))))
                    .toList();
            List<CheckResult> results = new ArrayList<>();
            for (Future<List<CheckResult>> checks : pending) {
                results.addAll(await(checks));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<CheckResult> await(Future<List<CheckResult>> checks) {
        try {
            return checks.get();
        } catch (ExecutionException e) {
            // only Liftoff's own faults get here (e.g. a path that leaves the base URL): rethrow them as they were
            if (e.getCause() instanceof RuntimeException fault) {
                throw fault;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running smoke checks", e);
        }
    }

    private static Thread smokeThread(Runnable task) {
        Thread thread = new Thread(task, "liftoff-smoke");
        thread.setDaemon(true);
        return thread;
    }
}
