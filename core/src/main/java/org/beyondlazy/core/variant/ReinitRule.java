package org.beyondlazy.core.variant;

import java.util.Arrays;
import java.util.Locale;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/** Which component an epoch re-initializes (spec A7.1 step 2; reconstruction). */
@SpecRef("A7.1")
public enum ReinitRule {
    /** R1: the component of smallest norm ρ_i (ties: smallest index). */
    SMALLEST_NORM("R1"),
    /** R2: round robin, component (k − 1) mod m in epoch k = 1, 2, …. */
    ROUND_ROBIN("R2");

    private final String id;

    ReinitRule(String id) {
        this.id = id;
    }

    /** The spec name, {@code R1} or {@code R2}. */
    public String id() {
        return id;
    }

    /** Parses {@code R1|R2} (case-insensitive); {@link ErrorCode#UNKNOWN_NAME} otherwise. */
    public static ReinitRule parse(String name) {
        for (ReinitRule rule : values()) {
            if (rule.id.equalsIgnoreCase(name) || rule.name().equalsIgnoreCase(name)) {
                return rule;
            }
        }
        throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "re-initialization rule", name,
                Arrays.toString(Arrays.stream(values()).map(r -> r.id.toLowerCase(Locale.ROOT)).toArray()));
    }
}
