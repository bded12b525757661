package org.beyondlazy.experiments.scaling;

import java.util.List;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.variant.VariantConfig;

/**
 * The one hyper-parameter schedule of the scaling-law experiment (spec E7.9, a reconstruction): the
 * variant's (A7.1) options as functions of (l, d, r, m), calibrated at each order's smallest d only and
 * applied unchanged at every larger d.
 *
 * <ul>
 *   <li>steps per epoch H(l, d) = ⌈H₀(l)·(d/d₀(l))^{(l−2)/2}⌉ — the escape time of the direction flow of E7.3
 *       from a random start of correlation ≈ d^{−1/2} grows like d^{(l−2)/2};</li>
 *   <li>epochs K(l, r) = ⌈K₀(l)·r/r₀⌉, r₀ = {@link #REFERENCE_RANK} — one re-initialization per epoch, so the
 *       number of chances to pick up a missing direction grows with the number of directions;</li>
 *   <li>η, λ and δ(l) constant; the early-stop target ε is the experiment's success threshold.</li>
 * </ul>
 * The controls use the same step budget H·K: vanilla GD with rows of norm {@link #vanillaInitNorm} and the
 * variant with a single epoch of H·K steps (no re-initialization after the initial draw).
 *
 * @param eta             η, every gradient step (variant and vanilla control)
 * @param lambda          λ of the variant's objective (the vanilla control has λ = 0)
 * @param vanillaInitNorm norm of every initial row of the vanilla control
 * @param orders          one base per order (not modified; copied)
 */
@SpecRef("E7.9")
public record ScalingSchedule(double eta, double lambda, double vanillaInitNorm, List<OrderBase> orders) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** r₀: the rank the bases were calibrated at (E7.5's r = 3). */
    public static final int REFERENCE_RANK = 3;

    /**
     * The calibration of one order at its smallest dimension.
     *
     * @param order          l ≥ 2
     * @param calibrationDim d₀, the smallest d of the grid, where H₀ and K₀ were chosen
     * @param stepsPerEpoch  H₀ ≥ 1, steps per epoch at d₀
     * @param epochs         K₀ ≥ 1, epochs at r = r₀
     * @param delta          δ(l) &gt; 0, norm of every (re-)initialized component of the variant
     */
    public record OrderBase(int order, int calibrationDim, int stepsPerEpoch, int epochs, double delta) implements java.io.Serializable {
        public OrderBase {
            Check.atLeast("schedule order l", order, 2);
            Check.atLeast("schedule calibration dimension d0", calibrationDim, 1);
            Check.atLeast("schedule steps per epoch H0", stepsPerEpoch, 1);
            Check.atLeast("schedule epochs K0", epochs, 1);
            Check.positive("schedule delta", delta);
        }
    }

    public ScalingSchedule {
        Check.positive("schedule eta", eta);
        Check.nonNegative("schedule lambda", lambda);
        Check.positive("schedule vanilla initialization norm", vanillaInitNorm);
        if (orders == null || orders.isEmpty()) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "schedule orders", "at least one order", "none");
        }
        orders = List.copyOf(orders);
        if (orders.stream().mapToInt(OrderBase::order).distinct().count() != orders.size()) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "schedule orders", "one base per order", orders);
        }
    }

    /**
     * The project's schedule (E7.9): η = 0.2, λ = 1e-3 (E7.1); l = 3: d₀ = 10, H₀ = 3000, K₀ = 8, δ = 1e-3 (E7.1's
     * defaults); l = 4: d₀ = 8, H₀ = 4000, K₀ = 10, δ = 1e-2 (E7.5's l = 4 options); vanilla rows of norm 0.1 (E7.7).
     */
    public static ScalingSchedule standard() {
        return new ScalingSchedule(VariantConfig.DEFAULT_ETA, VariantConfig.DEFAULT_LAMBDA, 0.1,
                List.of(new OrderBase(3, 10, VariantConfig.DEFAULT_STEPS_PER_EPOCH, VariantConfig.DEFAULT_EPOCHS, VariantConfig.DEFAULT_DELTA),
                        new OrderBase(4, 8, 4000, 10, 1e-2)));
    }

    /** The base of order l; INVALID_PARAMETER when the schedule has none. */
    public OrderBase base(int order) {
        return orders.stream().filter(b -> b.order() == order).findFirst().orElseThrow(() -> new BeyondLazyException(
                ErrorCode.INVALID_PARAMETER, "schedule order l", "one of " + orders.stream().map(OrderBase::order).toList(), order));
    }

    /** H(l, d) = ⌈H₀·(d/d₀)^{(l−2)/2}⌉, at least 1 (E7.9). */
    public int stepsPerEpoch(int order, int dim) {
        OrderBase b = base(order);
        double scaled = b.stepsPerEpoch() * Math.pow((double) dim / b.calibrationDim(), (order - 2) / 2.0);
        return (int) Math.max(1, Math.ceil(scaled - 1e-9)); // the 1e-9 keeps H(d₀) = H₀ exactly despite pow's rounding
    }

    /** K(l, r) = ⌈K₀·r/r₀⌉, at least 1 (E7.9). */
    public int epochs(int order, int rank) {
        return Math.max(1, (base(order).epochs() * rank + REFERENCE_RANK - 1) / REFERENCE_RANK);
    }

    /** The step budget H·K shared by the variant and both controls. */
    public long stepBudget(int order, int dim, int rank) {
        return (long) stepsPerEpoch(order, dim) * epochs(order, rank);
    }

    /** The variant's options at (l, d, r, m), early stop at ε (A7.1 with R1 + M1). */
    public VariantConfig variant(int order, int dim, int rank, int width, double epsilon) {
        return VariantConfig.defaults().withWidth(width).withLambda(lambda).withEta(eta).withDelta(base(order).delta())
                .withStepsPerEpoch(stepsPerEpoch(order, dim)).withEpochs(epochs(order, rank)).withTargetError(epsilon);
    }

    /**
     * The control without re-initialization: one epoch of H·K steps (A7.1 step 3 then only redraws component 1
     * before any step, which is a fresh initialization of that row, not a re-initialization).
     */
    public VariantConfig withoutReinitialization(int order, int dim, int rank, int width, double epsilon) {
        long budget = stepBudget(order, dim, rank);
        if (budget > Integer.MAX_VALUE) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "step budget H*K", "<= " + Integer.MAX_VALUE, budget);
        }
        return variant(order, dim, rank, width, epsilon).withEpochs(1).withStepsPerEpoch((int) budget);
    }
}
