package dev.liftoff.verification;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response body read up to {@link #LIMIT} bytes and until a deadline. Beyond the limit Liftoff
 * stops reading and drops the connection: no check needs more, and an environment that sends 50 MB
 * must not fill Liftoff's memory. Past the deadline it gives up as well: the JDK client's own
 * request timeout ends when the headers arrive, and a body that trickles must not hold a check.
 *
 * @param text the body (its first {@link #LIMIT} bytes when cut), decoded with the response's charset
 * @param cut whether the environment sent more than was read
 * @param completedNanos {@link System#nanoTime()} as the last byte was read, on the client's own
 *     thread: a latency ends here, not when a waiting thread gets round to looking
 */
record CappedBody(String text, boolean cut, long completedNanos) {

    static final int LIMIT = 1024 * 1024;
    /** how checks mention a body that was cut */
    static final String CUT_NOTE = "(body cut at 1 MiB)";

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    /** @param deadlineNanos the {@link System#nanoTime()} by which the whole body must have arrived */
    static BodyHandler<CappedBody> handler(long deadlineNanos) {
        return info -> new Collector(charset(info.headers()), deadlineNanos);
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "liftoff-body-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static Charset charset(HttpHeaders headers) {
        Matcher matcher = CHARSET.matcher(headers.firstValue("Content-Type").orElse(""));
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** collects buffers until the limit, then cancels the rest of the body */
    private static final class Collector implements BodySubscriber<CappedBody> {

        private final Charset charset;
        private final long deadlineNanos;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile ScheduledFuture<?> deadline;

        Collector(Charset charset, long deadlineNanos) {
            this.charset = charset;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            deadline = DEADLINES.schedule(this::expire, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = LIMIT - bytes.size();
                if (buffer.remaining() > room) {
                    append(buffer, room);
                    subscription.cancel();
                    finish(true);
                    return;
                }
                append(buffer, buffer.remaining());
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            deadline.cancel(false);
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            finish(false);
        }

        private void append(ByteBuffer buffer, int length) {
            byte[] chunk = new byte[length];
            buffer.get(chunk);
            bytes.write(chunk, 0, length);
        }

        private void expire() {
            if (body.completeExceptionally(new HttpTimeoutException("the body did not arrive in time"))) {
                subscription.cancel();
            }
        }

        private void finish(boolean cut) {
            deadline.cancel(false);
            long completedNanos = System.nanoTime();
            body.complete(new CappedBody(new String(bytes.toByteArray(), charset), cut, completedNanos));
        }
    }
}
