package dev.liftoff.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.config.ApiProblem;
import dev.liftoff.process.JsonVars;
import dev.liftoff.report.ReportDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The release API for CI and people: {@code /api/releases}. Who may call what is decided in
 * {@code config/ApiSecurity}; every refusal is {@code application/problem+json}.
 */
@RestController
@RequestMapping(ReleaseController.PATH)
@Tag(name = "Releases", description = "Start releases, follow them, roll them back, read their reports")
@SecurityRequirement(name = "basic")
@ApiResponse(responseCode = "401", description = "no or wrong credentials (a wrong password locks the user for a few seconds)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ReleaseController.Problem.class)))
@ApiResponse(responseCode = "403", description = "the caller's groups may not do this",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ReleaseController.Problem.class)))
public class ReleaseController {

    public static final String PATH = "/api/releases";
    static final String CHANGED_HEADER = "X-Liftoff-Changed";
    static final int DEFAULT_WAIT_SECONDS = 25;
    static final int MAX_WAIT_SECONDS = 60;
    static final int MAX_PAGE_SIZE = 100;
    static final int REASON_MAX = 2000;
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ReleaseStarter starter;
    private final ReleaseViews views;
    private final ReleaseRollbacks rollbacks;
    private final ReleaseReports reports;
    private final ReleaseWatch watch;
    private final ReleaseList list;

    public ReleaseController(ReleaseStarter starter, ReleaseViews views, ReleaseRollbacks rollbacks, ReleaseReports reports,
            ReleaseWatch watch, ReleaseList list) {
        this.starter = starter;
        this.views = views;
        this.rollbacks = rollbacks;
        this.reports = reports;
        this.watch = watch;
        this.list = list;
    }

