package org.beyondlazy.experiments.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.FormOptions;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyWriter;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check and bench requests below the command line (spec E9.4, E9.11): a GD trajectory passes, a perturbed
 * step is the first bad step with its diagnosis fields, options are refused before any file is read, and a
 * bench reports its times and sizes. The command line's tests (cli: CheckCommandTest, FrameworkCheckTest,
 * BenchLazyTest) check the same through the exit status and the printed JSON.
 */
@SpecRef({"E9.4", "E9.11"})
class OracleRequestsTest {
    static final int STEPS = 6;
    static final double LR = 0.02;

    @TempDir
    Path dir;

    final FactoredTruth truth = Generators.truth(11, 3, 3, new double[] {1.0, 0.7}, false);

    @Test
    void aGradientDescentTrajectoryPassesAndAPerturbedStepIsTheFirstBadOne() throws Exception {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        List<double[]> thetas = trajectory(p);
        TrajectoryVerification.Result ok = check(write("X.npy", p, thetas), null).run();
        assertThat(ok.verdict()).isEqualTo(TrajectoryVerification.Verdict.OK);
        assertThat(ok.fields()).containsEntry("ok", true).containsEntry("steps", STEPS).containsEntry("optimizer", "gd")
                .containsEntry("dtype", "float64").containsEntry("width", 3);
        thetas.get(4)[2] += 1e-6;
        TrajectoryVerification.Result bad = check(write("Y.npy", p, thetas), null).run();
        assertThat(bad.verdict()).isEqualTo(TrajectoryVerification.Verdict.BAD_STEP);
        assertThat(bad.fields()).containsEntry("ok", false).containsEntry("firstBadStep", 4).containsEntry("firstBadIndex", 2)
                .containsKeys("diagnosis", "diagnosisVerdict", "consistentLr");
    }

    @Test
    void aBadToleranceIsRefusedBeforeTheTrajectoryIsRead() {
        Path missing = dir.resolve("never.npy");
        assertThatThrownBy(() -> check(missing, -1.0).run()).isInstanceOfSatisfying(BeyondLazyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).isEqualTo("--rtol: must be finite and >= 0, found -1.0");
        });
    }

    @Test
    void aBenchReportsItsTimesSizesAndBackend() {
        Map<String, Object> result = new StepBench("factored", 4, 3, 2, 3, 2, 1, "reference", null, dir).run();
        assertThat((double) result.get("msPerStepMedian")).isPositive();
        assertThat(result).containsEntry("backend", "reference").containsEntry("case", "factored").containsEntry("dim", 4)
                .containsEntry("width", 3).containsEntry("rank", 2).containsEntry("order", 3).doesNotContainKey("compare");
        assertThatThrownBy(() -> new StepBench("sparse", 4, 3, 2, 3, 2, 1, "reference", null, dir).run())
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME));
    }

    private TrajectoryVerification check(Path trajectory, Double rtol) throws Exception {
        Path u = dir.resolve("U.npy");
        NpyWriter.write(u, NpyArray.of(new int[] {2, 3}, truth.factors()));
        Path c = dir.resolve("c.npy");
        NpyWriter.write(c, NpyArray.of(new int[] {2}, truth.coeffs()));
        return new TrajectoryVerification(new TruthInput(3, u, c, null), new ModelInput("plain", null, 0), trajectory, "gd",
                Double.toString(LR), null, "half", FormOptions.NONE, rtol, null, null, "reference");
    }

    private List<double[]> trajectory(Problem p) {
        Objective f = new ReferenceBackend().objective(p);
        double[] theta = Generators.gaussian(Generators.rng(3), p.width(), p.dim(), 0.5);
        GradientDescent gd = new GradientDescent(LR);
        List<double[]> out = new ArrayList<>();
        out.add(theta.clone());
        for (int k = 0; k < STEPS; k++) {
            gd.step(f, theta);
            out.add(theta.clone());
        }
        return out;
    }

    private Path write(String name, Problem p, List<double[]> thetas) throws Exception {
        Path file = dir.resolve(name);
        NpyWriter.write(file, NpyArray.of(ParameterLayout.trajectoryShape(p, thetas.size()), ParameterLayout.trajectoryData(p, thetas)));
        return file;
    }
}
