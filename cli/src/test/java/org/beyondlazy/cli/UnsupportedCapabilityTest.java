package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** A backend without the optional lazy-regime section: its UNSUPPORTED error is bad input (exit 2), one line. */
class UnsupportedCapabilityTest {
    @Test
    void unsupportedIsExitTwoWithOneLine() {
        Backend objectiveOnly = new Backend() {
            @Override
            public String name() {
                return "objective-only";
            }

            @Override
            public Objective objective(Problem problem) {
                return new ReferenceBackend().objective(problem);
            }
        };
        Problem p = Problem.of(ModelKind.PLAIN, 1, 0.0, new FactoredTruth(2, 2, 1, new double[] {1, 0}, new double[] {1}));
        BeyondLazyException e = org.junit.jupiter.api.Assertions.assertThrows(BeyondLazyException.class,
                () -> objectiveOnly.tangentSpace(p, new double[] {1, 0}));
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
        assertThat(ExitStatus.of(e)).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(e.getMessage()).doesNotContain("\n").contains("objective-only").contains("tangent space");
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(BeyondLazyException.class,
                () -> objectiveOnly.linearizedObjective(p, new double[] {1, 0})).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }

    @Test
    void theRegistryNamesReferenceAndFast() {
        assertThat(Backends.available().keySet()).contains("reference", "fast", "fast-java");
        assertThat(Backends.get("fast-java").name()).contains("Java");
        CliRun run = CliRun.of("eval", "--implementation", "gpu", "--order", "3", "--truth-factors", "nonexistent.npy",
                "--weights", "nonexistent.npy");
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
    }
}
