package org.beyondlazy.core.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.Check;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.SpecRef;

/**
 * A named update form of spec §4 with its parameters: the one definition of each recurrence, used by the
 * optimizers ({@link FormOptimizer}, {@link GradientDescent}, {@link HeavyBall}, {@link Nesterov}) and by the
 * trajectory oracle ({@link TrajectoryReplay}, spec E9.4).
 *
 * <p>A form maps (x_k, x_{k−1}, k) to x_{k+1} through {@link Replay#next}; the gradient is evaluated through
 * the {@link Objective}. At k = 0 the caller passes x_{−1} = x_0 (A4.2 and A4.3 step 0). For the forms of
 * A4.1–A4.3 ({@link #memoryless()} true) {@code next} is a pure function of its arguments: it may be called
 * for any k in any order, on iterates taken from anywhere.
 *
 * <pre>{@code
 * UpdateForm form = new UpdateForm.HeavyBall(0.02, 0.6);
 * UpdateForm.Replay replay = form.replay(objective.parameterCount());
 * replay.next(objective, x[k], k == 0 ? x[0] : x[k - 1], k, out);   // out = x_{k+1}
 * }</pre>
 */
@SpecRef({"A4.1", "A4.2", "A4.3"})
public sealed interface UpdateForm permits UpdateForm.Gd, UpdateForm.HeavyBall, UpdateForm.NesterovConvex {
    /** The form names of spec §4 and E9.4, in spec order. */
    List<String> NAMES = List.of("gd", "heavy-ball", "nesterov-convex");

    /** The spec name of the form, e.g. {@code "nesterov-convex"}. */
    String name();

    /** The form's parameters by name, in spec order (e.g. {@code lr}, {@code momentum}), for reports. */
    Map<String, Double> parameters();

    /** True when x_{k+1} depends on (x_k, x_{k−1}, k) only, so steps may be replayed in any order. */
    default boolean memoryless() {
        return true;
    }

    /**
     * A replay of this form over vectors of length n: owns scratch buffers, so use one per thread.
     *
     * @param n length of θ
     */
    Replay replay(int n);

    /** One step of a form. */
    @FunctionalInterface
    interface Replay {
        /**
         * Computes x_{k+1}.
         *
         * @param objective f; its gradient is evaluated at x_k (or at the look-ahead point of A4.3)
         * @param current   x_k, length n; not modified
         * @param previous  x_{k−1} (x_0 when k = 0), length n; not modified
         * @param k         the step index, from 0
         * @param out       output, length n, distinct from {@code current} and {@code previous}; overwritten
         *                  with x_{k+1}
         * @return f at the point where the gradient was evaluated
         */
        double next(Objective objective, double[] current, double[] previous, int k, double[] out);
    }

    /**
     * The form named {@code name} (also {@code nesterov}, E9.4's short name for A4.3) with learning rate η
     * and, for heavy ball, momentum β.
     *
     * @throws BeyondLazyException {@code UNKNOWN_NAME} for an unknown name, {@code INVALID_PARAMETER} for η or β
     */
    static UpdateForm of(String name, double lr, double momentum) {
        return switch (name) {
            case "gd" -> new Gd(lr);
            case "heavy-ball" -> new HeavyBall(lr, momentum);
            case "nesterov", "nesterov-convex" -> new NesterovConvex(lr);
            default -> throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "update form", name,
                    "[gd, heavy-ball, nesterov (= nesterov-convex)]");
        };
    }

    /** A4.1: x_{k+1} = x_k − η ∇f(x_k). */
    @SpecRef("A4.1")
    record Gd(double lr) implements UpdateForm {
        /** @param lr η &gt; 0, finite */
        public Gd {
            Check.positive("learning rate", lr);
        }

        @Override
        public String name() {
            return "gd";
        }

        @Override
        public Map<String, Double> parameters() {
            return Map.of("lr", lr);
        }

        @Override
        public Replay replay(int n) {
            return (f, x, previous, k, out) -> {
                double value = f.valueAndGradient(x, out); // A4.1 step 1: g = ∇f(x_k), held in out
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] - lr * out[p]; // A4.1 step 2: x_{k+1} = x_k − η g
                }
                return value;
            };
        }
    }

    /** A4.2 (Polyak): x_{k+1} = x_k − η ∇f(x_k) + β (x_k − x_{k−1}), x_{−1} = x_0. */
    @SpecRef("A4.2")
    record HeavyBall(double lr, double momentum) implements UpdateForm {
        /**
         * @param lr       η &gt; 0, finite
         * @param momentum β ∈ [0, 1)
         */
        public HeavyBall {
            Check.positive("learning rate", lr);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "momentum", "in [0, 1)", momentum);
            }
        }

        @Override
        public String name() {
            return "heavy-ball";
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("momentum", momentum);
            return m;
        }

        @Override
        public Replay replay(int n) {
            return (f, x, previous, k, out) -> {
                double value = f.valueAndGradient(x, out); // A4.2 step 1: g = ∇f(x_k), held in out
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] - lr * out[p] + momentum * (x[p] - previous[p]); // A4.2 step 2
                }
                return value;
            };
        }
    }

    /**
     * A4.3, the convex-case schedule: y_k = x_k + ((k−1)/(k+2)) (x_k − x_{k−1}), x_{k+1} = y_k − η ∇f(y_k),
     * x_{−1} = x_0, k from 0.
     */
    @SpecRef("A4.3")
    record NesterovConvex(double lr) implements UpdateForm {
        /** @param lr η &gt; 0, finite */
        public NesterovConvex {
            Check.positive("learning rate", lr);
        }

        /** The momentum coefficient (k−1)/(k+2) of step k (A4.3 step 1). */
        public static double momentumAt(int k) {
            return (k - 1.0) / (k + 2.0);
        }

        @Override
        public String name() {
            return "nesterov-convex";
        }

        @Override
        public Map<String, Double> parameters() {
            return Map.of("lr", lr);
        }

        @Override
        public Replay replay(int n) {
            double[] gradient = new double[n];
            return (f, x, previous, k, out) -> {
                double beta = momentumAt(k);
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] + beta * (x[p] - previous[p]); // A4.3 step 1: y_k, held in out
                }
                double value = f.valueAndGradient(out, gradient); // A4.3 step 2: g = ∇f(y_k)
                for (int p = 0; p < out.length; p++) {
                    out[p] -= lr * gradient[p]; // A4.3 step 3: x_{k+1} = y_k − η g
                }
                return value;
            };
        }
    }
}
