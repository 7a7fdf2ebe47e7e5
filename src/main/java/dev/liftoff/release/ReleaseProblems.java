package dev.liftoff.release;

import dev.liftoff.config.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The refusals of {@code /api/releases}, each with a detail that says what to do. */
final class ReleaseProblems {

    private ReleaseProblems() {
    }

    static ApiProblem invalid(List<Map<String, String>> errors) {
        String detail = "The release request was refused and nothing was started: "
                + errors.stream().map(error -> error.get("message")).collect(Collectors.joining("; ")) + ".";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid release request", detail).withErrors(errors);
    }

    static ApiProblem unknownService(String service, List<String> services) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-service", "Unknown service",
                "Service '" + service + "' is not configured in Liftoff; configured services: " + String.join(", ", services)
                        + ". Use one of them, or ask the platform admin to declare it under liftoff.services.")
                .withErrors(List.of(ApiProblem.error("service", "service '" + service + "' is not configured")))
                .with("services", services);
    }

    static ApiProblem alreadyRunning(ReleaseView running, ReleaseRequest request) {
        String same = request.version().equals(running.version())
                ? "the same version from commit " + running.commitSha()
                : "version " + running.version();
        return new ApiProblem(HttpStatus.CONFLICT, "release-running", "A release of this service is running",
                "A release of " + request.service() + " is running (" + running.businessKey() + ", " + same + ", "
                        + running.stage() + "): one release per service at a time. Wait for it to end, or follow it at "
                        + running.links().self() + ".")
                .with("releaseId", running.id())
                .with("businessKey", running.businessKey())
                .with("state", running.state())
                .with("link", running.links().self());
    }

    static ApiProblem versionReleased(ReleaseView released, ReleaseRequest request) {
        return new ApiProblem(HttpStatus.CONFLICT, "version-released", "This version was released from another commit",
                released.businessKey() + " was already released from commit " + released.commitSha() + "; commit "
                        + request.commitSha() + " needs a version of its own.")
                .with("releaseId", released.id())
                .with("businessKey", released.businessKey())
                .with("state", released.state())
                .with("link", released.links().self());
    }

    static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "release-not-found", "No such release",
                "No release '" + id + "': use the id from POST /api/releases or GET /api/releases, or <service>@<version>.");
    }

    static ApiProblem cannotRollBack(ReleaseView release) {
        String detail = release.running()
                ? release.businessKey() + " is in its phase '" + release.stage() + "': a rollback can be asked for only while "
                        + "production is being deployed or watched; before that, nothing in production changed."
                : release.businessKey() + " has ended (" + release.state() + "): there is nothing left to roll back.";
        return new ApiProblem(HttpStatus.CONFLICT, "cannot-roll-back", "Not in a phase that can roll back", detail)
                .with("releaseId", release.id())
                .with("phase", release.stage())
                .with("state", release.state());
    }

    static ApiProblem busy(String service) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                "Other requests for " + service + " are being answered; try again in a few seconds.");
    }

    static ApiProblem badParameter(String name, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", message)
                .withErrors(List.of(ApiProblem.error(name, message)));
    }
}
