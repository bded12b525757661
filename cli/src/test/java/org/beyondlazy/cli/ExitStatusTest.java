package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.experiments.oracle.NpyInputs;
import org.beyondlazy.npy.NpyError;
import org.junit.jupiter.api.Test;

/** The code → status table (spec E9.6) agrees with the categories of the vocabulary. */
class ExitStatusTest {
    @Test
    void badInputCodesExitTwoNumericalCodesExitThree() {
        for (ErrorCode code : ErrorCode.values()) {
            int expected = code.category() == ErrorCode.Category.NUMERICAL ? ExitStatus.NUMERICAL : ExitStatus.BAD_INPUT;
            assertThat(ExitStatus.of(code)).as(code.name()).isEqualTo(expected);
        }
    }

    @Test
    void everyNpyErrorIsABadInputCode() {
        for (NpyError error : NpyError.values()) {
            assertThat(ExitStatus.of(NpyInputs.codeOf(error))).as(error.name()).isEqualTo(ExitStatus.BAD_INPUT);
        }
    }

    @Test
    void anExceptionOutsideTheVocabularyIsAnInternalError() {
        assertThat(ExitStatus.codeOf(new IllegalStateException("bug"))).isNull();
        assertThat(ExitStatus.of(new IllegalStateException("bug"))).isEqualTo(ExitStatus.INTERNAL);
    }
}
