package dev.liftoff.release;

import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/releases}: releases newest first, paged, of one service and in one state if asked.
 * An ended release is found by its outcome; {@code FAILED} also takes in the releases that ended
 * without one (cancelled in Cockpit), whose view says FAILED. Running releases (one per service at
 * most) are told apart as RUNNING or WAITING_FOR_APPROVAL on their views.
 */
@Service
public class ReleaseList {

    private final HistoryService history;
    private final ReleaseViews views;

    public ReleaseList(HistoryService history, ReleaseViews views) {
        this.history = history;
        this.views = views;
    }

    /** A page of {@code GET /api/releases}. */
    public record ReleasePage(List<ReleaseView> items, int page, int size, long total) {
    }

    public ReleasePage page(String service, Optional<ReleaseState> state, int page, int size) {
        Supplier<HistoricProcessInstanceQuery> releases = () -> {
            HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE).rootProcessInstances();
            return service == null || service.isBlank() ? query : query.variableValueEquals(Vars.SERVICE, service);
        };
        if (state.isEmpty()) {
            return queried(releases.get(), page, size);
        }
        if (state.get() == ReleaseState.FAILED) {
            return failed(releases, page, size);
        }
        if (state.get().ended()) {
            return queried(releases.get().finished().variableValueEquals(Vars.OUTCOME, state.get().name()), page, size);
        }
        return slice(viewsOf(newestFirst(releases.get().unfinished()).list(), state.get()), page, size);
    }

    private ReleasePage queried(HistoricProcessInstanceQuery query, int page, int size) {
        long total = query.count();
        List<ReleaseView> items = newestFirst(query).listPage(page * size, size).stream()
                .map(HistoricProcessInstance::getId).map(views::view).flatMap(Optional::stream).toList();
        return new ReleasePage(items, page, size, total);
    }

    /** outcome FAILED, and the few that ended without an outcome: both read FAILED */
    private ReleasePage failed(Supplier<HistoricProcessInstanceQuery> releases, int page, int size) {
        long upTo = Math.min((long) (page + 1) * size, Integer.MAX_VALUE);
        Map<String, HistoricProcessInstance> failed = new LinkedHashMap<>();
        newestFirst(releases.get().finished().variableValueEquals(Vars.OUTCOME, ReleaseState.FAILED.name()))
                .listPage(0, (int) upTo).forEach(instance -> failed.put(instance.getId(), instance));
        long withOutcome = releases.get().finished().variableValueEquals(Vars.OUTCOME, ReleaseState.FAILED.name()).count();
        List<HistoricProcessInstance> cancelled = releases.get().externallyTerminated().list().stream()
                .filter(instance -> withoutOutcome(instance.getId())).toList();
        cancelled.forEach(instance -> failed.putIfAbsent(instance.getId(), instance));
        List<HistoricProcessInstance> newestFirst = new ArrayList<>(failed.values());
        newestFirst.sort(Comparator.comparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId)
                .reversed());
        int from = (int) Math.min((long) page * size, newestFirst.size());
        List<ReleaseView> items = newestFirst.subList(from, Math.min(from + size, newestFirst.size())).stream()
                .map(HistoricProcessInstance::getId).map(views::view).flatMap(Optional::stream).toList();
        return new ReleasePage(items, page, size, withOutcome + cancelled.size());
    }

    private boolean withoutOutcome(String releaseId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(releaseId).variableName(Vars.OUTCOME).count() == 0;
    }

    private List<ReleaseView> viewsOf(List<HistoricProcessInstance> instances, ReleaseState state) {
        return instances.stream().map(HistoricProcessInstance::getId).map(views::view).flatMap(Optional::stream)
                .filter(view -> view.state() == state).toList();
    }

    private static ReleasePage slice(List<ReleaseView> matching, int page, int size) {
        int from = (int) Math.min((long) page * size, matching.size());
        return new ReleasePage(matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size());
    }

    static HistoricProcessInstanceQuery newestFirst(HistoricProcessInstanceQuery query) {
        return query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().desc();
    }
}
