package org.beyondlazy.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code beyondlazy} command. Maps every failure to one line on stderr ending with its
 * error code in brackets, and to the exit status of that code ({@link ExitStatus}, spec E9.6): 0 success,
 * 1 a check or claim failed, 2 bad input or usage, 3 numerical failure, 4 an internal error (a bug;
 * {@code --debug} prints the stack trace).
 */
@Command(name = "beyondlazy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Over-parameterized symmetric tensor decomposition: evaluate, verify trajectories, "
                + "run experiments and audit the claims of the spec.",
        subcommands = {EvalCommand.class, CheckCommand.class, LazyCommand.class, RunCommand.class,
                SweepCommand.class, AuditCommand.class, BenchCommand.class, ExperimentCommand.class},
        footer = {"", "Exit status: 0 success, 1 a check or claim failed, 2 bad input or usage, "
                + "3 numerical failure (divergence, non-finite values), 4 internal error."})
@SpecRef("E9.6")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the release, the Java runtime and the fast path's BLAS/LAPACK library (spec E8.6). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String fast;
            try {
                fast = org.beyondlazy.fast.Blas.describe();
            } catch (RuntimeException e) { // e.g. a forced BLAS choice that cannot be honoured
                fast = "unavailable (" + oneLine(e.getMessage()) + ")";
            }
            return new String[] {"beyondlazy 0.1.0", "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ")", "fast path " + fast};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** netlib logs a warning when an optional BLAS is missing; the backend name already says which one runs. */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    static {
        NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    public static void main(String[] args) {
        TerminationSignals.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (used by the tests, never calls System.exit). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            String command = ex.getCommandLine().getCommandName();
            err.println("beyondlazy: " + oneLine(ex.getMessage()) + " (see '" + commandPath(ex.getCommandLine()) + " --help') ["
                    + ErrorCode.INVALID_INPUT + "]");
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitStatus.of(ErrorCode.INVALID_INPUT);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int status = ExitStatus.of(ex);
            err.println("beyondlazy " + commandLine.getCommandName() + ": " + describe(ex));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return status;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static String commandPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder(commandLine.getCommandName());
        for (CommandLine p = commandLine.getParent(); p != null; p = p.getParent()) {
            path.insert(0, p.getCommandName() + " ");
        }
        return path.toString();
    }

    /** The error line after the command name: the message and the error code in brackets. */
    private static String describe(Throwable ex) {
        ErrorCode code = ExitStatus.codeOf(ex);
        if (code == null) {
            return "internal error: " + oneLine(String.valueOf(ex)) + " (a bug; rerun with --debug for the stack trace)";
        }
        String message;
        if (ex instanceof ArithmeticException) {
            message = "a size is too large: " + oneLine(ex.getMessage());
        } else if (ex instanceof UncheckedIOException u) {
            message = oneLine(u.getCause().getMessage() == null ? String.valueOf(u.getCause()) : u.getCause().getMessage());
        } else {
            message = oneLine(ex.getMessage());
        }
        return message + " [" + code + "]";
    }

    static String oneLine(String message) {
        return BeyondLazyException.oneLine(message);
    }
}
