package org.beyondlazy.experiments.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.beyondlazy.core.SpecRef;

/**
 * One experiment of {@code beyondlazy run} (spec E9.8). Every field has a default; a config file gives
 * only what differs. Unknown fields are rejected ({@link RunConfigs#read}). Its JSON form (every field, defaults
 * filled in, in this order) is what a sweep hashes into a run's id (E9.10).
 */
@SpecRef("E9.8")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = false)
public final class RunConfig {
    /** Model: plain | coef | homog. */
    public String model = "plain";
    /** Tensor order l >= 2. */
    public int order = 3;
    /** Dimension d >= 1. */
    public int dim = 10;
    /** Width m >= 1 (number of components). */
    public int width = 10;
    /** Truth rank r >= 1. */
    public int rank = 3;
    /** Truth rows: random (independent uniform unit rows, A3.2) | orthonormal (A3.4, needs r <= d). */
    public String truth = "random";
    /** Truth coefficients c*, length r; null means all ones. */
    public List<Double> truthCoeffs = null;
    /** Initialization: each row w_i = initScale · g_i/√d with g_i standard Gaussian, so ‖w_i‖ ≈ initScale. */
    public double initScale = 0.1;
    /** Signs (plain/homog): plus (all +1) | random (independent ±1). */
    public String signs = "plus";
    /** Initial coefficients of the coef model (all equal). */
    public double initCoeff = 1.0;
    /** Regularization λ >= 0. */
    public double lambda = 0.0;
    /** Optimizer: gd | heavy-ball | nesterov | gd-certified | variant (A7.1; needs model homog). */
    public String optimizer = "gd";
    /** Learning rate η > 0 (gd, heavy-ball, nesterov). */
    public double lr = 0.05;
    /** Heavy-ball momentum β in [0, 1). */
    public double momentum = 0.9;
    /** Fraction φ in (0, 1] of the certified step (gd-certified). */
    public double fraction = 1.0;
    /** Variant (A7.1): re-initialization norm δ (initScale is not used by the variant). */
    public double delta = 1e-3;
    /** Variant: gradient steps per epoch H. */
    public int stepsPerEpoch = 3000;
    /** Variant: epochs K. */
    public int epochs = 8;
    /** Variant: re-initialization rule R1 (smallest norm) | R2 (round robin). */
    public String reinit = "R1";
    /** Variant: mode switch M1 (fresh sign) | M2 (two-phase epoch). */
    public String mode = "M1";
    /** Variant, M2: direction-only steps P. */
    public int directionSteps = 200;
    /** Variant, M2: direction step rate. */
    public double directionRate = 0.2;
    /** Number of optimizer steps (not used by the variant: it runs epochs × stepsPerEpoch). */
    public int steps = 1000;
    /** A metrics line every this many steps (and at the last step). */
    public int logEvery = 10;
    /** Stop early once the relative error is at most this (0: never). */
    public double targetError = 0.0;
    /** Seed: the truth uses seed, the initialization seed + 1 (A3.1). */
    public long seed = 0;
    /** Backend: reference | fast (when available). */
    public String implementation = "reference";
    /**
     * Write {@code trajectory.npy} (every iterate x_0 … x_T in the layout of E9.3) and the truth and signs that
     * {@code check} needs (E9.8). Left out of the JSON when false, so that the ids of earlier sweeps do not change.
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean trajectory = false;
}
