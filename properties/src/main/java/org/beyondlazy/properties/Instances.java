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

    /** Smallest and largest exponent k of the small homog row norms 10^−k of {@link #smallHomogRows}. */
    public static final double SMALL_ROW_MIN_EXPONENT = 3.0;
    public static final double SMALL_ROW_MAX_EXPONENT = 6.0;

    /**
     * QuickTheories generator of homog instances in the small-initialization regime (W20's variant starts
     * there, spec A7.1): {@link #smallHomogRows} of {@link #random} instances of the shape.
     */
    public static Gen<Instance> smallHomogRowInstances(Shape shape) {
        return longs().all().map(seed -> smallHomogRows(random(seed, shape)));
    }

    /**
     * The instance with each homog row, independently with probability ½ (row 0 always), rescaled to norm
     * 10^−k, k uniform in [{@value #SMALL_ROW_MIN_EXPONENT}, {@value #SMALL_ROW_MAX_EXPONENT}] (direction
     * kept), drawn from a generator seeded by the instance's seed; other models are returned unchanged.
     */
    public static Instance smallHomogRows(Instance inst) {
        Problem p = inst.problem();
        if (p.model() != ModelKind.HOMOG) {
            return inst;
        }
        RandomGenerator rng = Generators.rng(inst.seed() ^ 0x9E3779B97F4A7C15L);
        double[] theta = inst.theta().clone();
        int d = p.dim();
        for (int i = 0; i < p.width(); i++) {
            boolean shrink = rng.nextBoolean();
            double exponent = SMALL_ROW_MIN_EXPONENT + (SMALL_ROW_MAX_EXPONENT - SMALL_ROW_MIN_EXPONENT) * rng.nextDouble();
            if (i > 0 && !shrink) {
                continue;
            }
            double norm = 0;
            for (int a = 0; a < d; a++) {
                norm += theta[i * d + a] * theta[i * d + a];
            }
            double factor = Math.pow(10, -exponent) / Math.sqrt(norm);
            for (int a = 0; a < d; a++) {
                theta[i * d + a] *= factor;
            }
        }
        return new Instance(inst.seed(), p, theta);
    }

    /** The same instance with regularization λ (the problem's other fields unchanged). */
    public static Instance withLambda(Instance inst, double lambda) {
        Problem p = inst.problem();
        double[] signs = null;
        if (p.model().hasSigns()) {
            signs = new double[p.width()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = p.sign(i);
            }
        }
        return new Instance(inst.seed(), new Problem(p.model(), p.width(), signs, lambda, p.truth()), inst.theta());
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
