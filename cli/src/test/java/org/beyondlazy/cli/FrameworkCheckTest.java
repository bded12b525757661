package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.ParameterLayout;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.optim.FormOptimizer;
import org.beyondlazy.core.optim.LearningRate;
import org.beyondlazy.core.optim.ScaledObjective;
import org.beyondlazy.core.optim.UpdateForm;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} with the framework forms and conventions of E9.14–E9.19: torch's hyper-parameters pass
 * unchanged, translation mistakes are diagnosed by name, bad coordinates are given in the file's layout.
 */
class FrameworkCheckTest {
    static final int STEPS = 10;

    @TempDir
    Path dir;

    final FactoredTruth truth = Generators.truth(11, 3, 3, new double[] {1.0, 0.7}, false);

    List<String> base(ModelKind model, Path x) {
        return new ArrayList<>(List.of("check", "--json", "--order", "3", "--model", model.id(),
                "--truth-factors", NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 3}, truth.factors()).toString(),
                "--truth-coeffs", NpyFixtures.f8(dir.resolve("c.npy"), new int[] {2}, truth.coeffs()).toString(),
                "--trajectory", x.toString()));
    }

    CliRun check(ModelKind model, Path x, String... extra) {
        List<String> args = base(model, x);
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    List<double[]> trajectory(Problem p, Objective f, UpdateForm form) {
        double[] theta = new double[p.parameterCount()];
        double[] w = Generators.gaussian(Generators.rng(3), p.width(), p.dim(), 0.5);
        for (int i = 0; i < p.weightsOffset(); i++) {
            theta[i] = 0.5 + 0.1 * i;
        }
        System.arraycopy(w, 0, theta, p.weightsOffset(), w.length);
        FormOptimizer opt = new FormOptimizer(form);
        List<double[]> out = new ArrayList<>(List.of(theta.clone()));
        for (int k = 0; k < STEPS; k++) {
            opt.step(f, theta);
            out.add(theta.clone());
        }
        return out;
    }

    Path write(Problem p, List<double[]> thetas, String descr) {
        return NpyFixtures.write(dir.resolve("X.npy"), descr, false, ParameterLayout.trajectoryShape(p, thetas.size()),
                ParameterLayout.trajectoryData(p, thetas));
    }

    @Test
    void torchSgdWithNesterovAndWeightDecayPassesWithTorchsNumbersAndAnLrExpression() {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        UpdateForm form = new UpdateForm.TorchSgd(LearningRate.constant(1.5 * 2 / 216), 0.9, 0, true, 0.01);
        Path x = write(p, trajectory(p, new ReferenceBackend().objective(p), form), "<f8");
        CliRun run = check(ModelKind.PLAIN, x, "--optimizer", "torch-sgd", "--lr", "1.5*2/216", "--momentum", "0.9",
                "--nesterov", "--weight-decay", "0.01");
        assertThat(run.status()).as(run.toString()).isZero();
        CliRun rounded = check(ModelKind.PLAIN, x, "--optimizer", "torch-sgd", "--lr", "0.0139", "--momentum", "0.9",
                "--nesterov", "--weight-decay", "0.01");
        assertThat(rounded.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(rounded.json().get("diagnosisVerdict").asText()).isEqualTo("learning-rate");
        assertThat(rounded.json().get("consistentLr").asDouble()).isCloseTo(1.5 * 2 / 216, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aLossWithoutTheHalfPassesWithLossSumAndIsNamedWithout() {
        Problem p = Problem.of(ModelKind.COEF, 3, 0.0, truth);
        Objective sum = new ScaledObjective(new ReferenceBackend().objective(p), 2);
        Path x = write(p, trajectory(p, sum, new UpdateForm.TorchAdam(LearningRate.constant(0.01), 0.9, 0.999, 1e-8, 0, false, false)), "<f8");
        assertThat(check(ModelKind.COEF, x, "--optimizer", "torch-adam", "--lr", "0.01", "--loss", "sum").status()).isZero();
        Path y = write(p, trajectory(p, sum, new UpdateForm.Gd(0.01)), "<f8");
        CliRun forgot = check(ModelKind.COEF, y, "--optimizer", "gd", "--lr", "0.01");
        assertThat(forgot.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(forgot.json().get("firstBadStep").asInt()).isEqualTo(1);
        assertThat(forgot.json().get("diagnosis").asText()).contains("--lr 0.02").contains("--loss sum");
    }

    @Test
    void aWrongLambdaIsDiagnosedWithTheLambdaThatFits() {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.1, truth);
        Path x = write(p, trajectory(p, new ReferenceBackend().objective(p), new UpdateForm.HeavyBall(0.02, 0.5)), "<f8");
        CliRun run = check(ModelKind.PLAIN, x, "--optimizer", "heavy-ball", "--lr", "0.02", "--momentum", "0.5", "--lambda", "0.05");
        assertThat(run.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        JsonNode j = run.json();
        assertThat(j.get("diagnosisVerdict").asText()).as(run.toString()).isEqualTo("lambda");
        assertThat(j.get("diagnosis").asText()).contains("--lambda 0.1");
    }

    @Test
    void missingSignsAreNotAGradientStepAndIntegerSignsAreAccepted() {
        Problem p = new Problem(ModelKind.HOMOG, 3, new double[] {1, -1, 1}, 0.0, truth);
        Path x = write(p, trajectory(p, new ReferenceBackend().objective(p), new UpdateForm.Gd(0.02)), "<f8");
        CliRun forgot = check(ModelKind.HOMOG, x, "--optimizer", "gd", "--lr", "0.02");
        assertThat(forgot.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(forgot.json().get("diagnosisVerdict").asText()).isEqualTo("not-a-gradient-step");
        assertThat(forgot.json().get("diagnosis").asText()).contains("--signs");
        Path signs = NpyFixtures.write(dir.resolve("s.npy"), "<i8", false, new int[] {3}, new double[] {1, -1, 1});
        assertThat(check(ModelKind.HOMOG, x, "--optimizer", "gd", "--lr", "2/100", "--signs", signs.toString()).status()).isZero();
    }

    @Test
    void theBadCoordinateIsGivenInTheFilesLayout() {
        Problem p = Problem.of(ModelKind.COEF, 3, 0.0, truth);
        List<double[]> t = trajectory(p, new ReferenceBackend().objective(p), new UpdateForm.Gd(0.02));
        t.get(4)[3 + 3 + 2] += 1e-6; // u_{1,2}: θ index m + 1·d + 2 → X[4, 1, 3]
        CliRun run = check(ModelKind.COEF, write(p, t, "<f8"), "--optimizer", "gd", "--lr", "0.02");
        JsonNode j = run.json();
        assertThat(j.get("firstBadStep").asInt()).isEqualTo(4);
        assertThat(j.get("firstBadIndex").asInt()).isEqualTo(8);
        assertThat(j.get("firstBadComponent").asInt()).isEqualTo(1);
        assertThat(j.get("firstBadColumn").asInt()).isEqualTo(3);
        assertThat(j.get("diagnosis").asText()).startsWith("step 4 (component 1, column 3)");
    }

    @Test
    void aScheduleCoversAnyScheduler() {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        double[] rates = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            rates[k] = 0.02 * Math.pow(0.5, k / 4); // StepLR(step_size = 4, gamma = 0.5)
        }
        Path x = write(p, trajectory(p, new ReferenceBackend().objective(p),
                new UpdateForm.TorchSgd(LearningRate.perStep(rates), 0.9, 0.1, false, 0)), "<f8");
        Path lr = NpyFixtures.f8(dir.resolve("lr.npy"), new int[] {STEPS}, rates);
        assertThat(check(ModelKind.PLAIN, x, "--optimizer", "torch-sgd", "--lr-schedule", lr.toString(), "--momentum", "0.9",
                "--dampening", "0.1").status()).isZero();
        CliRun constant = check(ModelKind.PLAIN, x, "--optimizer", "torch-sgd", "--lr", "0.02", "--momentum", "0.9", "--dampening", "0.1");
        assertThat(constant.json().get("firstBadStep").asInt()).isEqualTo(5); // the first step at the halved rate
        Path shortSchedule = NpyFixtures.f8(dir.resolve("short.npy"), new int[] {3}, 0.1, 0.1, 0.1);
        assertThat(check(ModelKind.PLAIN, x, "--optimizer", "gd", "--lr-schedule", shortSchedule.toString()).status())
                .isEqualTo(ExitStatus.BAD_INPUT);
    }

    @Test
    void float32FilesGetFloat32TolerancesAndStillCatchA1eMinus4RateError() {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        Objective f = new ReferenceBackend().objective(p);
        // a float32 run: every iterate rounded to float32, each step taken from the rounded iterate
        for (double factor : new double[] {1.0, 1 + 1e-4}) {
            double[] theta = Generators.gaussian(Generators.rng(3), 3, 3, 0.5);
            for (int q = 0; q < theta.length; q++) {
                theta[q] = (float) theta[q];
            }
            List<double[]> t = new ArrayList<>(List.of(theta.clone()));
            double[] g = new double[theta.length];
            for (int k = 0; k < STEPS; k++) {
                f.valueAndGradient(theta, g);
                for (int q = 0; q < theta.length; q++) {
                    theta[q] = (float) (theta[q] - 0.05 * factor * g[q]);
                }
                t.add(theta.clone());
            }
            CliRun run = check(ModelKind.PLAIN, write(p, t, "<f4"), "--optimizer", "gd", "--lr", "0.05");
            JsonNode j = run.json();
            assertThat(j.get("dtype").asText()).isEqualTo("float32");
            if (factor == 1.0) {
                assertThat(run.status()).as(run.toString()).isZero();
            } else {
                assertThat(j.get("firstBadStep").asInt()).as(run.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void aDivergedRunIsCheckedUpToItsFirstNonFiniteIterate() {
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.0, truth);
        List<double[]> t = trajectory(p, new ReferenceBackend().objective(p), new UpdateForm.Gd(0.02));
        for (int k = 6; k <= STEPS; k++) {
            java.util.Arrays.fill(t.get(k), Double.NaN);
        }
        CliRun run = check(ModelKind.PLAIN, write(p, t, "<f8"), "--optimizer", "gd", "--lr", "0.02");
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.NUMERICAL);
        assertThat(run.json().get("firstNonFinite").asInt()).isEqualTo(6);
        assertThat(run.json().get("steps").asInt()).isEqualTo(5);
        t.get(3)[0] += 1e-3;
        CliRun bad = check(ModelKind.PLAIN, write(p, t, "<f8"), "--optimizer", "gd", "--lr", "0.02");
        assertThat(bad.status()).isEqualTo(ExitStatus.CHECK_FAILED);
        assertThat(bad.json().get("firstBadStep").asInt()).isEqualTo(3);
    }

    @Test
    void aTorchSaveFileIsRejectedWithTheNpSaveHint() throws Exception {
        Path pt = dir.resolve("X.pt");
        Files.write(pt, new byte[] {'P', 'K', 3, 4, 0, 0});
        CliRun run = check(ModelKind.PLAIN, pt, "--optimizer", "gd", "--lr", "0.02");
        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("--trajectory " + pt).contains("torch.save").contains("np.save");
    }

    @Test
    void anLrThatIsNoExpressionAndOptionsOfAnotherFormAreBadInput() {
        Path x = dir.resolve("missing.npy");
        CliRun text = check(ModelKind.PLAIN, x, "--optimizer", "gd", "--lr", "2/1OO");
        assertThat(text.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(text.err()).contains("--lr: '2/1OO' is not a number");
        assertThat(check(ModelKind.PLAIN, x, "--optimizer", "gd", "--lr", "0.1", "--beta1", "0.9").err())
                .contains("--beta1: only used by --optimizer torch-adam");
    }
}