    @PostMapping
    @Operation(summary = "Start a release (groups ci, camunda-admin)",
            description = "Validates the request and starts release-lifecycle with business key service@version; the caller "
                    + "is recorded as startedBy. Idempotent: the same service, version and commitSha while that release runs, "
                    + "or after it was RELEASED, answers 200 with the existing release. After REJECTED, FAILED or ROLLED_BACK "
                    + "a new attempt starts. One release per service at a time.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseRequest.class))))
    @ApiResponse(responseCode = "201", description = "started", headers = @Header(name = "Location", description = "/api/releases/{id}"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @ApiResponse(responseCode = "200", description = "this release already runs or was released (a retry)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @ApiResponse(responseCode = "400", description = "malformed body or broken field rules: errors[] names each field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "unknown service: services[] lists the configured ones",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "another release of the service runs (releaseId, link), or this version "
            + "was released from another commit", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<ReleaseView> start(HttpServletRequest request, Authentication caller) throws IOException {
        ReleaseRequest.Parsed parsed = ReleaseRequest.parse(request.getInputStream().readAllBytes());
        ReleaseStarter.Started started = starter.start(parsed, caller.getName(), groups(caller));
        ReleaseView view = (started.created() ? views.justStarted(started.releaseId(), parsed.request(), caller.getName())
                : views.view(started.releaseId())).orElseThrow(() -> ReleaseProblems.notFound(started.releaseId()));
        if (started.created()) {
            return ResponseEntity.created(URI.create(view.links().self())).body(view);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, view.links().self()).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A release: state, stage, open tasks, checks, approvals, outcome (ci and approver groups)",
            description = "id is the process instance id, or service@version for the newest attempt of that version.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ReleaseView get(@PathVariable String id) {
        return views.view(resolve(id)).orElseThrow(() -> ReleaseProblems.notFound(id));
    }

    @GetMapping
    @Operation(summary = "Releases, newest first, paged (ci and approver groups)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseList.ReleasePage.class)))
    @ApiResponse(responseCode = "400", description = "unknown state, page below 0 or size outside 1-100",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReleaseList.ReleasePage list(@RequestParam(required = false) String service,
            @Parameter(description = "RUNNING, WAITING_FOR_APPROVAL, RELEASED, REJECTED, ROLLED_BACK or FAILED")
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        int pageNumber = number("page", page, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
        Optional<ReleaseState> wanted = state == null || state.isBlank() ? Optional.empty() : Optional.of(state(state));
        return list.page(service, wanted, pageNumber, pageSize);
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Ask for a rollback of production (operations, release-managers)",
            description = "Correlates RollbackRequested with rollbackReason and rollbackRequestedBy (the caller) to the "
                    + "release. Only while production is being deployed or watched.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = RollbackRequest.class))))
    @ApiResponse(responseCode = "202", description = "the rollback started", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    @ApiResponse(responseCode = "400", description = "no reason", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "not in a phase that can roll back: phase names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<ReleaseView> rollback(@PathVariable String id, HttpServletRequest request, Authentication caller)
            throws IOException {
        String reason = reason(request.getInputStream().readAllBytes());
        ReleaseView view = rollbacks.request(resolve(id), reason, caller.getName(), groups(caller));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "The release report: Markdown, or HTML with Accept: text/html (ci and approver groups)",
            description = "Once the release is closed, its deployment report from releaseSummary; while it runs, what is known so far.")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<String> report(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReleaseView view = get(id);
        ReportDocument report = reports.report(view);
        if (prefersHtml(accept)) {
            return ResponseEntity.ok().contentType(HTML)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(report.html());
        }
        return ResponseEntity.ok().contentType(MARKDOWN).body(report.markdown());
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "Wait for the release to change (long-poll; ci and approver groups)",
            description = "Answers as soon as the release's revision differs from 'after' (at once when it already does), "
                    + "else after 'timeout' seconds with the unchanged release; header X-Liftoff-Changed says which.")
    @ApiResponse(responseCode = "200", headers = @Header(name = CHANGED_HEADER, description = "true or false"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReleaseView.class)))
    public DeferredResult<ResponseEntity<ReleaseView>> events(@PathVariable String id,
            @Parameter(description = "the revision the client has seen") @RequestParam(required = false) String after,
            @Parameter(description = "seconds to wait, default 25, at most 60") @RequestParam(required = false) String timeout) {
        int seconds = timeout == null || timeout.isBlank() ? DEFAULT_WAIT_SECONDS
                : Math.min(number("timeout", timeout, 0, Integer.MAX_VALUE), MAX_WAIT_SECONDS);
        ReleaseView current = get(id);
        DeferredResult<ResponseEntity<ReleaseView>> result = new DeferredResult<>((seconds + 10) * 1000L);
        Runnable forget = watch.await(current, after, Duration.ofSeconds(seconds),
                (view, changed) -> result.setResult(ResponseEntity.ok().header(CHANGED_HEADER, String.valueOf(changed)).body(view)));
        result.onTimeout(() -> {
            forget.run();
            ReleaseView view = views.view(current.id()).orElse(current);
            result.setResult(ResponseEntity.ok().header(CHANGED_HEADER, String.valueOf(!view.revision().equals(after))).body(view));
        });
        result.onCompletion(forget);
        result.onError(error -> forget.run());
        return result;
    }

    /** the body of {@code POST /api/releases/{id}/rollback} */
    public record RollbackRequest(@Schema(description = "why production must be rolled back", requiredMode = Schema.RequiredMode.REQUIRED)
                                  String reason) {
    }

    /** what a refusal looks like, for the OpenAPI description */
    @Schema(name = "Problem", description = "application/problem+json (RFC 9457)")
    public record Problem(String type, String title, int status, String detail, List<Map<String, String>> errors,
            List<String> services, String releaseId, String link, String phase) {
    }

    private String resolve(String id) {
        return views.resolve(id).orElseThrow(() -> ReleaseProblems.notFound(id));
    }

    private static String reason(byte[] body) {
        JsonNode json;
        try {
            json = body.length == 0 ? JsonVars.MAPPER.createObjectNode() : JsonVars.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body is not valid JSON: send {\"reason\": \"why production must be rolled back\"}.")
                    .withErrors(List.of(ApiProblem.error("body", "not valid JSON")));
        }
        JsonNode reason = json == null ? null : json.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw ReleaseProblems.invalid(List.of(ApiProblem.error("reason",
                    "reason is missing: say why production must be rolled back (it goes to the incident and the report)")));
        }
        if (reason.asText().length() > REASON_MAX) {
            throw ReleaseProblems.invalid(List.of(ApiProblem.error("reason", "reason has at most " + REASON_MAX + " characters")));
        }
        return reason.asText().trim();
    }

    private static ReleaseState state(String state) {
        try {
            return ReleaseState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ReleaseProblems.badParameter("state", "state '" + state + "' is not one of " + Arrays.toString(ReleaseState.values()));
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ReleaseProblems.badParameter(name, name + " '" + value + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    /** HTML only when the client prefers it to Markdown (a browser does; {@code *}{@code /*} and curl get Markdown) */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return quality(accepted, MediaType.TEXT_HTML) > quality(accepted, MARKDOWN);
    }

    private static double quality(List<MediaType> accepted, MediaType type) {
        double best = 0;
        for (MediaType candidate : accepted) {
            if (candidate.includes(type)) {
                double quality = candidate.getQualityValue();
                // a type named exactly beats a wildcard of the same quality
                best = Math.max(best, candidate.isWildcardType() || candidate.isWildcardSubtype() ? quality - 0.0001 : quality);
            }
        }
        return best;
    }

    private static List<String> groups(Authentication caller) {
        List<String> groups = new ArrayList<>();
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if (authority.getAuthority().startsWith("GROUP_")) {
                groups.add(authority.getAuthority().substring("GROUP_".length()));
            }
        }
        return groups;
    }
}
