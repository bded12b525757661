package org.beyondlazy.cli;

import java.nio.file.Path;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.oracle.ModelInput;
import picocli.CommandLine.Option;

/** The model and its fixed inputs (spec E9.1): model name, signs (plain/homog), λ ({@link ModelInput}). */
@SpecRef("E9.1")
public final class ModelOptions {
    @Option(names = "--model", defaultValue = "plain", paramLabel = "plain|coef|homog",
            description = "Parameterization (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--signs", paramLabel = "s.npy", description = "Fixed signs ±1, shape (m,) (plain/homog; default all +1).")
    Path signs;

    @Option(names = "--lambda", defaultValue = "0", paramLabel = "λ", description = "Regularization λ >= 0 (default: ${DEFAULT-VALUE}).")
    double lambda;

    /** The parsed options; {@link ModelInput} validates them. */
    public ModelInput input() {
        return new ModelInput(model, signs, lambda);
    }
}
