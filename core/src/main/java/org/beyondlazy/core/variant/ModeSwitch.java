package org.beyondlazy.core.variant;

import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/** How a re-initialized component enters the run (spec A7.1 steps 3–4; reconstruction). */
@SpecRef("A7.1")
public enum ModeSwitch {
    /** M1: fresh random sign a ∈ {±1} for even l (odd l keeps a = +1), then GD on all components. */
    FRESH_SIGN("M1"),
    /**
     * M2: as M1, then a two-phase epoch: first the new component moves only in direction (A7.2, a
     * tensor power method on the residual), then all components run GD.
     */
    TWO_PHASE("M2");

    private final String id;

    ModeSwitch(String id) {
        this.id = id;
    }

    /** The spec name, {@code M1} or {@code M2}. */
    public String id() {
        return id;
    }

    /** Parses {@code M1|M2} (case-insensitive); {@link ErrorCode#UNKNOWN_NAME} otherwise. */
    public static ModeSwitch parse(String name) {
        for (ModeSwitch mode : values()) {
            if (mode.id.equalsIgnoreCase(name) || mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "mode switch", name,
                Arrays.toString(Arrays.stream(values()).map(ModeSwitch::id).toArray()));
    }
}
