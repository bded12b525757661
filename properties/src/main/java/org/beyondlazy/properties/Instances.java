package org.beyondlazy.properties;

import static org.quicktheories.generators.SourceDSL.longs;

import org.beyondlazy.core.FactoredTruth;
import org.beyondlazy.core.Generators;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Problem;
import org.hipparchus.random.RandomGenerator;
import org.quicktheories.core.Gen;

/**
 * Shared, seeded instance generators for the claim properties (and for other implementations that
 * run the conformance kit). An instance is a pure function of (seed, shape); the sizes are small so
 * that the dense reference stays fast.
 */
public final class Instances {
    /** Smallest row norm of generated homog parameters: keeps points away from the non-smooth origin. */
    public static final double HOMOG_MIN_ROW_NORM = 0.3;

    private Instances() {
    }

    /** What to generate. */
    public record Shape(ModelKind model, int order, int maxDim, int maxWidth, int maxRank, boolean regularized) {
        public static Shape of(ModelKind model, int order) {
            int maxDim = order >= 4 ? 4 : 5;
            return new Shape(model, order, maxDim, 4, 3, true);
        }
    }

    /** QuickTheories generator of instances of a shape (seeds drawn by QuickTheories, instances by us). */
    public static Gen<Instance> instances(Shape shape) {
        return longs().all().map(seed -> random(seed, shape));
    }

    /**
     * A random instance: d ∈ [1, maxDim], m ∈ [1, maxWidth], r ∈ [1, maxRank], unit truth rows with
     * N(0,1) coefficients, random ±1 signs, λ ∈ {0, 0.1} when regularized, parameters N(0, 0.7²)
     * (coefficients of coef N(0,1); homog rows rescaled to norm ≥ {@link #HOMOG_MIN_ROW_NORM}).
     */
    public static Instance random(long seed, Shape shape) {
        RandomGenerator rng = Generators.rng(seed);
        int d = 1 + rng.nextInt(shape.maxDim());
        int m = 1 + rng.nextInt(shape.maxWidth());
        int r = 1 + rng.nextInt(shape.maxRank());
        double[] coeffs = Generators.gaussian(rng, 1, r, 1.0);
        FactoredTruth truth = new FactoredTruth(shape.order(), d, r, Generators.unitRows(rng, r, d), coeffs);
        double lambda = shape.regularized() && rng.nextBoolean() ? 0.1 : 0.0;
        double[] signs = null;
        if (shape.model().hasSigns()) {
            signs = new double[m];
            for (int i = 0; i < m; i++) {
                signs[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
        }
        Problem problem = new Problem(shape.model(), m, signs, lambda, truth);
        double[] theta = new double[problem.parameterCount()];
        int off = problem.weightsOffset();
        for (int i = 0; i < off; i++) {
            theta[i] = rng.nextGaussian();
        }
        double[] w = Generators.gaussian(rng, m, d, 0.7);
        System.arraycopy(w, 0, theta, off, w.length);
        if (shape.model() == ModelKind.HOMOG) {
            for (int i = 0; i < m; i++) {
                double norm = 0;
                for (int a = 0; a < d; a++) {
                    norm += theta[off + i * d + a] * theta[off + i * d + a];
                }
                norm = Math.sqrt(norm);
                if (norm < HOMOG_MIN_ROW_NORM) {
                    double[] u = Generators.unitVector(rng, d);
                    for (int a = 0; a < d; a++) {
                        theta[off + i * d + a] = HOMOG_MIN_ROW_NORM * u[a];
                    }
                }
            }
        }
        return new Instance(seed, problem, theta);
    }

    /**
     * The exact fit of a factored truth by each model (claim C1): plain w_j = |c_j|^{1/l} u_j with
     * s_j = sign(c_j) (odd l: the real l-th root, s_j = +1); coef (c*, U*); homog w_j = √|c_j| u_j with
     * a_j = sign(c_j). λ = 0, m = r.
     */
    public static Instance exactFit(long seed, ModelKind model, FactoredTruth truth) {
        int r = truth.rank();
        int d = truth.dim();
        int l = truth.order();
        double[] signs = model.hasSigns() ? new double[r] : null;
        double[] theta = new double[(model.hasCoefficients() ? r : 0) + r * d];
        int off = model.hasCoefficients() ? r : 0;
        for (int j = 0; j < r; j++) {
            double c = truth.coeffs()[j];
            double scale = switch (model) {
                case PLAIN -> {
                    boolean odd = l % 2 == 1;
                    signs[j] = odd || c >= 0 ? 1.0 : -1.0;
                    double root = Math.pow(Math.abs(c), 1.0 / l);
                    yield odd && c < 0 ? -root : root;
                }
                case COEF -> {
                    theta[j] = c;
                    yield 1.0;
                }
                case HOMOG -> {
                    signs[j] = c >= 0 ? 1.0 : -1.0;
                    yield Math.sqrt(Math.abs(c));
                }
            };
            for (int a = 0; a < d; a++) {
                theta[off + j * d + a] = scale * truth.factors()[j * d + a];
            }
        }
        return new Instance(seed, new Problem(model, r, signs, 0.0, truth), theta);
    }
}
