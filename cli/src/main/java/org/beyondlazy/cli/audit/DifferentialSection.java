package org.beyondlazy.cli.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.Backend;
import org.beyondlazy.core.DenseTruth;
import org.beyondlazy.core.ExpandedLoss;
import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.GradientDescent;
import org.beyondlazy.fast.Blas;
import org.beyondlazy.fast.GramBackend;
import org.beyondlazy.properties.Instance;
import org.beyondlazy.properties.Instances;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * Audit section for C14: the fast path (both variants, both BLAS) against the reference on seeded
 * instances of the conformance kit, with the tolerances of E8.5: loss within 1e-12·S, gradient
 * coordinates within 1e-11·l·S, and 20-step GD trajectories within 1e-9·max(1, |θ|) per coordinate.
 */
@SpecRef("C14")
public final class DifferentialSection implements AuditSection {
    /** E8.5 loss tolerance, relative to S = max(1, E2.8 magnitude). */
    static final double LOSS_REL = 1e-12;
    /** E8.5 gradient tolerance per coordinate, relative to l·S. */
    static final double GRADIENT_REL = 1e-11;
    /** Per-coordinate trajectory tolerance after 20 GD steps (E8.5 trajectories). */
    static final double TRAJECTORY_REL = 1e-9;
    static final int STEPS = 20;

    @Override
    public String id() {
        return "differential";
    }

    @Override
    public String title() {
        return "Fast path equals the reference (C14)";
    }

    @Override
    public Result run(Context context) {
        int seeds = context.full() ? 60 : 8;
        Result result = Result.empty();
        List<List<String>> rows = new ArrayList<>();
        int ok = 0;
        int trials = 0;
        Backend reference = new ReferenceBackend();
        List<GramBackend> fast = new ArrayList<>(List.of(new GramBackend(Blas.pureJava())));
        if (Blas.nativeAvailable()) {
            fast.add(new GramBackend(Blas.best()));
        }
        for (GramBackend backend : fast) {
            for (boolean dense : new boolean[] {false, true}) {
                for (ModelKind model : ModelKind.values()) {
                    for (int order = 2; order <= 4; order++) {
                        int passed = 0;
                        double worstLoss = 0;
                        double worstGradient = 0;
                        for (long seed = 0; seed < seeds; seed++) {
                            Instance inst = Instances.random(seed * 7919 + order, Instances.Shape.of(model, order));
                            Problem p = inst.problem();
                            FactoredTruth truth = (FactoredTruth) p.truth();
                            double s = Math.max(1, ExpandedLoss.magnitude(p, truth, inst.theta()));
                            if (dense) {
                                p = new Problem(p.model(), p.width(), signs(p), p.lambda(),
                                        new DenseTruth(order, truth.dim(), DenseTensor.of(truth).entries()));
                            }
                            Objective fr = reference.objective(p);
                            Objective ff = backend.objective(p);
                            double[] gr = new double[p.parameterCount()];
                            double[] gf = new double[p.parameterCount()];
                            double lr = fr.valueAndGradient(inst.theta(), gr);
                            double lf = ff.valueAndGradient(inst.theta(), gf);
                            double lossDev = Math.abs(lr - lf) / s;
                            double gradDev = 0;
                            for (int q = 0; q < gr.length; q++) {
                                gradDev = Math.max(gradDev, Math.abs(gr[q] - gf[q]) / (order * s));
                            }
                            boolean same = lossDev <= LOSS_REL && gradDev <= GRADIENT_REL;
                            double[] tr = inst.theta().clone();
                            double[] tf = inst.theta().clone();
                            GradientDescent a = new GradientDescent(1e-3);
                            GradientDescent b = new GradientDescent(1e-3);
                            for (int k = 0; k < STEPS && same; k++) {
                                a.step(fr, tr);
                                b.step(ff, tf);
                                for (int q = 0; q < tr.length; q++) {
                                    same &= Math.abs(tr[q] - tf[q]) <= TRAJECTORY_REL * Math.max(1, Math.abs(tr[q]));
                                }
                            }
                            worstLoss = Math.max(worstLoss, lossDev);
                            worstGradient = Math.max(worstGradient, gradDev);
                            passed += same ? 1 : 0;
                        }
                        ok += passed;
                        trials += seeds;
                        rows.add(List.of(Blas.describe(backend.blas()).replaceAll(".*\\.", ""), dense ? "packed dense" : "Gram factored",
                                model.id(), Integer.toString(order), passed + "/" + seeds,
                                String.format(Locale.ROOT, "%.1e", worstLoss), String.format(Locale.ROOT, "%.1e", worstGradient)));
                    }
                }
            }
        }
        result.tables().add(new Table("Fast path vs reference: instances agreeing in loss, gradient and a " + STEPS
                + "-step GD trajectory; worst loss deviation / S and gradient deviation / (l·S)",
                List.of("BLAS", "variant", "model", "l", "agree", "max |Δf|/S", "max |Δg|/(lS)"), rows));
        result.verdicts().add(new Verdict("C14", ok == trials, ok + "/" + trials + " instances agree within E8.5 (loss 1e-12·S, "
                + "gradient 1e-11·l·S, trajectory 1e-9)", "Instances.random(7919·k + l), k < " + seeds, ok, trials));
        return new Result("Seeded conformance-kit instances (d ≤ 5, m ≤ 4, r ≤ 3) evaluated by the reference and by the fast "
                + "path; native BLAS " + (Blas.nativeAvailable() ? "available" : "not installed (pure Java only)") + ".",
                result.figures(), result.tables(), result.verdicts());
    }

    private static double[] signs(Problem p) {
        if (!p.model().hasSigns()) {
            return null;
        }
        double[] s = new double[p.width()];
        for (int i = 0; i < s.length; i++) {
            s[i] = p.sign(i);
        }
        return s;
    }
}
