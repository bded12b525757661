package org.beyondlazy.core.optim;

import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The learning rate η_k of step k (k = 0, 1, …): a constant, or one value per step (spec E9.15), which
 * covers any scheduler since the checker only needs the rate each step actually used.
 */
@SpecRef("E9.15")
public sealed interface LearningRate permits LearningRate.Constant, LearningRate.PerStep {
    /** η_k, the rate used to compute x_{k+1}. */
    double at(int k);

    /** The same schedule multiplied by {@code factor} &gt; 0. */
    LearningRate times(double factor);

    /** A constant rate η &gt; 0, finite. */
    static LearningRate constant(double lr) {
        return new Constant(lr);
    }

    /** One rate per step, η_k = rates[k], each finite and &gt; 0 (copied). */
    static LearningRate perStep(double[] rates) {
        return new PerStep(rates);
    }

    /** A constant rate. */
    record Constant(double value) implements LearningRate {
        public Constant {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "learning rate", "finite and > 0", value);
            }
        }

        @Override
        public double at(int k) {
            return value;
        }

        @Override
        public LearningRate times(double factor) {
            return new Constant(value * factor);
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** One rate per step; asking for a step beyond the schedule is an error. */
    record PerStep(double[] rates) implements LearningRate {
        public PerStep {
            rates = rates.clone();
            if (rates.length == 0) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "learning-rate schedule", "non-empty", "length 0");
            }
            for (int k = 0; k < rates.length; k++) {
                if (!(rates[k] > 0) || !Double.isFinite(rates[k])) {
                    throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "learning rate of step " + k,
                            "finite and > 0", rates[k]);
                }
            }
        }

        /** Number of steps the schedule covers. */
        public int length() {
            return rates.length;
        }

        @Override
        public double at(int k) {
            return rates[k];
        }

        @Override
        public LearningRate times(double factor) {
            double[] r = rates.clone();
            for (int k = 0; k < r.length; k++) {
                r[k] *= factor;
            }
            return new PerStep(r);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PerStep p && Arrays.equals(rates, p.rates);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rates);
        }

        @Override
        public String toString() {
            return "schedule[" + rates.length + "]";
        }
    }
}
