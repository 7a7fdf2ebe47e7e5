package dev.liftoff.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link HistoryProperties} into the engine, so that history does not grow without bound:
 * the engine gives every finished process instance a removal time (its end plus the history time
 * to live of its root process) and deletes what has expired in the cleanup window.
 *
 * <p>The time to live reaches every process definition two ways. A parse listener sets it on each
 * definition as it is deployed, so new versions (also those deployed later over REST or from
 * Modeler) are stored with it. A deployment whose BPMN did not change creates no new version,
 * though, so after the engine is built the definitions already in the database whose time to live
 * differs from the configuration are updated too: a changed setting applies at the next start,
 * without a redeployment.
 */
@Component
public class HistoryCleanup extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCleanup.class);

    private final HistoryProperties history;

    public HistoryCleanup(HistoryProperties history) {
        this.history = history;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                history.daysFor(processDefinition.getKey()).ifPresent(processDefinition::setHistoryTimeToLive);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        history.windowStart().ifPresent(configuration::setHistoryCleanupBatchWindowStartTime);
        history.windowEnd().ifPresent(configuration::setHistoryCleanupBatchWindowEndTime);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            history.daysFor(definition.getKey())
                    .filter(days -> !days.equals(definition.getHistoryTimeToLive()))
                    .ifPresent(days -> {
                        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                        LOG.info("History of {} is kept {} days now (liftoff.history.time-to-live), was {}", definition.getId(), days,
                                definition.getHistoryTimeToLive());
                    });
        }
    }
}
