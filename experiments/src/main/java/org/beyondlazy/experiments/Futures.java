package org.beyondlazy.experiments;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;

/**
 * Waiting for a study's tasks: a task's failure is rethrown as the task threw it, so errors of the vocabulary keep
 * their code across threads (and engines); an interrupt, or a checked failure, becomes NUMERICAL_FAILURE naming the
 * study.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * The task's value.
     *
     * @param study names the study in the error (e.g. "scaling-law experiment")
     * @throws java.util.concurrent.CancellationException when the task was cancelled
     */
    public static <T> T await(Future<T> future, String study) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, study, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new BeyondLazyException(ErrorCode.NUMERICAL_FAILURE, study, String.valueOf(cause));
        }
    }
}
