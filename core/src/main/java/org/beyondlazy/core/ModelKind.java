package org.beyondlazy.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three parameterizations of spec §2 (E2.1–E2.3). Code that treats the models differently dispatches
 * with a switch expression without {@code default}, so that a new kind does not compile until every such
 * place handles it.
 */
public enum ModelKind {
    /** T = Σ_i s_i w_i^{⊗l}, fixed signs s_i (spec E2.1). */
    PLAIN,
    /** T = Σ_i c_i u_i^{⊗l}, coefficients trained (spec E2.2). */
    COEF,
    /** T = Σ_i a_i ‖w_i‖^{2−l} w_i^{⊗l}, fixed signs a_i (spec E2.3). */
    HOMOG;

    /** Whether the model carries a fixed sign per component. */
    public boolean hasSigns() {
        return switch (this) {
            case PLAIN, HOMOG -> true;
            case COEF -> false;
        };
    }

    /** Whether θ starts with one trained coefficient per component (layout E2.9). */
    public boolean hasCoefficients() {
        return switch (this) {
            case COEF -> true;
            case PLAIN, HOMOG -> false;
        };
    }

    /** The lower-case name used in files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code plain|coef|homog}; throws {@link ErrorCode#UNKNOWN_NAME} otherwise. */
    public static ModelKind parse(String name) {
        for (ModelKind kind : values()) {
            if (kind.id().equals(name)) {
                return kind;
            }
        }
        throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "model", name,
                Arrays.toString(Arrays.stream(values()).map(ModelKind::id).toArray()));
    }
}
