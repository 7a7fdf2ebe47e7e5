package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aThreadsCpuShowsUnderTheNameOfItsPool() throws Exception {
        long pid = ProcessHandle.current().pid();
        double before = ProcessCpu.byThreadName(pid).getOrDefault("cpu-burner-#", 0.0);
        Thread burner = new Thread(() -> {
            long until = System.nanoTime() + 400_000_000L;
            long sum = 0;
            while (System.nanoTime() < until) {
                sum += System.nanoTime() % 7;
            }
            assertThat(sum).isNotNegative();
        }, "cpu-burner-17");
        burner.start();
        // read while it still runs: an ended thread shows only in the process's total
        Thread.sleep(300);
        double during = ProcessCpu.byThreadName(pid).getOrDefault("cpu-burner-#", 0.0);
        burner.join();

        assertThat(during - before).as("CPU seconds of the thread cpu-burner-17 after 300 ms of spinning").isBetween(0.05, 0.5);
    }
}
