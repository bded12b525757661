package org.beyondlazy.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void aTasksErrorIsRethrownAsThrownSoItKeepsItsCode() {
        BeyondLazyException thrown = new BeyondLazyException(ErrorCode.INVALID_INPUT, "--dim", "must be positive");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(thrown), "study")).isSameAs(thrown);
    }

    @Test
    void aCheckedFailureBecomesANumericalFailureNamingTheStudy() {
        FutureTask<Object> task = new FutureTask<>(() -> {
            throw new IOException("disk gone");
        });
        task.run();
        assertThatThrownBy(() -> Futures.await(task, "recovery experiment")).isInstanceOfSatisfying(BeyondLazyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NUMERICAL_FAILURE);
            assertThat(e.getMessage()).contains("recovery experiment").contains("disk gone");
        });
    }

    @Test
    void aValueIsReturned() {
        assertThat(Futures.await(CompletableFuture.completedFuture(7), "study")).isEqualTo(7);
    }
}
