package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Holds a task's form to what the running process offers it: every input is a task-local
 * variable its listener reads, every displayed variable is visible from the task. A renamed
 * variable breaks this check instead of silently breaking the form.
 */
public final class FormContract {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    // a loop's body names fields of each element, not variables: {{#loop list}}{{field}}{{/loop}}
    private static final Pattern LOOP = Pattern.compile("\\{\\{#loop\\s+([A-Za-z_][A-Za-z0-9_]*)[^}]*}}.*\\{\\{/loop}}", Pattern.DOTALL);
    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private FormContract() {
    }

    public static void assertFits(ProcessEngine engine, Task task) {
        UserTask model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        String formId = model.getCamundaFormRef();
        assertThat(formId).as("form of %s", task.getTaskDefinitionKey()).isNotNull();
        JsonNode form = read(formId);
        assertThat(form.path("id").asText()).isEqualTo(formId);

        Set<String> inputs = new HashSet<>();
        Set<String> displayed = new HashSet<>();
        for (JsonNode component : form.path("components")) {
            collect(component, inputs, displayed);
        }
        Set<String> local = engine.getRuntimeService().getVariablesLocal(task.getExecutionId()).keySet();
        Set<String> visible = engine.getTaskService().getVariables(task.getId()).keySet();
        assertThat(local).as("inputs of form %s must be task-local variables (input parameters)", formId)
                .containsAll(inputs);
        assertThat(visible).as("variables form %s displays must be visible from task %s", formId, task.getTaskDefinitionKey())
                .containsAll(displayed);
    }

    private static void collect(JsonNode component, Set<String> inputs, Set<String> displayed) {
        String type = component.path("type").asText();
        if ("dynamiclist".equals(type)) {
            inputs.add(component.path("path").asText());
            return; // its children's keys are fields of each list item
        }
        if (component.hasNonNull("key")) {
            inputs.add(component.get("key").asText());
        }
        if (component.hasNonNull("valuesKey")) {
            displayed.add(component.get("valuesKey").asText());
        }
        if (component.hasNonNull("text")) {
            String text = component.get("text").asText();
            Matcher loops = LOOP.matcher(text);
            while (loops.find()) {
                displayed.add(loops.group(1));
            }
            Matcher matcher = TEMPLATE_VARIABLE.matcher(LOOP.matcher(text).replaceAll(""));
            while (matcher.find()) {
                displayed.add(matcher.group(1));
            }
        }
        if (component.hasNonNull("dataSource")) {
            Matcher matcher = EXPRESSION_VARIABLE.matcher(component.get("dataSource").asText());
            if (matcher.find()) {
                displayed.add(matcher.group(1));
            }
        }
        for (JsonNode child : component.path("components")) {
            collect(child, inputs, displayed);
        }
    }

    private static JsonNode read(String formId) {
        try {
            return JsonVars.MAPPER.readTree(Files.readString(Path.of("forms", formId + ".form")));
        } catch (IOException e) {
            throw new AssertionError("forms/" + formId + ".form cannot be read", e);
        }
    }
}
