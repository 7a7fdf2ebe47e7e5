package dev.liftoff.release;

import dev.liftoff.config.ApiProblem;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import dev.liftoff.release.ReleaseRequestValidator.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a release for {@code POST /api/releases}: checks the request, then, holding the service's
 * lock, either finds the release the request means (a retry) or a running one it conflicts with,
 * or starts a new attempt. Nothing is started when the request is refused.
 *
 * <p>Exactly one release per service: the check and the start run in one transaction that holds
 * the service's database row lock ({@link ServiceLocks}), which serialises requests on every node
 * sharing the database; the engine joins that transaction (Spring-managed), so a new release is
 * visible to the next request as soon as the lock is free. A lock per service in this JVM comes
 * first, so that on one node the waiting happens here and not in the database.
 */
@Service
public class ReleaseStarter {

    /** how long a request waits for its turn on a busy service before it is answered 503 */
    static final long WAIT_FOR_TURN_MS = 15_000;

    /** the release the request led to, and whether this request started it */
    public record Started(String releaseId, boolean created) {
    }

    private final ReleaseRequestValidator validator;
    private final ServiceLocks locks;
    private final RunningReleases runningReleases;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final ReleaseViews views;
    private final TransactionTemplate transaction;
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();

    public ReleaseStarter(ReleaseRequestValidator validator, ServiceLocks locks, RunningReleases runningReleases, RuntimeService runtime,
            HistoryService history, IdentityService identity, ReleaseViews views, PlatformTransactionManager transactionManager) {
        this.validator = validator;
        this.locks = locks;
        this.runningReleases = runningReleases;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.views = views;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @param caller       the authenticated user: recorded as {@code startedBy}
     * @param callerGroups the caller's Camunda groups: the start runs under their authorizations
     * @throws ApiProblem 400 invalid request, 422 unknown service, 409 conflicting release, 503 busy
     */
    public Started start(ReleaseRequest.Parsed parsed, String caller, List<String> callerGroups) {
        ReleaseRequest request = validate(parsed);
        ReentrantLock local = localLocks.computeIfAbsent(request.service(), service -> new ReentrantLock(true));
        long deadline = System.currentTimeMillis() + WAIT_FOR_TURN_MS;
        try {
            if (!local.tryLock(WAIT_FOR_TURN_MS, TimeUnit.MILLISECONDS)) {
                throw ReleaseProblems.busy(request.service());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReleaseProblems.busy(request.service());
        }
        try {
            locks.ensureRow(request.service());
            while (true) {
                try {
                    return transaction.execute(status -> {
                        locks.lock(request.service(), caller);
                        return decideAndStart(request, caller, callerGroups);
                    });
                } catch (PessimisticLockingFailureException lockTimeout) {
                    // another node holds the service longer than the database waits for a lock
                    if (System.currentTimeMillis() > deadline) {
                        throw ReleaseProblems.busy(request.service());
                    }
                }
            }
        } finally {
            local.unlock();
        }
    }

    /** the request, once every field rule holds and its service is configured */
    ReleaseRequest validate(ReleaseRequest.Parsed parsed) {
        ReleaseRequest request = parsed.request();
        List<Map<String, String>> errors = new ArrayList<>(parsed.errors());
        FieldProblem unknownService = null;
        for (FieldProblem problem : validator.fieldProblems(request.service(), request.version(), request.commitSha(),
                request.requestedBy())) {
            if (parsed.reported(problem.field())) {
                continue;
            }
            if (problem.unknownService()) {
                unknownService = problem;
            }
            errors.add(ApiProblem.error(problem.field(), problem.message()));
        }
        errors.sort(java.util.Comparator.comparingInt(error -> ReleaseRequest.FIELDS.indexOf(error.get("field"))));
        if (unknownService != null && errors.size() == 1) {
            throw ReleaseProblems.unknownService(request.service(), validator.configuredServices());
        }
        if (!errors.isEmpty()) {
            throw ReleaseProblems.invalid(errors);
        }
        return request;
    }

    /** runs holding the service's lock: every release of the service started before is visible now */
    private Started decideAndStart(ReleaseRequest request, String caller, List<String> callerGroups) {
        for (ProcessInstance instance : runningReleases.of(request.service())) {
            ReleaseView view = views.view(instance.getId()).orElse(null);
            if (view == null) {
                continue;
            }
            if (sameRelease(view, request)) {
                return new Started(view.id(), false);
            }
            throw ReleaseProblems.alreadyRunning(view, request);
        }
        Optional<ReleaseView> released = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE).processInstanceBusinessKey(request.businessKey())
                .finished().variableValueEquals(Vars.OUTCOME, ReleaseState.RELEASED.name()).list().stream()
                .map(HistoricProcessInstance::getId).map(views::view).flatMap(Optional::stream)
                .filter(view -> view.state() == ReleaseState.RELEASED).findFirst();
        if (released.isPresent()) {
            if (sameRelease(released.get(), request)) {
                return new Started(released.get().id(), false);
            }
            throw ReleaseProblems.versionReleased(released.get(), request);
        }
        return new Started(startProcess(request, caller, callerGroups), true);
    }

    private static boolean sameRelease(ReleaseView view, ReleaseRequest request) {
        return request.version().equals(view.version()) && request.commitSha().equalsIgnoreCase(String.valueOf(view.commitSha()));
    }

    private String startProcess(ReleaseRequest request, String caller, List<String> callerGroups) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Vars.SERVICE, request.service());
        variables.put(Vars.VERSION, request.version());
        variables.put(Vars.COMMIT_SHA, request.commitSha());
        variables.put(Vars.REQUESTED_BY, request.requestedBy());
        if (request.commitTime() != null) {
            variables.put(ReleaseViews.COMMIT_TIME, request.commitTime());
        }
        if (request.notes() != null) {
            variables.put(ReleaseViews.NOTES, request.notes());
        }
        if (request.isDrill()) {
            variables.put(Vars.DRILL, true);
        }
        // as over /engine-rest: the engine checks the caller's authorizations, and the first step
        // records the authenticated caller as startedBy
        identity.setAuthentication(caller, callerGroups);
        try {
            return runtime.createProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE).businessKey(request.businessKey())
                    .setVariables(variables).execute().getId();
        } finally {
            identity.clearAuthentication();
        }
    }
}
