package dev.liftoff.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives this node's job executor a lock owner of its own, {@code liftoff.cluster.node-id}
 * (default: host name and server port), and when the node starts, before its job executor runs,
 * releases the jobs that owner still holds. Those can only be left from a run of this node that
 * ended without letting go of them, a crash or a {@code kill -9}: without this, its steps would
 * wait for the locks to expire ({@code camunda.bpm.job-execution.lock-time-in-millis}) before
 * any node took them up again. Every node running at the same time needs its own id.
 */
@Component
public class NodeJobLocks extends AbstractProcessEnginePlugin {

    public static final String NODE_ID = "liftoff.cluster.node-id";
    private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);

    private final String nodeId;
    private final boolean stable;

    public NodeJobLocks(@Value("${" + NODE_ID + ":}") String configured, @Value("${server.port:8080}") int port) {
        if (!configured.isBlank()) {
            nodeId = configured.strip();
            stable = true;
        } else if (port > 0) {
            nodeId = hostName() + ":" + port;
            stable = true;
        } else {
            // a random port says nothing about the next start: no id to find this run's locks by
            nodeId = hostName() + ":" + UUID.randomUUID();
            stable = false;
        }
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!stable) {
            LOG.info("Job executor of node {} (no {} and a random server port): jobs left locked by an earlier run wait for their "
                    + "locks to expire", nodeId, NODE_ID);
            return;
        }
        int released = released(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        if (released > 0) {
            LOG.warn("Node {} stopped without letting go of {} job(s) last time: released now, they run again from their last "
                    + "committed state", nodeId, released);
        }
    }

    private int released(DataSource dataSource, String tablePrefix) {
        String prefix = tablePrefix == null ? "" : tablePrefix;
        return new JdbcTemplate(dataSource).update("UPDATE " + prefix + "ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL,"
                + " REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?", nodeId);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
