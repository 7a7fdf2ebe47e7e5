package dev.liftoff.operations;

/**
 * How the engine words a concurrent change it refused (optimistic locking): over REST a 500 whose
 * message says so, in the job log the failed run's exception message.
 */
final class ConcurrentChange {

    private ConcurrentChange() {
    }

    static boolean isIn(String message) {
        return message.contains("OptimisticLockingException") || message.contains("updated by another transaction concurrently");
    }
}
