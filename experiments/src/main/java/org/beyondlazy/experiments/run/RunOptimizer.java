package org.beyondlazy.experiments.run;

import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/** The optimizers a run can use (spec E9.8): A4.1, A4.2, A4.3, the certified step of E4.4 and the variant A7.1. */
@SpecRef("E9.8")
public enum RunOptimizer {
    GD("gd"), HEAVY_BALL("heavy-ball"), NESTEROV("nesterov"), GD_CERTIFIED("gd-certified"), VARIANT("variant");

    /** The names accepted in configs, for messages. */
    public static final String NAMES = Arrays.toString(Arrays.stream(values()).map(RunOptimizer::id).toArray());

    private final String id;

    RunOptimizer(String id) {
        this.id = id;
    }

    /** The name in configs. */
    public String id() {
        return id;
    }

    /** The optimizer named {@code name}; {@link ErrorCode#UNKNOWN_NAME} otherwise. */
    public static RunOptimizer parse(String name) {
        for (RunOptimizer o : values()) {
            if (o.id.equals(name)) {
                return o;
            }
        }
        throw new BeyondLazyException(ErrorCode.UNKNOWN_NAME, "optimizer", name, NAMES);
    }
}
