package dev.liftoff.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Why no answer came from a provider, in words for the person reading the evidence. */
final class ConnectionFailure {

    private ConnectionFailure() {
    }

    /**
     * e.g. "did not answer within 10s", "refused the connection", "failed the TLS handshake (...)"
     *
     * @param took how long the attempt took: an answer cut off at the timeout while its body was
     *     being read fails as a closed stream, not as a timeout
     */
    static String describe(Throwable failure, Duration timeout, Duration took) {
        if (cause(failure, HttpTimeoutException.class) != null || took.compareTo(timeout) >= 0) {
            return "did not answer within " + readable(timeout);
        }
        if (cause(failure, UnresolvedAddressException.class) != null) {
            return "could not be reached: unknown host";
        }
        Throwable tls = cause(failure, SSLException.class);
        if (tls != null) {
            return "failed the TLS handshake (" + deepestMessage(tls)
                    + "); to trust its certificate, name an SSL bundle that holds it in ssl-bundle";
        }
        Throwable connect = cause(failure, ConnectException.class);
        if (connect != null) {
            // the JDK client reports a refused connection as a ConnectException without a message
            String message = deepestMessage(connect);
            return message == null ? "refused the connection" : "could not be connected to: " + message.toLowerCase(Locale.ROOT);
        }
        Throwable io = cause(failure, IOException.class);
        String message = deepestMessage(io == null ? failure : io);
        return "could not be asked: " + (message == null ? (io == null ? failure : io).getClass().getSimpleName() : message);
    }

    /** 10s, 1.5s, 250ms, 2m */
    static String readable(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }

    private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            message = t.getMessage() == null ? message : t.getMessage();
        }
        return message;
    }
}
