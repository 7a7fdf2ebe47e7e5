package dev.liftoff.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** bench/runbook-smoke.sh, the reference plan as a runbook runs it: sequential curl and jq. */
final class RunbookScript {

    /** what one run printed and how long it took, from starting the process to its exit */
    record Run(int exitCode, long wallMs, String output) {

        boolean passed() {
            return exitCode == 0;
        }

        /** the script's last line, e.g. "31 passed, 0 failed" */
        String summary() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private final Path script;

    RunbookScript(Path script) {
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script.toAbsolutePath() + " is missing or not executable");
        }
        this.script = script;
    }

    Run run(URI baseUrl) {
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), baseUrl.toString())).redirectErrorStream(true);
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within a minute:\n" + output);
            }
            long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Run(process.exitValue(), wallMs, output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
