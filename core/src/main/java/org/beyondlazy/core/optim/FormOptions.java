package org.beyondlazy.core.optim;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The optional parameters of an update form as a checked program states them (spec E9.4; torch's defaults
 * for A4.7–A4.9). A null field or a false flag means "not given". {@link #build} checks that every given
 * parameter belongs to the named form and is in range, then makes the form. Messages name the parameter as
 * the command line spells it (E9.4).
 *
 * @param momentum    heavy ball β ∈ [0, 1) (required there); torch-sgd μ ≥ 0 (default 0)
 * @param dampening   torch-sgd τ ∈ [0, 1] (default 0)
 * @param nesterov    torch-sgd {@code nesterov=True}
 * @param weightDecay torch-sgd and torch-adam: coupled (default 0); torch-adamw: decoupled (default 0.01)
 * @param beta1       torch-adam/adamw β₁ (default 0.9)
 * @param beta2       torch-adam/adamw β₂ (default 0.999)
 * @param eps         torch-adam/adamw ε (default 1e-8)
 * @param amsgrad     torch-adam/adamw {@code amsgrad=True}
 */
@SpecRef({"E9.4", "A4.7", "A4.8", "A4.9"})
public record FormOptions(Double momentum, Double dampening, boolean nesterov, Double weightDecay, Double beta1,
                          Double beta2, Double eps, boolean amsgrad) {
    /** No optional parameter given. */
    public static final FormOptions NONE = new FormOptions(null, null, false, null, null, null, null, false);

    /**
     * The form {@code name} (one of {@link UpdateForm#NAMES}, or {@code nesterov}) with learning rate
     * {@code rate} and these parameters.
     *
     * @throws BeyondLazyException {@code UNKNOWN_NAME} for another name; {@code INVALID_INPUT} for a parameter
     *                             the form does not take, a missing required one, or one out of range
     */
    public UpdateForm build(String name, LearningRate rate) {
        if (!UpdateForm.NAMES.contains(name) && !"nesterov".equals(name)) {
            throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "update form (--optimizer)", name,
                    "gd, heavy-ball, nesterov (= nesterov-convex), torch-sgd, torch-adam, torch-adamw");
        }
        boolean torchSgd = "torch-sgd".equals(name);
        boolean adamW = "torch-adamw".equals(name);
        boolean adam = "torch-adam".equals(name) || adamW;
        boolean heavyBall = "heavy-ball".equals(name);
        if (heavyBall) {
            if (momentum == null) {
                throw invalid("--momentum", "required with --optimizer heavy-ball");
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw invalid("--momentum", "must be in [0, 1), found " + momentum);
            }
        } else if (momentum != null && !torchSgd) {
            throw invalid("--momentum", "only used by --optimizer heavy-ball and torch-sgd (nesterov uses the "
                    + "(k−1)/(k+2) schedule of A4.3)");
        }
        onlyWith("--dampening", dampening != null, torchSgd, "torch-sgd");
        onlyWith("--nesterov", nesterov, torchSgd, "torch-sgd");
        onlyWith("--weight-decay", weightDecay != null, torchSgd || adam, "torch-sgd, torch-adam and torch-adamw");
        onlyWith("--beta1", beta1 != null, adam, "torch-adam and torch-adamw");
        onlyWith("--beta2", beta2 != null, adam, "torch-adam and torch-adamw");
        onlyWith("--eps", eps != null, adam, "torch-adam and torch-adamw");
        onlyWith("--amsgrad", amsgrad, adam, "torch-adam and torch-adamw");
        try {
            return switch (name) {
                case "gd" -> new UpdateForm.Gd(rate);
                case "heavy-ball" -> new UpdateForm.HeavyBall(rate, momentum);
                case "nesterov", "nesterov-convex" -> new UpdateForm.NesterovConvex(rate);
                case "torch-sgd" -> new UpdateForm.TorchSgd(rate, or(momentum, 0), or(dampening, 0), nesterov, or(weightDecay, 0));
                default -> new UpdateForm.TorchAdam(rate, or(beta1, 0.9), or(beta2, 0.999), or(eps, 1e-8),
                        or(weightDecay, adamW ? 0.01 : 0), amsgrad, adamW);
            };
        } catch (BeyondLazyException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, "--optimizer " + name, e.getMessage());
        }
    }

    private static void onlyWith(String option, boolean given, boolean allowed, String forms) {
        if (given && !allowed) {
            throw invalid(option, "only used by --optimizer " + forms);
        }
    }

    private static BeyondLazyException invalid(String option, String detail) {
        return new BeyondLazyException(ErrorCode.INVALID_INPUT, option, detail);
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
