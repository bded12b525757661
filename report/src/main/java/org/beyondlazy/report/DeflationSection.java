package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.fast.GramBackend;

/**
 * Audit section for C10 (figure): the deflation staircase of vanilla gradient descent from a small
 * initialization on an orthogonal tensor with distinct coefficients (G21): the loss drops in steps, and
 * the fitted mass along each truth direction, Σ_i (w_i·u_j)^l / c_j, rises to 1 in decreasing order of c_j.
 */
@SpecRef("C10")
public final class DeflationSection implements AuditSection {
    static final int ORDER = 3;
    static final int DIM = 6;
    static final int WIDTH = 10;
    static final double[] COEFFS = {1.0, 0.6, 0.3};
    static final double INIT_SCALE = 1e-3;
    static final double LR = 0.05;
    static final long SEED = 7L;
    /** A direction counts as fitted once its fitted mass reaches this fraction of c_j. */
    static final double FITTED = 0.5;

    @Override
    public String id() {
        return "deflation";
    }

    @Override
    public List<String> claims() {
        return List.of("C10");
    }

    @Override
    public String title() {
        return "Deflation staircase of vanilla gradient descent (C10)";
    }

    @Override
    public Result run(Context context) {
        int steps = context.full() ? 150000 : 80000;
        int every = 100;
        FactoredTruth truth = Generators.truth(SEED, ORDER, DIM, COEFFS, true);
        Problem p = Problem.of(ModelKind.PLAIN, WIDTH, 0.0, truth);
        Objective f = new GramBackend().objective(p);
        double[] theta = Generators.gaussian(Generators.rng(SEED + 1), WIDTH, DIM, INIT_SCALE / Math.sqrt(DIM));
        GradientDescent gd = new GradientDescent(LR);
        double norm2 = truth.normSquared();
        int samples = steps / every + 1;
        double[] t = new double[samples];
        double[] loss = new double[samples];
        double[][] mass = new double[COEFFS.length][samples];
        int[] fittedAt = new int[COEFFS.length];
        Arrays.fill(fittedAt, -1);
        for (int k = 0, s = 0; k <= steps; k++) {
            if (k % every == 0) {
                t[s] = k;
                loss[s] = 2 * f.value(theta) / norm2; // ‖T − T*‖² / ‖T*‖²
                for (int j = 0; j < COEFFS.length; j++) {
                    double sum = 0;
                    for (int i = 0; i < WIDTH; i++) {
                        double dot = 0;
                        for (int a = 0; a < DIM; a++) {
                            dot += theta[i * DIM + a] * truth.factors()[j * DIM + a];
                        }
                        sum += Math.pow(dot, ORDER);
                    }
                    mass[j][s] = sum / COEFFS[j];
                    if (fittedAt[j] < 0 && mass[j][s] >= FITTED) {
                        fittedAt[j] = k;
                    }
                }
                s++;
            }
            if (k < steps) {
                gd.step(f, theta);
            }
        }
        Result result = Result.empty();
        String file1 = id() + "-loss.png";
        Plots.line(context.figures().resolve(file1), "Vanilla GD from δ = 1e-3: relative loss", "step", "‖T − T*‖² / ‖T*‖²", true,
                List.of(new Plots.Series("relative loss", t, loss, false)));
        List<Plots.Series> series = new ArrayList<>();
        for (int j = 0; j < COEFFS.length; j++) {
            series.add(new Plots.Series("direction " + (j + 1) + " (c = " + COEFFS[j] + ")", t, mass[j], false));
        }
        String file2 = id() + "-mass.png";
        Plots.line(context.figures().resolve(file2), "Fitted mass Σ_i (w_i·u_j)³ / c_j", "step", "fraction of c_j", false, series);
        String caption = "Plain model, l = " + ORDER + ", d = " + DIM + ", m = " + WIDTH + ", orthonormal truth with c* = "
                + Arrays.toString(COEFFS) + ", W₀ rows of norm ≈ " + INIT_SCALE + ", η = " + LR + ", seed " + SEED + ".";
        result.figures().add(new Figure(file1, "The staircase: long plateaus (0 is an order-l saddle) and one drop per direction. " + caption));
        result.figures().add(new Figure(file2, "The directions are fitted one after another, largest coefficient first. " + caption));
        boolean allFitted = Arrays.stream(fittedAt).allMatch(k -> k >= 0);
        result.measurements().add(new Measurement("C10", String.format(Locale.ROOT,
                "steps at which each direction reached %.0f%% of its coefficient: %s (decreasing order of c expected)", 100 * FITTED,
                Arrays.toString(fittedAt)), Long.toString(SEED), null, null));
        return new Result("One seeded run of plain gradient descent (A4.1) on the fast path; an illustration of the staircase, "
                + "not the claim's statistical test (the C10 property).", result.figures(), result.tables(), result.measurements());
    }
}
