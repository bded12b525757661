package org.beyondlazy.report;

import java.util.List;
import java.util.Locale;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.PolarDynamics;
import org.beyondlazy.properties.Instance;
import org.beyondlazy.properties.Instances;
import org.beyondlazy.reference.DenseTensor;
import org.beyondlazy.reference.ReferenceBackend;

/**
 * Audit section for C12 (the property PolarDynamicsClaims lives in the properties' test tree, so the audit
 * repeats its check): one small gradient step on the homog model moves ρ_i and w̄_i as the closed forms
 * dρ/dt = ρ(2aG(w̄^{⊗l}) − λ), dw̄/dt = a·l·P⊥G(w̄^{⊗(l−1)}) (E7.2, E7.3) predict, up to the step's
 * second-order term.
 */
@SpecRef("C12")
public final class PolarSection implements AuditSection, AuditSection.Interim {
    /** GD step of the finite differences (as in PolarDynamicsClaims). */
    static final double ETA = 1e-7;
    /** Second-order slack and round-off, as in PolarDynamicsClaims. */
    static final double SECOND_ORDER_SLACK = 4.0;
    static final double ROUND_OFF = 1e-8;

    @Override
    public String id() {
        return "polar";
    }

    @Override
    public List<String> claims() {
        return List.of("C12");
    }

    @Override
    public String title() {
        return "Polar dynamics of the 2-homogeneous model (C12)";
    }

    @Override
    public Result run(Context context) {
        int examples = context.full() ? 200 : 30;
        int ok = 0;
        int trials = 0;
        double worst = 0;
        ReferenceBackend backend = new ReferenceBackend();
        for (int order = 2; order <= 4; order++) {
            for (int k = 0; k < examples; k++) {
                Instance inst = Instances.random(31L * k + order, new Instances.Shape(ModelKind.HOMOG, order, order >= 4 ? 4 : 5, 3, 3, true));
                Problem p = inst.problem();
                Objective f = backend.objective(p);
                int d = p.dim();
                int m = p.width();
                double[] theta = inst.theta().clone();
                double[] g = new double[theta.length];
                f.valueAndGradient(theta, g);
                DenseTensor model = new DenseTensor(order, d);
                for (int i = 0; i < m; i++) {
                    double rho = PolarDynamics.norm(theta, d, i);
                    model.addRankOnePower(p.sign(i) * rho * rho, PolarDynamics.direction(theta, d, i));
                }
                DenseTensor residual = DenseTensor.of(p.truth()).minus(model); // G = T* − T
                double[] next = theta.clone();
                for (int q = 0; q < next.length; q++) {
                    next[q] -= ETA * g[q];
                }
                boolean holds = true;
                for (int i = 0; i < m; i++) {
                    double rho = PolarDynamics.norm(theta, d, i);
                    double[] unit = PolarDynamics.direction(theta, d, i);
                    double[] gVector = residual.contract(unit, order - 1);
                    double gFull = 0;
                    double gi = 0;
                    for (int a = 0; a < d; a++) {
                        gFull += gVector[a] * unit[a];
                        gi += g[i * d + a] * g[i * d + a];
                    }
                    double rhoDot = PolarDynamics.radialVelocityClosedForm(rho, p.sign(i), gFull, p.lambda());
                    double[] dirDot = PolarDynamics.directionVelocityClosedForm(unit, p.sign(i), order, gVector);
                    double dRho = (PolarDynamics.norm(next, d, i) - rho) / ETA;
                    double[] nextUnit = PolarDynamics.direction(next, d, i);
                    double dirErr = 0;
                    for (int a = 0; a < d; a++) {
                        double diff = (nextUnit[a] - unit[a]) / ETA - dirDot[a];
                        dirErr += diff * diff;
                    }
                    dirErr = Math.sqrt(dirErr);
                    double radialSlack = SECOND_ORDER_SLACK * ETA * gi / (2 * rho) + ROUND_OFF * Math.max(1, Math.abs(rhoDot));
                    double directionSlack = SECOND_ORDER_SLACK * ETA * gi / (rho * rho) + ROUND_OFF * Math.max(1, norm(dirDot));
                    worst = Math.max(worst, Math.max(Math.abs(dRho - rhoDot) / radialSlack, dirErr / directionSlack));
                    holds &= Math.abs(dRho - rhoDot) <= radialSlack && dirErr <= directionSlack;
                }
                ok += holds ? 1 : 0;
                trials++;
            }
        }
        Result result = Result.empty();
        result.measurements().add(new Measurement("C12", ok + "/" + trials + " instances: the step's Δρ/η and Δw̄/η match the closed "
                + String.format(Locale.ROOT, "forms (worst deviation %.2f of the allowed slack)", worst), "Instances.random(31k + l)", ok, trials));
        return new Result("Finite differences of one gradient step (η = 1e-7) against the closed forms E7.2/E7.3, l = 2, 3, 4, on the "
                + "reference; the closed forms are evaluated with a dense residual assembled from ρ_i and w̄_i.", result.figures(),
                result.tables(), result.measurements());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
