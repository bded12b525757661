package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.DeflationStudy;
import org.beyondlazy.fast.GramBackend;

/**
 * Audit section for C10 (spec E7.8): the deflation staircase of the variant, from {@link DeflationStudy}
 * on the fast path — ‖T − T*‖² along the run with the predicted plateau levels Σ_{i ≥ j} c_i*², and the
 * steps at which each truth direction is fitted.
 */
@SpecRef("C10")
public final class DeflationSection implements AuditSection {
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
        return "Deflation staircase of the variant (C10)";
    }

    @Override
    public Result run(Context context) {
        int seeds = context.full() ? 5 : 2;
        GramBackend fast = new GramBackend();
        List<DeflationStudy.Deflation> runs = new ArrayList<>();
        for (long s = context.seed(0); s < context.seed(seeds); s++) {
            runs.add(DeflationStudy.run(fast, s));
        }
        Result result = Result.empty();
        DeflationStudy.Deflation first = runs.get(0);
        double[] misfit = first.misfit().clone();
        double[] steps = new double[misfit.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = k;
            misfit[k] = Math.max(misfit[k], 1e-16); // log axis; 2f − λ‖W‖² can round below 0 at a fit
        }
        List<Plots.Series> series = new ArrayList<>(List.of(new Plots.Series("‖T − T*‖² (E7.8), seed " + context.seed(0), steps, misfit, false)));
        double[] ends = {0, misfit.length - 1};
        for (int j = 0; j < first.expected().length; j++) {
            double level = first.expected()[j];
            series.add(new Plots.Series(String.format(Locale.ROOT, "plateau %d: Σ_{i≥%d} c_i² = %.4f", j + 1, j + 1, level), ends,
                    new double[] {level, level}, false));
        }
        String file = id() + "-loss.png";
        Plots.line(context.figures().resolve(file), "Variant, deflation (E7.8): ‖T − T*‖² along the run", "all-component step",
                "‖T − T*‖²", true, series);
        String config = "orthonormal truth, l = " + DeflationStudy.ORDER + ", d = " + DeflationStudy.DIM + ", c* = "
                + Arrays.toString(DeflationStudy.coefficients()) + ", m = " + DeflationStudy.WIDTH + ", δ = " + DeflationStudy.DELTA
                + ", η = " + DeflationStudy.ETA + ", λ = " + DeflationStudy.LAMBDA + ", H = " + DeflationStudy.STEPS_PER_EPOCH
                + ", K = " + DeflationStudy.EPOCHS;
        result.figures().add(new Figure(file, "The staircase: one plateau per truth direction at the predicted level, largest "
                + "coefficient fitted first (" + config + ", seed " + context.seed(0) + ").",
                "C10 fails if the directions are fitted out of the order of c* or a plateau misses its predicted level by more than "
                        + Math.round(100 * DeflationStudy.PLATEAU_REL) + "%, on more than 15% of seeds."));
        List<List<String>> rows = new ArrayList<>();
        int ordered = 0;
        int matching = 0;
        for (DeflationStudy.Deflation run : runs) {
            ordered += run.ordered() ? 1 : 0;
            matching += run.plateausMatch() ? 1 : 0;
            rows.add(List.of(Long.toString(run.seed()), Arrays.toString(run.fitSteps()), format(run.plateaus()), format(run.expected())));
        }
        result.tables().add(new Table("Fit steps (first step with |G(u_j^{⊗l})| < c_j/2) and plateau levels per seed",
                List.of("seed", "fit steps", "plateaus ‖T − T*‖²", "predicted Σ_{i≥j} c_i²"), rows));
        result.measurements().add(new Measurement("C10", ordered + "/" + seeds + " runs fit the directions in decreasing order of c*; "
                + matching + "/" + seeds + " have every plateau within " + Math.round(100 * DeflationStudy.PLATEAU_REL)
                + "% of its prediction", context.seed(0) + ".." + context.seed(seeds - 1), ordered, seeds));
        return new Result("The deflation study of E7.8 (" + config + ") on the fast path (" + fast.name() + ").",
                result.figures(), result.tables(), result.measurements());
    }

    private static String format(double[] x) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            s.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", x[i]));
        }
        return s.append("]").toString();
    }
}
