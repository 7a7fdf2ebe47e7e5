package dev.liftoff.tasklist;

import dev.liftoff.signoff.TaskRefusals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tasklist-session/tasks/{taskId}/access}: may the person logged in to Tasklist work
 * on this task, and if not, why. Liftoff's Tasklist script asks it when a task link opens;
 * it is authenticated by the Tasklist login, and answers 401 without one.
 */
@RestController
public class TaskAccessController {

    static final String PATH = "/tasklist-session/tasks/{taskId}/access";

    private final TaskRefusals refusals;

    public TaskAccessController(TaskRefusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping(PATH)
    public ResponseEntity<?> access(@PathVariable String taskId, HttpServletRequest request) {
        Optional<String> user = TasklistLogin.userOf(request);
        if (user.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "Log in to Tasklist first: this answer is for the person logged in there.");
        }
        return refusals.answer(taskId, user.get())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND,
                        "No open task " + taskId + ": it was completed or withdrawn, or the link is incomplete."));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
