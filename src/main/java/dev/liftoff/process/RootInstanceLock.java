package dev.liftoff.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The row lock of a task's root instance, taken in the engine transaction that completes the task
 * (see {@link OneDecisionAtATime}): a second completion of a task of the same release waits for the
 * first to commit. Plain JDBC on the command's own connection, since it must come before the
 * engine reads anything of the release.
 */
final class RootInstanceLock {

    /** deeper than any chain of called processes Liftoff has */
    private static final int MAX_DEPTH = 10;

    private RootInstanceLock() {
    }

    /** locks the root instance of the task until the current engine transaction ends; nothing when the task has none */
    static void forTask(String taskId) {
        String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        String rootId = null;
        try {
            rootId = single(connection, "SELECT PROC_INST_ID_ FROM " + prefix + "ACT_RU_TASK WHERE ID_ = ?", taskId);
            if (rootId == null) {
                return; // no such task (the command says so), or a task outside any process
            }
            // up through the called processes: the instance whose super execution is in another instance
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                String caller = single(connection, "SELECT S.PROC_INST_ID_ FROM " + prefix + "ACT_RU_EXECUTION P JOIN " + prefix
                        + "ACT_RU_EXECUTION S ON S.ID_ = P.SUPER_EXEC_ WHERE P.ID_ = ?", rootId);
                if (caller == null) {
                    break;
                }
                rootId = caller;
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT ID_ FROM " + prefix + "ACT_RU_EXECUTION WHERE ID_ = ? FOR UPDATE")) {
                lock.setString(1, rootId);
                lock.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("could not take the lock of release instance " + rootId + " for task " + taskId
                    + " (another decision of the release is being saved): " + e.getMessage() + "; try again", e);
        }
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
