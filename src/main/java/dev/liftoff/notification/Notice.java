package dev.liftoff.notification;

/** Why a task's mail goes out, with its template (subject and text). */
public enum Notice {
    CREATED("task-created-email.txt"),
    REMINDER("task-reminder-email.txt"),
    OVERDUE("task-overdue-email.txt");

    private final MailTemplate template;

    Notice(String template) {
        this.template = MailTemplate.load(template);
    }

    MailTemplate template() {
        return template;
    }
}
