package dev.liftoff.release;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Long-polls for {@code GET /api/releases/{id}/events}: clients wait here, without holding a
 * request thread, until their release's revision differs from the one they know, or their time is
 * up. One thread looks at every watched release every {@value #TICK_MS} ms, deriving each view once
 * however many clients wait for it, so a change reaches them well within a second.
 */
@Component
public class ReleaseWatch implements DisposableBean {

    static final long TICK_MS = 150;
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseWatch.class);

    /** answers a waiting client: the view, and whether it changed */
    private record Waiter(String after, long deadlineNanos, BiConsumer<ReleaseView, Boolean> answer) {
    }

    private final ReleaseViews views;
    private final Map<String, List<Waiter>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "liftoff-release-watch");
        thread.setDaemon(true);
        return thread;
    });

    public ReleaseWatch(ReleaseViews views) {
        this.views = views;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code answer} once: at once when {@code current} already differs from {@code after},
     * else from the watch thread as soon as the release changes, or with the unchanged view when
     * {@code timeout} has passed.
     *
     * @return a handle that forgets the waiter (when the client went away)
     */
    public Runnable await(ReleaseView current, String after, Duration timeout, BiConsumer<ReleaseView, Boolean> answer) {
        if (!current.revision().equals(after)) {
            answer.accept(current, true);
            return () -> {
            };
        }
        Waiter waiter = new Waiter(after, System.nanoTime() + timeout.toNanos(), answer);
        waiting.compute(current.id(), (id, list) -> {
            List<Waiter> waiters = list == null ? new CopyOnWriteArrayList<>() : list;
            waiters.add(waiter);
            return waiters;
        });
        return () -> forget(current.id(), waiter);
    }

    private void tick() {
        for (String id : List.copyOf(waiting.keySet())) {
            List<Waiter> waiters = waiting.get(id);
            if (waiters == null || waiters.isEmpty()) {
                waiting.computeIfPresent(id, (key, list) -> list.isEmpty() ? null : list);
                continue;
            }
            Optional<ReleaseView> view;
            try {
                view = views.view(id);
            } catch (RuntimeException e) {
                // the database may be busy for a moment: look again at the next tick
                LOG.warn("cannot look at release {} for its watchers: {}", id, e.toString());
                continue;
            }
            long now = System.nanoTime();
            for (Waiter waiter : waiters) {
                if (view.isEmpty()) {
                    continue;
                }
                boolean changed = !view.get().revision().equals(waiter.after());
                if (changed || now - waiter.deadlineNanos() >= 0) {
                    forget(id, waiter);
                    try {
                        waiter.answer().accept(view.get(), changed);
                    } catch (RuntimeException e) {
                        LOG.debug("a watcher of release {} could not be answered: {}", id, e.toString());
                    }
                }
            }
        }
    }

    private void forget(String id, Waiter waiter) {
        waiting.computeIfPresent(id, (key, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }

    /** how many clients wait, for tests and metrics */
    int waiting() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
