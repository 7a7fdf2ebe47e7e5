package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.operations.ScriptedApprover.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many releases at once, as the load test and the throughput benchmark drive them: started by CI
 * all at the same moment, walked to their end by the six scripted approvers working their queues in
 * parallel, and the node left until its job executor has nothing due.
 */
final class ConcurrentReleases {

    private ConcurrentReleases() {
    }

    /**
     * {@code POST /api/releases} for each service at the same moment, spread over the nodes (as a
     * load balancer would); every answer, in the order of the services.
     */
    static List<LiftoffApi.Reply> startAtOnce(List<LiftoffApi> nodes, List<String> services, String version) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(services.size());
        CountDownLatch ready = new CountDownLatch(services.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LiftoffApi.Reply>> pending = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                LiftoffApi node = nodes.get(i % nodes.size());
                String service = services.get(i);
                pending.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return node.post("ci-bot", "/api/releases", Releases.request(service, version, "abc1234"));
                }));
            }
            ready.await();
            go.countDown();
            List<LiftoffApi.Reply> answers = new ArrayList<>();
            for (Future<LiftoffApi.Reply> answer : pending) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * One thread per approver, each through their own queue, until every one of these releases
     * ended; with several nodes (one approver client each) each person's next round goes to the
     * next node.
     */
    static void walkConcurrently(List<ScriptedApprover> approvers, Releases releases, List<String> businessKeys, Duration timeout)
            throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService people = Executors.newFixedThreadPool(Step.values().length);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (Step step : Step.values()) {
            AtomicInteger rounds = new AtomicInteger(step.ordinal());
            people.submit(() -> {
                while (!done.get()) {
                    ScriptedApprover approver = approvers.get(rounds.getAndIncrement() % approvers.size());
                    try {
                        if (approver.sweep(step, businessKeys) == 0) {
                            LiftoffNode.sleep(250);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e);
                        LiftoffNode.sleep(1000);
                    }
                }
            });
        }
        try {
            Releases.await(() -> "every release to end; " + businessKeys.stream().filter(releases::ended).count() + " of "
                    + businessKeys.size() + " ended; approver errors " + approvers.stream().flatMap(a -> a.errors().stream()).toList()
                    + ", failures " + failures, timeout, () -> releases.allEnded(businessKeys));
        } finally {
            done.set(true);
            people.shutdown();
            people.awaitTermination(1, TimeUnit.MINUTES);
        }
        assertThat(failures).as("approvers' failed calls").isEmpty();
    }

    /** until the job executor has nothing left that is due (the last mails, the outcome notices): a node at rest */
    static void awaitIdle(LiftoffApi api) {
        Releases.await(() -> "the job executor to run every due job", Duration.ofMinutes(3),
                () -> api.json("admin", "/engine-rest/job/count?executable=true").path("count").asLong() == 0);
    }
}
