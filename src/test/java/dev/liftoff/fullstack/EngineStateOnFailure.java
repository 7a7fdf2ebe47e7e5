package dev.liftoff.fullstack;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * When a full-stack test fails, prints what the engine holds at that moment: every job with its
 * lock, retries and due date, every incident, and where each execution waits. A release that
 * "never reached its next task" then says whether a job was locked, failed, not yet due or missing.
 */
public class EngineStateOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            JdbcTemplate jdbc = new JdbcTemplate(SpringExtension.getApplicationContext(context).getBean(DataSource.class));
            StringBuilder out = new StringBuilder("\n=== engine state when " + context.getDisplayName() + " failed ===\n");
            // a job names its activity through its job definition (ACT_RU_JOB has no ACT_ID_)
            print(out, "jobs", jdbc.queryForList("SELECT J.ID_, J.TYPE_, J.PROCESS_INSTANCE_ID_, D.ACT_ID_, J.HANDLER_TYPE_,"
                    + " J.HANDLER_CFG_, J.LOCK_OWNER_, J.LOCK_EXP_TIME_, J.RETRIES_, J.DUEDATE_, J.SUSPENSION_STATE_, J.EXCLUSIVE_,"
                    + " J.PRIORITY_, J.EXCEPTION_MSG_ FROM ACT_RU_JOB J LEFT JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_"
                    + " ORDER BY J.PROCESS_INSTANCE_ID_"));
            print(out, "incidents", jdbc.queryForList("SELECT INCIDENT_TYPE_, PROC_INST_ID_, ACTIVITY_ID_, INCIDENT_MSG_ FROM ACT_RU_INCIDENT"));
            print(out, "executions", jdbc.queryForList("SELECT ID_, PROC_INST_ID_, BUSINESS_KEY_, PARENT_ID_, SUPER_EXEC_, ACT_ID_,"
                    + " ACT_INST_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, SUSPENSION_STATE_, REV_ FROM ACT_RU_EXECUTION ORDER BY PROC_INST_ID_"));
            print(out, "release outcomes and monitoring", jdbc.queryForList("SELECT P.BUSINESS_KEY_, V.NAME_, V.TEXT_,"
                    + " B.BYTES_ FROM ACT_HI_VARINST V JOIN ACT_HI_PROCINST P ON P.ID_ = V.PROC_INST_ID_"
                    + " LEFT JOIN ACT_GE_BYTEARRAY B ON B.ID_ = V.BYTEARRAY_ID_"
                    + " WHERE P.PROC_DEF_KEY_ = 'release-lifecycle' AND V.PROC_INST_ID_ = V.EXECUTION_ID_"
                    + " AND (V.NAME_ IN ('outcome', 'outcomeReason') OR V.NAME_ LIKE '%Monitoring')"
                    + " ORDER BY P.START_TIME_").stream().map(EngineStateOnFailure::readable).toList());
            System.out.println(out);
        } catch (RuntimeException e) {
            System.out.println("engine state unavailable: " + e);
        }
        throw failure;
    }

    /** a JSON variable's bytes as text, cut to a length a log can hold */
    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> shown = new java.util.LinkedHashMap<>(row);
        if (row.get("BYTES_") instanceof byte[] bytes) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            shown.put("BYTES_", text.length() > 3000 ? text.substring(0, 3000) + "..." : text);
        }
        return shown;
    }

    private static void print(StringBuilder out, String title, List<Map<String, Object>> rows) {
        out.append("-- ").append(title).append(" (").append(rows.size()).append(")\n");
        rows.forEach(row -> out.append("   ").append(row).append('\n'));
    }
}
