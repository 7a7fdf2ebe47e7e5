package dev.liftoff.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The delayed study-api in a JVM of its own, as a real environment would be: its threads and
 * its garbage collection stay out of the client's figures, for Liftoff as for the samplers.
 */
final class SeparateTarget implements AutoCloseable {

    private static final String READY = "listening on ";

    private final Process process;
    private final int port;

    private SeparateTarget(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SeparateTarget start(String commit) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                DelayedStudyApi.class.getName(), commit)).redirectErrorStream(true);
        try {
            Process process = builder.start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(READY)) {
                    return new SeparateTarget(process, Integer.parseInt(line.substring(READY.length()).trim()));
                }
            }
            throw new IllegalStateException("the delayed study-api ended before it listened (exit " + process.waitFor() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the delayed study-api", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** what the target process prints once it accepts requests */
    static String readyLine(int port) {
        return READY + port;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
