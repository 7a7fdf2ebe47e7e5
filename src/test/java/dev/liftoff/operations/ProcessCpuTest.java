package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void threadsAreSortedByKindWhetherTheirNumbersAreThereOrNot() {
        assertThat(ProcessCpu.threadKind("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ProcessCpu.threadKind("C# CompilerThre")).isEqualTo("JIT");
        assertThat(ProcessCpu.threadKind("G1 Conc#0")).isEqualTo("GC and VM");
        assertThat(ProcessCpu.threadKind("GC Thread#1")).isEqualTo("GC and VM");
        assertThat(ProcessCpu.threadKind("camundaTaskExe")).isEqualTo("job executor");
        assertThat(ProcessCpu.threadKind("http-nio-#-")).isEqualTo("HTTP");
        assertThat(ProcessCpu.threadKind("ended threads")).isEqualTo("ended threads");
        assertThat(ProcessCpu.threadKind("Signal Dispatch")).isEqualTo("other");
    }

    @Test
    void theThreadsOfThisJvmAddUpToWhatItUsed() {
        long pid = ProcessHandle.current().pid();
        Map<String, Double> byThread = ProcessCpu.byThreadName(pid);
        double total = ProcessCpu.seconds(pid);

        assertThat(byThread).containsKey("ended threads").anySatisfy((name, seconds) -> assertThat(name).contains("#"));
        assertThat(byThread.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(total, within(0.5));
    }
}
