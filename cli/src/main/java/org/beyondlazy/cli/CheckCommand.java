package org.beyondlazy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.optim.FormOptions;
import org.beyondlazy.experiments.oracle.TrajectoryVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code beyondlazy check}: verifies a trajectory written by another implementation (spec E9.3–E9.5, E9.14–E9.19; {@link TrajectoryVerification}). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify a trajectory produced by another implementation: recompute every step from the "
                + "previous iterate(s) in the file and compare.",
                "Layout: plain/homog (T+1)×m×d (W before each step); coef (T+1)×m×(d+1), column 0 = c_i, columns 1..d = u_i.",
                "A step k is bad when some |x̂_k − x_k| > atol + rtol·|x̂_k| + step-rtol·σ_k (x̂_k recomputed). See spec/09-oracle.md."})
@SpecRef({"E9.3", "E9.4"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    TruthOptions truthOptions;
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--trajectory", required = true, paramLabel = "X.npy",
            description = "Iterates before each step: (T+1)×m×d (coef: (T+1)×m×(d+1)); float64, float32 or float16.")
    Path trajectory;

    @Option(names = "--optimizer", required = true, paramLabel = "form",
            description = "Update form: gd, heavy-ball, nesterov (A4.1–A4.3), torch-sgd, torch-adam, torch-adamw (A4.7–A4.9).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "η",
            description = "Learning rate > 0: a number or an expression such as 2/100 or 1.5*2/216 (spec E9.15).")
    @SpecRef("E9.15")
    String lr;

    @Option(names = "--lr-schedule", paramLabel = "lr.npy", description = "One learning rate per step, shape (T,) (any scheduler).")
    Path lrSchedule;

    @Option(names = "--loss", defaultValue = "half", paramLabel = "half|sum|mean",
            description = "The loss the file minimized: ½‖T − T*‖² (half, default), ‖T − T*‖² (sum), ‖T − T*‖²/d^l (mean).")
    String loss;

    @Option(names = "--momentum", paramLabel = "β", description = "heavy-ball: β in [0, 1) (required); torch-sgd: μ >= 0 (default 0).")
    Double momentum;

    @Option(names = "--dampening", paramLabel = "τ", description = "torch-sgd: dampening τ in [0, 1] (default 0).")
    Double dampening;

    @Option(names = "--nesterov", description = "torch-sgd: nesterov=True.")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "wd",
            description = "Framework weight decay (torch-sgd, torch-adam: added to the gradient, default 0; torch-adamw: decoupled, default 0.01).")
    Double weightDecay;

    @Option(names = "--beta1", paramLabel = "β₁", description = "torch-adam/adamw: β₁ (default 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "β₂", description = "torch-adam/adamw: β₂ (default 0.999).")
    Double beta2;

    @Option(names = "--eps", paramLabel = "ε", description = "torch-adam/adamw: ε (default 1e-8).")
    Double eps;

    @Option(names = "--amsgrad", description = "torch-adam/adamw: amsgrad=True.")
    boolean amsgrad;

    @Option(names = "--rtol", paramLabel = "r", description = "Relative tolerance (default by dtype: float64 1e-9, else 2u; spec E9.17).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "a", description = "Absolute tolerance (default by dtype: float64 1e-12, else 0).")
    Double atol;

    @Option(names = "--step-rtol", paramLabel = "s", description = "Tolerance relative to the step size σ_k (default by dtype: float64 0, else 64u).")
    Double stepRtol;

    @Option(names = "--implementation", defaultValue = "reference", paramLabel = "name",
            description = "Backend that recomputes the steps (default: ${DEFAULT-VALUE}).")
    String implementation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrajectoryVerification.Result result = new TrajectoryVerification(truthOptions.input(), modelOptions.input(), trajectory, optimizer,
                lr, lrSchedule, loss, new FormOptions(momentum, dampening, nesterov, weightDecay, beta1, beta2, eps, amsgrad), rtol, atol,
                stepRtol, implementation).run();
        Outputs.print(spec.commandLine().getOut(), common.json(), result.fields());
        return switch (result.verdict()) {
            case OK -> ExitStatus.OK;
            case BAD_STEP -> ExitStatus.CHECK_FAILED;
            case NON_FINITE -> ExitStatus.NUMERICAL; // E9.18
        };
    }
}
