package org.beyondlazy.core.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beyondlazy.core.BeyondLazyException;
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
 * for any k in any order, on iterates taken from anywhere. The framework forms (A4.7–A4.9) keep an
 * optimizer state (momentum buffer, moment estimates) that a {@link Replay} recomputes from the gradients at
 * the iterates it is given, so their replay must be called for k = 0, 1, 2, … in order.
 *
 * <pre>{@code
 * UpdateForm form = new UpdateForm.HeavyBall(0.02, 0.6);
 * UpdateForm.Replay replay = form.replay(objective.parameterCount());
 * replay.next(objective, x[k], k == 0 ? x[0] : x[k - 1], k, out);   // out = x_{k+1}
 * }</pre>
 */
@SpecRef({"A4.1", "A4.2", "A4.3"})
public sealed interface UpdateForm
        permits UpdateForm.Gd, UpdateForm.HeavyBall, UpdateForm.NesterovConvex, UpdateForm.TorchSgd, UpdateForm.TorchAdam {
    /** The form names of spec §4 and E9.4, in spec order. */
    List<String> NAMES = List.of("gd", "heavy-ball", "nesterov-convex", "torch-sgd", "torch-adam", "torch-adamw");

    /** The spec name of the form, e.g. {@code "nesterov-convex"}. */
    String name();

    /**
     * The form's parameters by name, in spec order (e.g. {@code lr}, {@code momentum}), for reports: numbers,
     * booleans, and the learning rate as a number or a {@link LearningRate} schedule.
     */
    Map<String, Object> parameters();

    /** The learning-rate schedule η_k. */
    LearningRate lr();

    /** The same form with another learning-rate schedule (all other parameters unchanged). */
    UpdateForm withLr(LearningRate lr);

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

    /** Checks that a stateful replay is called for k = 0, 1, 2, … in order; returns the next expected k. */
    private static int inOrder(String form, int expected, int k) {
        if (k != expected) {
            throw new IllegalStateException(form + " replays its state in order: expected step " + expected + ", got " + k);
        }
        return k + 1;
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
    record Gd(LearningRate lr) implements UpdateForm {
        /** @param lr η &gt; 0, finite */
        public Gd(double lr) {
            this(LearningRate.constant(lr));
        }

        public Gd {
            java.util.Objects.requireNonNull(lr, "lr");
        }

        @Override
        public UpdateForm withLr(LearningRate lr) {
            return new Gd(lr);
        }

        @Override
        public String name() {
            return "gd";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("lr", lr);
        }

        @Override
        public Replay replay(int n) {
            return (f, x, previous, k, out) -> {
                double eta = lr.at(k);
                double value = f.valueAndGradient(x, out); // A4.1 step 1: g = ∇f(x_k), held in out
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] - eta * out[p]; // A4.1 step 2: x_{k+1} = x_k − η_k g
                }
                return value;
            };
        }
    }

    /** A4.2 (Polyak): x_{k+1} = x_k − η ∇f(x_k) + β (x_k − x_{k−1}), x_{−1} = x_0. */
    @SpecRef("A4.2")
    record HeavyBall(LearningRate lr, double momentum) implements UpdateForm {
        /**
         * @param lr       η &gt; 0, finite
         * @param momentum β ∈ [0, 1)
         */
        public HeavyBall(double lr, double momentum) {
            this(LearningRate.constant(lr), momentum);
        }

        @Override
        public UpdateForm withLr(LearningRate lr) {
            return new HeavyBall(lr, momentum);
        }

        public HeavyBall {
            java.util.Objects.requireNonNull(lr, "lr");
            if (!(momentum >= 0 && momentum < 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "momentum", "in [0, 1)", momentum);
            }
        }

        @Override
        public String name() {
            return "heavy-ball";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("momentum", momentum);
            return m;
        }

        @Override
        public Replay replay(int n) {
            return (f, x, previous, k, out) -> {
                double eta = lr.at(k);
                double value = f.valueAndGradient(x, out); // A4.2 step 1: g = ∇f(x_k), held in out
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] - eta * out[p] + momentum * (x[p] - previous[p]); // A4.2 step 2
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
    record NesterovConvex(LearningRate lr) implements UpdateForm {
        /** @param lr η &gt; 0, finite */
        public NesterovConvex(double lr) {
            this(LearningRate.constant(lr));
        }

        public NesterovConvex {
            java.util.Objects.requireNonNull(lr, "lr");
        }

        @Override
        public UpdateForm withLr(LearningRate lr) {
            return new NesterovConvex(lr);
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
        public Map<String, Object> parameters() {
            return Map.of("lr", lr);
        }

        @Override
        public Replay replay(int n) {
            double[] gradient = new double[n];
            return (f, x, previous, k, out) -> {
                double beta = momentumAt(k);
                double eta = lr.at(k);
                for (int p = 0; p < out.length; p++) {
                    out[p] = x[p] + beta * (x[p] - previous[p]); // A4.3 step 1: y_k, held in out
                }
                double value = f.valueAndGradient(out, gradient); // A4.3 step 2: g = ∇f(y_k)
                for (int p = 0; p < out.length; p++) {
                    out[p] -= eta * gradient[p]; // A4.3 step 3: x_{k+1} = y_k − η_k g
                }
                return value;
            };
        }
    }

    /**
     * A4.7, {@code torch.optim.SGD} (PyTorch 1.13 documentation): with g_k = ∇f(x_k) + λ_wd x_k,
     * b_0 = g_0 (the first step is not dampened), b_k = μ b_{k−1} + (1 − τ) g_k for k ≥ 1, the direction
     * D_k = g_k + μ b_k (nesterov) or b_k (μ &gt; 0) or g_k (μ = 0), and x_{k+1} = x_k − η_k D_k. The buffer is
     * recomputed from the gradients at the iterates given.
     */
    @SpecRef("A4.7")
    record TorchSgd(LearningRate lr, double momentum, double dampening, boolean nesterov, double weightDecay)
            implements UpdateForm {
        /**
         * @param momentum    μ ≥ 0
         * @param dampening   τ ∈ [0, 1]
         * @param nesterov    Nesterov's variant; needs μ &gt; 0 and τ = 0 (as torch requires)
         * @param weightDecay λ_wd ≥ 0, added to the gradient
         */
        public TorchSgd {
            java.util.Objects.requireNonNull(lr, "lr");
            nonNegative("momentum", momentum);
            if (!(dampening >= 0 && dampening <= 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "dampening", "in [0, 1]", dampening);
            }
            nonNegative("weight decay", weightDecay);
            if (nesterov && !(momentum > 0 && dampening == 0)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "nesterov", "used with momentum > 0 and dampening 0",
                        "momentum " + momentum + ", dampening " + dampening);
            }
        }

        @Override
        public String name() {
            return "torch-sgd";
        }

        @Override
        public boolean memoryless() {
            return momentum == 0;
        }

        @Override
        public UpdateForm withLr(LearningRate lr) {
            return new TorchSgd(lr, momentum, dampening, nesterov, weightDecay);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("momentum", momentum);
            m.put("dampening", dampening);
            m.put("nesterov", nesterov);
            m.put("weightDecay", weightDecay);
            return m;
        }

        @Override
        public Replay replay(int n) {
            double[] g = new double[n];
            double[] buffer = new double[n];
            int[] expected = {0};
            return (f, x, previous, k, out) -> {
                if (momentum != 0) {
                    expected[0] = inOrder(name(), expected[0], k);
                }
                double eta = lr.at(k);
                double value = f.valueAndGradient(x, g); // A4.7 step 1: g = ∇f(x_k)
                for (int p = 0; p < n; p++) {
                    double gp = g[p] + weightDecay * x[p]; // A4.7 step 2: g += λ_wd x_k
                    double direction = gp;
                    if (momentum != 0) {
                        // A4.7 step 3: b_0 = g_0, then b_k = μ b_{k−1} + (1 − τ) g_k
                        buffer[p] = k == 0 ? gp : momentum * buffer[p] + (1 - dampening) * gp;
                        direction = nesterov ? gp + momentum * buffer[p] : buffer[p]; // A4.7 step 4
                    }
                    out[p] = x[p] - eta * direction; // A4.7 step 5: x_{k+1} = x_k − η_k D_k
                }
                return value;
            };
        }
    }

    /**
     * A4.8 and A4.9, {@code torch.optim.Adam} and {@code torch.optim.AdamW} (PyTorch 1.13 documentation and
     * implementation): t = k + 1, g = ∇f(x_k) (+ λ_wd x_k for Adam), m_t = β₁ m_{t−1} + (1 − β₁) g,
     * v_t = β₂ v_{t−1} + (1 − β₂) g², m_0 = v_0 = 0; amsgrad: v̄_t = max(v̄_{t−1}, v_t) (the raw second moment, as
     * torch computes it), else v̄_t = v_t; denominator δ = √v̄_t / √(1 − β₂^t) + ε; x' = x_k (Adam) or
     * (1 − η_k λ_wd) x_k (AdamW, decoupled decay); x_{k+1} = x' − (η_k / (1 − β₁^t)) m_t / δ. The moments are
     * recomputed from the gradients at the iterates given.
     */
    @SpecRef({"A4.8", "A4.9"})
    record TorchAdam(LearningRate lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                     boolean decoupled) implements UpdateForm {
        /**
         * @param beta1       β₁ ∈ [0, 1)
         * @param beta2       β₂ ∈ [0, 1)
         * @param eps         ε ≥ 0
         * @param weightDecay λ_wd ≥ 0: added to the gradient (Adam) or decoupled (AdamW)
         * @param amsgrad     the AMSGrad maximum of the second moment
         * @param decoupled   AdamW's decoupled weight decay
         */
        public TorchAdam {
            java.util.Objects.requireNonNull(lr, "lr");
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "beta1", "in [0, 1)", beta1);
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, "beta2", "in [0, 1)", beta2);
            }
            nonNegative("eps", eps);
            nonNegative("weight decay", weightDecay);
        }

        @Override
        public String name() {
            return decoupled ? "torch-adamw" : "torch-adam";
        }

        @Override
        public boolean memoryless() {
            return false;
        }

        @Override
        public UpdateForm withLr(LearningRate lr) {
            return new TorchAdam(lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("beta1", beta1);
            m.put("beta2", beta2);
            m.put("eps", eps);
            m.put("weightDecay", weightDecay);
            m.put("amsgrad", amsgrad);
            return m;
        }

        @Override
        public Replay replay(int n) {
            double[] g = new double[n];
            double[] first = new double[n];
            double[] second = new double[n];
            double[] secondMax = new double[n];
            int[] expected = {0};
            return (f, x, previous, k, out) -> {
                expected[0] = inOrder(name(), expected[0], k);
                double eta = lr.at(k);
                int t = k + 1;
                double correction1 = 1 - Math.pow(beta1, t);
                double correction2Root = Math.sqrt(1 - Math.pow(beta2, t));
                double stepSize = eta / correction1;
                double shrink = decoupled ? 1 - eta * weightDecay : 1;
                double value = f.valueAndGradient(x, g); // step 1: g = ∇f(x_k)
                for (int p = 0; p < n; p++) {
                    double gp = decoupled ? g[p] : g[p] + weightDecay * x[p]; // A4.8 step 2: g += λ_wd x_k
                    first[p] = beta1 * first[p] + (1 - beta1) * gp; // step 3: m_t
                    second[p] = beta2 * second[p] + (1 - beta2) * gp * gp; // step 4: v_t
                    double v = second[p];
                    if (amsgrad) {
                        secondMax[p] = Math.max(secondMax[p], second[p]); // step 5: v̄_t
                        v = secondMax[p];
                    }
                    double denominator = Math.sqrt(v) / correction2Root + eps; // step 6: δ
                    // step 7: x_{k+1} = x' − (η_k/(1 − β₁^t)) m_t/δ with x' = x_k or (1 − η_k λ_wd) x_k (A4.9)
                    out[p] = shrink * x[p] - stepSize * first[p] / denominator;
                }
                return value;
            };
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new BeyondLazyException(ErrorCode.INVALID_PARAMETER, name, "finite and >= 0", value);
        }
    }
}
