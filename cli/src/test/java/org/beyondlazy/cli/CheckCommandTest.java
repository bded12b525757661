package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.core.optim.HeavyBall;
import org.beyondlazy.core.optim.Nesterov;
import org.beyondlazy.core.optim.Optimizer;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyWriter;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code beyondlazy check}: trajectories of the core optimizers pass; a perturbed step is found. */
class CheckCommandTest {
    static final int STEPS = 12;

    @TempDir
    Path dir;

    final FactoredTruth truth = Generators.truth(11, 3, 3, new double[] {1.0, 0.7}, false);

    Path truthFile() {
        return NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 3}, truth.factors());
    }

    Path truthCoeffs() {
        return NpyFixtures.f8(dir.resolve("c.npy"), new int[] {2}, truth.coeffs());
    }

    List<double[]> trajectory(Problem p, Optimizer opt) {
        Objective f = new ReferenceBackend().objective(p);
        double[] theta = new double[p.parameterCount()];
        double[] w = Generators.gaussian(Generators.rng(3), p.width(), p.dim(), 0.5);
        for (int i = 0; i < p.weightsOffset(); i++) {
            theta[i] = 0.5 + 0.1 * i;
        }
        System.arraycopy(w, 0, theta, p.weightsOffset(), w.length);
        List<double[]> out = new ArrayList<>();
        out.add(theta.clone());
        for (int k = 0; k < STEPS; k++) {
            opt.step(f, theta);
            out.add(theta.clone());
        }
        return out;
    }

    Path write(Problem p, List<double[]> thetas) throws Exception {
        Path file = dir.resolve("X.npy");
        NpyWriter.write(file, NpyArray.of(ParameterLayout.trajectoryShape(p, thetas.size()), ParameterLayout.trajectoryData(p, thetas)));
        return file;
    }

    CliRun check(ModelKind model, Path x, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--json", "--order", "3", "--model", model.id(),
                "--truth-factors", truthFile().toString(), "--truth-coeffs", truthCoeffs().toString(), "--trajectory", x.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({"plain,gd", "plain,heavy-ball", "plain,nesterov", "coef,gd", "coef,heavy-ball", "coef,nesterov",
            "homog,gd", "homog,nesterov"})
    void trajectoriesOfTheCoreOptimizersPass(String modelName, String form) throws Exception {
        ModelKind model = ModelKind.parse(modelName);
        Problem p = Problem.of(model, 3, 0.05, truth);
        double lr = 0.02;
        Optimizer opt = switch (form) {
            case "gd" -> new GradientDescent(lr);
            case "heavy-ball" -> new HeavyBall(lr, 0.6);
            default -> new Nesterov(lr);
        };
        Path x = write(p, trajectory(p, opt));
        List<String> extra = new ArrayList<>(List.of("--optimizer", form, "--lr", "0.02", "--lambda", "0.05"));
        if (form.equals("heavy-ball")) {
            extra.addAll(List.of("--momentum", "0.6"));
        }
        CliRun run = check(model, x, extra.toArray(String[]::new));
        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("ok").asBoolean()).isTrue();
        assertThat(j.get("steps").asInt()).isEqualTo(STEPS);
        assertThat(j.get("firstBadStep").isNull()).isTrue();
        assertThat(j.get("maxDeviation").asDouble()).isLessThan(1e-12);
    }

    @Test
    void aPerturbedStepIsReportedWithExitOne() throws Exception {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        List<double[]> t = trajectory(p, new HeavyBall(0.02, 0.5));
        t.get(7)[4] += 1e-6;
        CliRun run = check(ModelKind.PLAIN, write(p, t), "--optimizer", "heavy-ball", "--lr", "0.02", "--momentum", "0.5");
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.CHECK_FAILED);
        JsonNode j = run.json();
        assertThat(j.get("ok").asBoolean()).isFalse();
        assertThat(j.get("firstBadStep").asInt()).isEqualTo(7);
        assertThat(j.get("firstBadIndex").asInt()).isEqualTo(4);
        assertThat(j.get("maxDeviation").asDouble()).isGreaterThan(1e-7);
    }

    @Test
    void aWrongConventionFailsAndTheTranslatedRatePasses() throws Exception {
        // another program minimizing L = ‖T − T*‖² (no ½) with rate η' = 0.01: its steps are x − η'·2g
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        Objective f = new ReferenceBackend().objective(p);
        double[] theta = Generators.gaussian(Generators.rng(4), 3, 3, 0.5);
        List<double[]> t = new ArrayList<>();
        t.add(theta.clone());
        double[] g = new double[theta.length];
        for (int k = 0; k < STEPS; k++) {
            f.valueAndGradient(theta, g);
            for (int q = 0; q < theta.length; q++) {
                theta[q] -= 0.01 * (2 * g[q]);
            }
            t.add(theta.clone());
        }
        Path x = write(p, t);
        CliRun naive = check(ModelKind.PLAIN, x, "--optimizer", "gd", "--lr", "0.01");
        assertThat(naive.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(naive.json().get("firstBadStep").asInt()).isEqualTo(1);
        CliRun translated = check(ModelKind.PLAIN, x, "--optimizer", "gd", "--lr", "0.02");
        assertThat(translated.status()).as(translated.toString()).isZero();
    }

    @Test
    void constantMomentumNesterovIsNotAccepted() throws Exception {
        // a "constant momentum 0.9" Nesterov is a different algorithm (A4.3 names only the convex schedule)
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        Objective f = new ReferenceBackend().objective(p);
        double[] x = Generators.gaussian(Generators.rng(4), 3, 3, 0.5);
        double[] prev = x.clone();
        List<double[]> t = new ArrayList<>();
        t.add(x.clone());
        double[] g = new double[x.length];
        for (int k = 0; k < 5; k++) {
            double[] y = new double[x.length];
            for (int q = 0; q < x.length; q++) {
                y[q] = x[q] + 0.9 * (x[q] - prev[q]);
            }
            f.valueAndGradient(y, g);
            prev = x.clone();
            for (int q = 0; q < x.length; q++) {
                x[q] = y[q] - 0.01 * g[q];
            }
            t.add(x.clone());
        }
        CliRun run = check(ModelKind.PLAIN, write(p, t), "--optimizer", "nesterov", "--lr", "0.01");
        assertThat(run.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(run.json().get("firstBadStep").asInt()).isEqualTo(2);
    }
}
