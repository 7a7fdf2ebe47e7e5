package dev.liftoff.notification;

/** Why a task's mail goes out, with its subject line and template. */
public enum Notice {
    CREATED("Waiting for you in Tasklist: ", "task-created-email.txt"),
    REMINDER("Reminder, due soon: ", "task-reminder-email.txt"),
    OVERDUE("Overdue: ", "task-overdue-email.txt");

    private final String subjectPrefix;
    private final TextTemplate template;

    Notice(String subjectPrefix, String template) {
        this.subjectPrefix = subjectPrefix;
        this.template = TextTemplate.load(template);
    }

    String subject(WaitingTask task) {
        return subjectPrefix + task.name();
    }

    TextTemplate template() {
        return template;
    }
}
