package dev.liftoff.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The mail that tells people a task waits for them in Tasklist, reminds them of it or says it is
 * overdue: what is decided, for which release, the evidence, the due date, and a link to the task
 * (one template per {@link Notice} under {@code templates/}).
 * Links start at {@code liftoff.public-url}, the address people reach Liftoff at.
 */
@Service
public class TaskMail {

    static final String PUBLIC_URL = "liftoff.public-url";

    private final Mailer mailer;
    private final URI publicUrl;

    /** @throws IllegalStateException when {@code publicUrl} is not an absolute http(s) URL */
    public TaskMail(Mailer mailer, @Value("${" + PUBLIC_URL + ":http://localhost:8080}") String publicUrl) {
        this.mailer = mailer;
        this.publicUrl = parse(publicUrl);
    }

    /** where the task opens in Tasklist */
    public URI linkTo(String taskId) {
        return URI.create(publicUrl.toString().replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=" + taskId);
    }

    /** @param key the sending step's ({@link MailKeys}) */
    public void send(String key, Notice notice, WaitingTask task, List<String> to) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("taskName", task.name());
        values.put("release", task.release());
        values.put("service", task.service());
        values.put("version", task.version());
        values.put("commitSha", task.commitSha());
        values.put("candidates", task.candidates());
        values.put("due", task.due() == null ? "no due date" : task.due().toString());
        values.put("evidence", task.evidence());
        values.put("link", linkTo(task.id()).toString());
        mailer.send(key, to, notice.template().render(values));
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw new IllegalStateException(PUBLIC_URL + " must be the absolute http(s) URL people reach Liftoff at, e.g. "
                + "https://liftoff.example.com; it is '" + url + "'");
    }
}
