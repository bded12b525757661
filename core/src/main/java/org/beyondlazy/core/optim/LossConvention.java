package org.beyondlazy.core.optim;

import java.util.Arrays;
import java.util.Locale;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * The loss a checked program minimized (spec E9.14). Its gradient is a·∇(½‖T − T*‖²) with the factor
 * {@link #scale}: ½‖T − T*‖² (a = 1), ‖T − T*‖² (a = 2), ‖T − T*‖²/d^l (a = 2/d^l). A program stepping with
 * rate η on such a loss acts as rate a·η on the project's loss (E9.13).
 */
@SpecRef({"E9.13", "E9.14"})
public enum LossConvention {
    HALF("half", " (with the ½)"),
    SUM("sum", " (no ½)"),
    MEAN("mean", " (averaged over d^l)");

    private final String id;
    private final String gloss;

    LossConvention(String id, String gloss) {
        this.id = id;
        this.gloss = gloss;
    }

    /** The name used on the command line and in JSON ({@code half}, {@code sum}, {@code mean}). */
    public String id() {
        return id;
    }

    /** @throws BeyondLazyException {@link ErrorCode#UNKNOWN_NAME} for another name */
    public static LossConvention parse(String name) {
        return Arrays.stream(values()).filter(c -> c.id.equals(name)).findFirst()
                .orElseThrow(() -> new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "loss (--loss)", name, "half, sum, mean"));
    }

    /** The factor a of E9.14 at order l and dimension d. */
    public double scale(int order, int dim) {
        return switch (this) {
            case HALF -> 1.0;
            case SUM -> 2.0;
            case MEAN -> 2.0 / Math.pow(dim, order);
        };
    }

    /**
     * When a fitted rate ratio is the ratio of another convention's factor to this one's, the sentence that
     * names that convention (E9.16); otherwise the empty string.
     *
     * @param ratio the fitted rate / the given rate
     */
    public String hintFor(double ratio, int order, int dim) {
        double mine = scale(order, dim);
        for (LossConvention other : values()) {
            double expected = other.scale(order, dim) / mine;
            if (other != this && Math.abs(ratio - expected) <= 1e-6 * expected) {
                return " — the file's loss looks like --loss " + other.id + other.gloss;
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
