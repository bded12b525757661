package org.beyondlazy.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.Test;

/** The inputs of the trajectory check (spec E9.4, E9.14, E9.15): rates as written, loss conventions, form options. */
class CheckInputsTest {
    @Test
    void expressionsEvaluateWithPythonsPrecedence() {
        assertThat(LearningRateExpression.parse("--lr", "1.5*2/216")).isEqualTo(1.5 * 2 / 216);
        assertThat(LearningRateExpression.parse("--lr", "-2**2")).isEqualTo(-4.0); // ** binds tighter than unary minus
        assertThat(LearningRateExpression.parse("--lr", "2**-1")).isEqualTo(0.5);
        assertThat(LearningRateExpression.parse("--lr", " (1e-2 + 1) / 2 ")).isEqualTo((1e-2 + 1) / 2);
    }

    @Test
    void badExpressionsAreInvalidInputNamingTheOption() {
        for (String text : new String[] {"", "2/", "1/0", "0.1x", "(1"}) {
            assertThatThrownBy(() -> LearningRateExpression.parse("--lr", text))
                    .isInstanceOfSatisfying(BeyondLazyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                        assertThat(e.getMessage()).startsWith("--lr: ");
                    });
        }
    }

    @Test
    void aRateRatioOfTwoConventionsNamesTheOtherOne() {
        assertThat(LossConvention.HALF.hintFor(2.0, 3, 4)).contains("--loss sum");
        assertThat(LossConvention.SUM.hintFor(0.5, 3, 4)).contains("--loss half");
        assertThat(LossConvention.HALF.hintFor(2.0 / 64, 3, 4)).contains("--loss mean");
        assertThat(LossConvention.HALF.hintFor(3.0, 3, 4)).isEmpty();
        assertThat(LossConvention.parse("mean").scale(3, 4)).isEqualTo(2.0 / 64);
        assertThatThrownBy(() -> LossConvention.parse("l1")).extracting(e -> ((BeyondLazyException) e).code())
                .isEqualTo(ErrorCode.UNKNOWN_NAME);
    }

    @Test
    void formOptionsBelongToTheirFormAndTakeTorchsDefaults() {
        LearningRate rate = LearningRate.constant(0.1);
        assertThat(FormOptions.NONE.build("torch-adamw", rate)).isEqualTo(
                new UpdateForm.TorchAdam(rate, 0.9, 0.999, 1e-8, 0.01, false, true));
        assertThat(FormOptions.NONE.build("nesterov", rate)).isInstanceOf(UpdateForm.NesterovConvex.class);
        FormOptions beta = new FormOptions(0.5, null, false, null, null, null, null, false);
        assertThat(beta.build("heavy-ball", rate)).isEqualTo(new UpdateForm.HeavyBall(rate, 0.5));
        assertThat(code(() -> beta.build("gd", rate))).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(code(() -> FormOptions.NONE.build("heavy-ball", rate))).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(code(() -> new FormOptions(1.0, null, false, null, null, null, null, false).build("heavy-ball", rate)))
                .isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(code(() -> new FormOptions(null, null, false, null, 0.9, null, null, false).build("torch-sgd", rate)))
                .isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(code(() -> FormOptions.NONE.build("adagrad", rate))).isEqualTo(ErrorCode.UNKNOWN_NAME);
    }

    private static ErrorCode code(Runnable body) {
        try {
            body.run();
        } catch (BeyondLazyException e) {
            return e.code();
        }
        return null;
    }
}
