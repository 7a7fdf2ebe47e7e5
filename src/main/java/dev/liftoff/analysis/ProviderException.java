package dev.liftoff.analysis;

/**
 * The provider could not give a measurement: it is down, slow, refused us, answered an error or an
 * answer that cannot be read. The message says which, and where (the provider's name and URL), and
 * never holds a secret. Not the same as a query that matched nothing, which is an empty answer.
 */
public class ProviderException extends Exception {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
