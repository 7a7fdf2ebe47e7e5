package dev.liftoff.release;

import dev.liftoff.config.ApiProblem;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal and fault of {@link ReleaseController} as {@code application/problem+json}. */
@RestControllerAdvice(assignableTypes = ReleaseController.class)
class ReleaseApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<String> refused(ApiProblem problem) {
        return problem.toResponse();
    }

    /** the engine's own check, behind the API's: e.g. a group granted the API but not the process */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<String> notAuthorized(AuthorizationException e) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()).toResponse();
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        LOG.error("the release API failed", e);
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Liftoff failed",
                "Liftoff could not answer (" + e.getClass().getSimpleName() + "); the log has the details. Retrying may help.")
                .toResponse();
    }
}
