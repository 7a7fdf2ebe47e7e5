package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/load/results.md} ({@code liftoff.load.output}): one section per database the load
 * test ran on, so that the H2 pass and the PostgreSQL pass of one build leave both figures. The
 * throughput benchmark keeps its figures the same way, in a file of its own.
 */
final class LoadReport {

    private static final String TITLE = "# Release load test\n\n";

    private LoadReport() {
    }

    /** writes the section, replacing the one of the same heading from an earlier run */
    static Path write(String heading, String body) {
        return write(Path.of(System.getProperty("liftoff.load.output", "target/load/results.md")), TITLE, heading, body);
    }

    /** writes the section into that file under its title, replacing the one of the same heading */
    static Path write(Path file, String title, String heading, String body) {
        try {
            List<String> sections = new ArrayList<>();
            if (Files.exists(file)) {
                String[] old = Files.readString(file).split("\n(?=## )");
                for (int i = 1; i < old.length; i++) {
                    if (!old[i].startsWith("## " + heading + "\n")) {
                        sections.add(old[i].strip() + "\n");
                    }
                }
            }
            sections.add("## " + heading + "\n\n" + body.strip() + "\n");
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, title + String.join("\n", sections));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
