package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code experiment …}: the tables the studies produce, and bad input rejected before any work. */
class ExperimentCommandTest {
    @Test
    void lazyResidualPrintsOneRowPerTableWidth() {
        CliRun run = CliRun.of("experiment", "lazy-residual", "--shapes", "6:3", "--seeds", "2");
        assertThat(run.status()).as(run.toString()).isZero();
        // m* (6, 3) = 10: widths 1, 4, 5, 9, 10 after the table's rule, and ρ_lazy at m* is round-off
        assertThat(run.out().lines().filter(l -> l.startsWith("| 6 | 3 | 56 | 10 |")).count()).isEqualTo(5);
        assertThat(run.out()).contains("| 6 | 3 | 56 | 10 | 10 | 1.071 | 0.000 | 0.000 | 0.000 |");
    }

    @Test
    void deflationCurvePrintsTheFitStepsAndTheLossCurve() {
        CliRun run = CliRun.of("experiment", "deflation-curve", "--seed", "0");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("C10 seed 0: fit steps [52, 101, 242], staircase levels [1.3125, 0.3125, 0.0625]");
        assertThat(run.out()).contains("| 0 | 1.3125 |");
    }

    @Test
    void badInputIsOneLineAndNoTable() {
        String[][] cases = {
            {"experiment", "recovery", "--dims", "3-10"},
            {"experiment", "recovery", "--dims", "1:10"},
            {"experiment", "recovery", "--seeds", "0"},
            {"experiment", "recovery", "--implementation", "gpu"},
            {"experiment", "lazy-residual", "--shapes", "6"},
            {"experiment", "lazy-residual", "--shapes", "0:3"},
            {"experiment", "variant-rates", "--seeds", "-1"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as("%s%n%s", String.join(" ", args), run).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
    }

    @Test
    void aStudyIsRequired() {
        CliRun run = CliRun.of("experiment");
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("recovery");
    }
}
