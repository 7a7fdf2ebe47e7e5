package dev.liftoff.release;

import dev.liftoff.process.JsonVars;
import dev.liftoff.release.ReleaseView.EnvironmentStatus;
import dev.liftoff.release.ReleaseView.OpenTask;
import dev.liftoff.report.ReleaseSummaryService;
import dev.liftoff.report.ReportDocument;
import dev.liftoff.report.SummaryReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The report of {@code GET /api/releases/{id}/report}: once the release is closed, its deployment
 * report from the stored {@code releaseSummary}; while it runs, what is known so far from its live
 * view (stages so far, what it waits for, checks and decisions so far).
 */
@Service
public class ReleaseReports {

    private final ReleaseViews views;
    private final ReleaseSummaryService summaries;

    public ReleaseReports(ReleaseViews views, ReleaseSummaryService summaries) {
        this.views = views;
        this.summaries = summaries;
    }

    public ReportDocument report(ReleaseView view) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Commit time", view.commitTime());
        extra.put("Notes", view.notes());
        extra.put("Started", String.valueOf(view.startedAt()));
        extra.put("Ended", view.endedAt() == null ? null : view.endedAt().toString());
        extra.put("Cockpit", view.links().cockpit());
        if (!view.running()) {
            var summary = views.releaseSummary(view.id());
            if (summary.isPresent()) {
                return SummaryReport.of(summary.get(), extra);
            }
        }
        return live(view, extra);
    }

    private ReportDocument live(ReleaseView view, Map<String, String> extra) {
        ReportDocument report = new ReportDocument("Release " + view.businessKey() + ": " + view.state()
                + (view.running() ? " (" + view.stage() + ")" : ""));
        report.paragraph(view.running() ? "This release is still running; the report grows as it goes." : view.outcomeReason());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Service", view.service());
        facts.put("Version", view.version());
        facts.put("Commit", view.commitSha());
        facts.put("Requested by", view.requestedBy());
        facts.put("Started by", view.startedBy());
        facts.put("State", view.state().name());
        facts.put("Stage", view.stage());
        facts.putAll(extra);
        report.facts(facts);

        report.heading("Waiting for");
        List<List<String>> tasks = new ArrayList<>();
        for (OpenTask task : view.openTasks()) {
            List<String> who = new ArrayList<>(task.groups());
            who.addAll(task.users());
            tasks.add(List.of(task.name(), String.join(", ", who), String.valueOf(task.created()),
                    task.due() == null ? "" : task.due().toString(), task.link()));
        }
        report.table(List.of("Task", "For", "Since", "Due", "Tasklist"), tasks, "Nobody: no task is open.");

        SummaryReport.stages(report, summaries.stages(view.id()));

        report.heading("Checks so far");
        List<List<String>> environments = new ArrayList<>();
        view.environments().forEach((environment, status) -> environments.add(List.of(environment, verified(status),
                status.summary() == null ? "" : status.summary())));
        report.table(List.of("Environment", "Verified", "Summary"), environments, "");
        List<String> otherChecks = new ArrayList<>();
        view.checks().forEach((name, summary) -> {
            if (!view.environments().containsKey(name)) {
                otherChecks.add(name + ": " + summary);
            }
        });
        report.bullets(otherChecks);

        SummaryReport.approvals(report, view.approvals() == null ? JsonVars.MAPPER.createArrayNode() : view.approvals());
        SummaryReport.incidents(report, view.incidents() == null ? JsonVars.MAPPER.createArrayNode() : view.incidents());
        return report;
    }

    private static String verified(EnvironmentStatus status) {
        return status.verified() == null ? "not yet" : status.verified() ? "yes" : "no: it failed";
    }
}
