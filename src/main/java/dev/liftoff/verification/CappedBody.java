package dev.liftoff.verification;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response body read up to {@link #LIMIT} bytes. Beyond that Liftoff stops reading and drops the
 * connection: no check needs more, and an environment that sends 50 MB must not fill Liftoff's memory.
 *
 * @param text the body (its first {@link #LIMIT} bytes when cut), decoded with the response's charset
 * @param cut whether the environment sent more than was read
 */
record CappedBody(String text, boolean cut) {

    static final int LIMIT = 1024 * 1024;
    /** how checks mention a body that was cut */
    static final String CUT_NOTE = "(body cut at 1 MiB)";

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    static BodyHandler<CappedBody> handler() {
        return info -> new Collector(charset(info.headers()));
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
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Collector(Charset charset) {
            this.charset = charset;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
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

        private void finish(boolean cut) {
            body.complete(new CappedBody(new String(bytes.toByteArray(), charset), cut));
        }
    }
}
