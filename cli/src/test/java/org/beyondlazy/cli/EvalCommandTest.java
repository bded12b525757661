package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.experiments.oracle.Parameters;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyReader;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code beyondlazy eval} end to end from files. */
class EvalCommandTest {
    /** Agreement of the command's JSON with a direct reference evaluation: the same code, printed and parsed. */
    static final double SAME_CODE = 1e-12;

    @TempDir
    Path dir;

    final FactoredTruth truth = Generators.truth(5, 3, 4, new double[] {1.0, -0.5}, false);
    final double[] w = Generators.gaussian(Generators.rng(6), 3, 4, 0.6);

    Path truthFactors() {
        return NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 4}, truth.factors());
    }

    Path truthCoeffs() {
        return NpyFixtures.f8(dir.resolve("c.npy"), new int[] {2}, truth.coeffs());
    }

    @Test
    void plainModelMatchesTheReferenceAndWritesTheGradient() throws Exception {
        Path weights = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {3, 4}, w);
        Path grad = dir.resolve("G.npy");
        CliRun run = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", truthFactors().toString(),
                "--truth-coeffs", truthCoeffs().toString(), "--weights", weights.toString(), "--lambda", "0.1",
                "--grad-out", grad.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode j = run.json();
        Problem p = Problem.of(ModelKind.PLAIN, 3, 0.1, truth);
        Objective f = new ReferenceBackend().objective(p);
        double[] g = new double[12];
        double loss = f.valueAndGradient(w, g);
        assertThat(j.get("loss").asDouble()).isCloseTo(loss, within(SAME_CODE * Math.max(1, loss)));
        assertThat(j.get("residualNorm").asDouble()).isCloseTo(f.residualNorm(w), within(SAME_CODE));
        double norm = 0;
        for (double x : g) {
            norm += x * x;
        }
        assertThat(j.get("gradNorm").asDouble()).isCloseTo(Math.sqrt(norm), within(SAME_CODE));
        assertThat(j.get("model").asText()).isEqualTo("plain");
        assertThat(j.get("order").asInt()).isEqualTo(3);
        assertThat(j.get("dim").asInt()).isEqualTo(4);
        assertThat(j.get("width").asInt()).isEqualTo(3);
        NpyArray written = NpyReader.read(grad);
        assertThat(written.shape()).containsExactly(3, 4);
        assertThat(written.data()).containsExactly(g);
    }

    @Test
    void denseTruthGivesTheSameLossAsTheFactoredOne() {
        Path weights = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {3, 4}, w);
        double[] dense = DenseTensor.of(truth).entries();
        Path tensor = NpyFixtures.f8(dir.resolve("T.npy"), new int[] {4, 4, 4}, dense);
        CliRun a = CliRun.of("eval", "--json", "--order", "3", "--truth-tensor", tensor.toString(), "--weights", weights.toString());
        CliRun b = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", truthFactors().toString(),
                "--truth-coeffs", truthCoeffs().toString(), "--weights", weights.toString());
        assertThat(a.status()).as(a.toString()).isZero();
        assertThat(b.status()).as(b.toString()).isZero();
        assertThat(a.json().get("loss").asDouble()).isCloseTo(b.json().get("loss").asDouble(), within(1e-12));
        assertThat(a.json().get("truth").asText()).isEqualTo("dense");
    }

    @Test
    void float32BigEndianFortranInputsAreRead() {
        // values exactly representable in float32, so every layout gives the same doubles
        double[] wf = {0.5, -0.25, 1.0, 0.125, 0.75, 0.5, -1.0, 0.25, 0.0, 2.0, -0.5, 0.375};
        double[] uf = {1.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.0};
        Path w64 = NpyFixtures.f8(dir.resolve("w64.npy"), new int[] {3, 4}, wf);
        Path u64 = NpyFixtures.f8(dir.resolve("u64.npy"), new int[] {2, 4}, uf);
        Path w32 = NpyFixtures.write(dir.resolve("w32.npy"), ">f4", true, new int[] {3, 4}, wf);
        Path u32 = NpyFixtures.write(dir.resolve("u32.npy"), "<f4", true, new int[] {2, 4}, uf);
        CliRun a = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", u64.toString(), "--weights", w64.toString());
        CliRun b = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", u32.toString(), "--weights", w32.toString());
        assertThat(b.status()).as(b.toString()).isZero();
        assertThat(b.json().get("loss").asDouble()).isEqualTo(a.json().get("loss").asDouble());
    }

    @Test
    void coefModelWritesBothGradients() throws Exception {
        Path weights = NpyFixtures.f8(dir.resolve("directions.npy"), new int[] {3, 4}, w);
        Path coeffs = NpyFixtures.f8(dir.resolve("cc.npy"), new int[] {3}, 0.5, -1.0, 2.0);
        Path grad = dir.resolve("G.npy");
        Path cgrad = dir.resolve("g.npy");
        CliRun run = CliRun.of("eval", "--json", "--order", "3", "--model", "coef", "--truth-factors", truthFactors().toString(),
                "--truth-coeffs", truthCoeffs().toString(), "--weights", weights.toString(), "--coeffs", coeffs.toString(),
                "--grad-out", grad.toString(), "--coeff-grad-out", cgrad.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        Problem p = Problem.of(ModelKind.COEF, 3, 0.0, truth);
        double[] theta = Parameters.assemble(p, new double[] {0.5, -1.0, 2.0}, w);
        double[] g = new double[theta.length];
        double loss = new ReferenceBackend().objective(p).valueAndGradient(theta, g);
        assertThat(run.json().get("loss").asDouble()).isCloseTo(loss, within(SAME_CODE * Math.max(1, loss)));
        assertThat(NpyReader.read(cgrad).data()).containsExactly(g[0], g[1], g[2]);
        assertThat(NpyReader.read(grad).shape()).containsExactly(3, 4);
        assertThat(NpyReader.read(grad).data()[0]).isEqualTo(g[3]);
    }

    @Test
    void signsAreApplied() {
        Path weights = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {3, 4}, w);
        Path signs = NpyFixtures.f8(dir.resolve("s.npy"), new int[] {3}, 1, -1, 1);
        CliRun run = CliRun.of("eval", "--json", "--order", "4", "--model", "homog", "--truth-factors", truthFactors().toString(),
                "--weights", weights.toString(), "--signs", signs.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        FactoredTruth t4 = new FactoredTruth(4, 4, 2, truth.factors(), new double[] {1, 1});
        Problem p = new Problem(ModelKind.HOMOG, 3, new double[] {1, -1, 1}, 0.0, t4);
        assertThat(run.json().get("loss").asDouble()).isCloseTo(new ReferenceBackend().objective(p).value(w), within(1e-12));
    }

    @Test
    void fastImplementationAgreesWithTheReference() {
        Path weights = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {3, 4}, w);
        CliRun ref = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", truthFactors().toString(),
                "--truth-coeffs", truthCoeffs().toString(), "--weights", weights.toString());
        CliRun fast = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", truthFactors().toString(),
                "--truth-coeffs", truthCoeffs().toString(), "--weights", weights.toString(), "--implementation", "fast");
        assertThat(fast.status()).as(fast.toString()).isZero();
        // E8.5: loss within 1e-12 of the E2.8 magnitude (here of order 10)
        assertThat(fast.json().get("loss").asDouble()).isCloseTo(ref.json().get("loss").asDouble(), within(1e-10));
        assertThat(fast.json().get("implementation").asText()).isEqualTo("fast");
    }

    @Test
    void textOutputWithoutJson() {
        Path weights = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {3, 4}, w);
        CliRun run = CliRun.of("eval", "--order", "3", "--truth-factors", truthFactors().toString(), "--weights", weights.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("loss: ").contains("gradNorm: ");
    }
}
