package dev.liftoff.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a command's output on its own thread, so a command that writes a lot never blocks on a
 * full pipe, and keeps only the last {@link Excerpt#MAX_BYTES} bytes.
 */
final class OutputTail {

    private final byte[] buffer = new byte[2 * Excerpt.MAX_BYTES];
    private int length;
    private final Thread reader;

    private OutputTail(InputStream output) {
        reader = new Thread(() -> drain(output), "liftoff-deploy-output");
        reader.setDaemon(true);
    }

    static OutputTail readFrom(InputStream output) {
        OutputTail tail = new OutputTail(output);
        tail.reader.start();
        return tail;
    }

    /**
     * The tail read so far, after waiting up to {@code grace} for the output to end. A background
     * process the command left running may hold the output open; it does not hold up Liftoff.
     */
    String excerpt(Duration grace) throws InterruptedException {
        reader.join(grace.toMillis());
        synchronized (this) {
            return Excerpt.tail(buffer, length);
        }
    }

    private void drain(InputStream output) {
        byte[] chunk = new byte[8192];
        try (output) {
            for (int count = output.read(chunk); count != -1; count = output.read(chunk)) {
                append(chunk, count);
            }
        } catch (IOException e) {
            // the stream closes under us when the command is stopped; what was read is kept
        }
    }

    private synchronized void append(byte[] chunk, int count) {
        int from = Math.max(0, count - Excerpt.MAX_BYTES);
        int kept = count - from;
        if (length + kept > buffer.length) {
            int survivors = Math.min(length, Excerpt.MAX_BYTES - kept);
            System.arraycopy(buffer, length - survivors, buffer, 0, survivors);
            length = survivors;
        }
        System.arraycopy(chunk, from, buffer, length, kept);
        length += kept;
    }
}
