package org.beyondlazy.cli;

import org.beyondlazy.core.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beyondlazy.core.ModelKind;
import org.beyondlazy.core.Objective;
import org.beyondlazy.core.Problem;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy check}: verifies a trajectory written by another implementation (spec E9.3–E9.5). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify a trajectory produced by another implementation: recompute every step from the "
                + "previous iterate(s) in the file and compare.",
                "Layout: plain/homog (T+1)×m×d (W before each step); coef (T+1)×m×(d+1), column 0 = c_i, columns 1..d = u_i.",
                "A step k is bad when some |x̂_k − x_k| > atol + rtol·|x̂_k| (x̂_k recomputed). See spec/09-oracle.md."})
@SpecRef({"E9.3", "E9.4"})
public final class CheckCommand implements Callable<Integer> {
    /** Default relative tolerance: a double-precision implementation summing in another order agrees to ~1e-13. */
    public static final double DEFAULT_RTOL = 1e-9;
    /** Default absolute tolerance, for coordinates near zero. */
    public static final double DEFAULT_ATOL = 1e-12;

    @Mixin
    CommonOptions common;
    @Mixin
    TruthOptions truthOptions;
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--trajectory", required = true, paramLabel = "X.npy",
            description = "Iterates before each step: (T+1)×m×d (coef: (T+1)×m×(d+1)).")
    Path trajectory;

    @Option(names = "--optimizer", required = true, paramLabel = "gd|heavy-ball|nesterov", description = "Update form (A4.1–A4.3).")
    String optimizer;

    /** η for f with the ½ of E2.4; another convention translates by E9.13 (e.g. a loss without the ½: η = 2η'). */
    @Option(names = "--lr", required = true, paramLabel = "η",
            description = "Learning rate η > 0 for f = ½‖T − T*‖² + (λ/2)‖W‖² (a loss without the ½: use 2× your rate; spec E9.13).")
    @SpecRef("E9.13")
    double lr;

    @Option(names = "--momentum", paramLabel = "β", description = "Heavy-ball momentum β in [0, 1) (heavy-ball only).")
    Double momentum;

    @Option(names = "--rtol", defaultValue = "1e-9", description = "Relative tolerance (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-12", description = "Absolute tolerance (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name",
            description = "Backend that recomputes the steps (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrajectoryCheck.Form form = Inputs.within("--optimizer", () -> TrajectoryCheck.Form.parse(optimizer));
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw InputException.bad("--lr", "must be finite and > 0, found " + lr);
        }
        double beta = 0;
        if (form == TrajectoryCheck.Form.HEAVY_BALL) {
            if (momentum == null) {
                throw InputException.bad("--momentum", "required with --optimizer heavy-ball");
            }
            beta = momentum;
            if (!(beta >= 0 && beta < 1)) {
                throw InputException.bad("--momentum", "must be in [0, 1), found " + beta);
            }
        } else if (momentum != null) {
            throw InputException.bad("--momentum", "only used by --optimizer heavy-ball (nesterov uses the (k−1)/(k+2) schedule of A4.3)");
        }
        if (!(rtol >= 0) || !Double.isFinite(rtol)) {
            throw InputException.bad("--rtol", "must be finite and >= 0, found " + rtol);
        }
        if (!(atol >= 0) || !Double.isFinite(atol)) {
            throw InputException.bad("--atol", "must be finite and >= 0, found " + atol);
        }
        Truth truth = truthOptions.load();
        ModelKind kind = modelOptions.kind();
        NpyArray x = Inputs.read("--trajectory", trajectory);
        String input = Inputs.name("--trajectory", trajectory);
        int cols = truth.dim() + (kind.hasCoefficients() ? 1 : 0);
        String layout = kind.hasCoefficients() ? "(T+1)×m×(d+1) with d+1 = " + cols : "(T+1)×m×d with d = " + cols;
        Inputs.requireNdim("--trajectory", trajectory, x, 3, layout);
        Inputs.requireNonEmpty("--trajectory", trajectory, x);
        if (x.shape()[2] != cols) {
            throw new InputException(ErrorCode.SHAPE_MISMATCH, input, "expected shape " + layout + " (d from the truth), found shape " + Inputs.shape(x));
        }
        if (x.shape()[0] < 2) {
            throw InputException.bad(input, "needs at least two iterates (T+1 >= 2), found " + x.shape()[0]);
        }
        int m = x.shape()[1];
        Problem problem = modelOptions.problem(truth, m);
        double[][] iterates = iterates(problem, x);
        Objective objective = Inputs.within("--implementation " + implementation,
                () -> Backends.get(implementation).objective(problem));
        TrajectoryCheck.Result r = TrajectoryCheck.check(objective, iterates, form, lr, beta, rtol, atol);
        Map<String, Object> result = Outputs.map();
        result.put("ok", r.ok());
        result.put("steps", r.steps());
        result.put("firstBadStep", r.ok() ? null : r.firstBadStep());
        result.put("maxDeviation", r.maxDeviation());
        result.put("maxDeviationStep", r.maxDeviationStep() < 0 ? null : r.maxDeviationStep());
        if (!r.ok()) {
            result.put("firstBadIndex", r.firstBadIndex());
            result.put("firstBadExpected", r.firstBadExpected());
            result.put("firstBadFound", r.firstBadFound());
        }
        result.put("optimizer", form.id());
        result.put("lr", lr);
        result.put("momentum", form == TrajectoryCheck.Form.HEAVY_BALL ? beta : null);
        result.put("rtol", rtol);
        result.put("atol", atol);
        result.put("model", kind.id());
        result.put("order", problem.order());
        result.put("dim", problem.dim());
        result.put("width", m);
        result.put("lambda", problem.lambda());
        Outputs.print(spec.commandLine().getOut(), common.json(), result);
        return r.ok() ? ExitStatus.OK : ExitStatus.CHECK_FAILED;
    }

    /** Splits the trajectory into θ vectors of the E2.9 layout (E9.3: coef rows are (c_i, u_i)). */
    @SpecRef("E9.3")
    static double[][] iterates(Problem problem, NpyArray x) {
        int steps = x.shape()[0];
        int m = x.shape()[1];
        int cols = x.shape()[2];
        int d = problem.dim();
        double[] data = x.data();
        double[][] out = new double[steps][];
        for (int k = 0; k < steps; k++) {
            double[] theta = new double[problem.parameterCount()];
            int base = k * m * cols;
            if (problem.model().hasCoefficients()) {
                for (int i = 0; i < m; i++) {
                    theta[i] = data[base + i * cols];
                    System.arraycopy(data, base + i * cols + 1, theta, m + i * d, d);
                }
            } else {
                System.arraycopy(data, base, theta, 0, m * d);
            }
            out[k] = theta;
        }
        return out;
    }

    /** The inverse of {@link #iterates}: θ_0 … θ_T to a (T+1)×m×cols array. */
    public static NpyArray trajectoryArray(Problem problem, java.util.List<double[]> thetas) {
        int m = problem.width();
        int d = problem.dim();
        boolean coef = problem.model().hasCoefficients();
        int cols = d + (coef ? 1 : 0);
        double[] data = new double[thetas.size() * m * cols];
        for (int k = 0; k < thetas.size(); k++) {
            double[] theta = thetas.get(k);
            int base = k * m * cols;
            for (int i = 0; i < m; i++) {
                if (coef) {
                    data[base + i * cols] = theta[i];
                    System.arraycopy(theta, m + i * d, data, base + i * cols + 1, d);
                } else {
                    System.arraycopy(theta, i * d, data, base + i * cols, d);
                }
            }
        }
        return NpyArray.of(new int[] {thetas.size(), m, cols}, data);
    }
}
