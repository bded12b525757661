package org.beyondlazy.cli;

import java.util.List;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.experiments.run.AtomicDirectory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What SIGTERM and SIGINT (Ctrl-C) do to the {@code beyondlazy} process (spec E9.7): clean up, then die of the signal.
 * The handler deletes the temporary directories of builds in progress and stops any new swap
 * ({@link AtomicDirectory#abandonBuildsInProgress}), prints one line on stderr, restores the signal's default action
 * and sends the signal to the process again. The process therefore ends at once with the status the signal gives — 143 for SIGTERM, 130 for
 * SIGINT as shells and {@link Process#exitValue()} report it ({@link ExitStatus#TERMINATED},
 * {@link ExitStatus#INTERRUPTED}) — and a shell script that is interrupted stops too.
 *
 * <p>Why not the JVM's own handling (run the shutdown hooks, then {@code exit(3)}): {@code exit} runs the destructors
 * of the shared libraries, and OpenBLAS's ({@code gotoblas_quit} → {@code blas_thread_shutdown_}) joins its worker
 * threads; when a threaded BLAS or LAPACK call is in flight on another thread, that join never returns and the process
 * hangs forever (measured: {@code lazy --dim 30 --width 30 --route packed} inside {@code dgesdd} with 2 BLAS threads).
 * Dying of the signal runs no destructor, and the kernel ends the worker threads. Waiting for the native call to end
 * instead would bound the exit only by the call in flight (the main thread of that command was seen inside its one
 * {@code dgesdd} for 18 s, load average ≈ 10), and the JVM offers no {@code _exit(2)} that skips the destructors (nor
 * does JavaCPP; the JDK 17 foreign linker is an incubator module needing launcher flags, with an API changed in every
 * release up to 22). The shutdown hooks are not run on this path; the one the project registers,
 * {@link AtomicDirectory}'s, is run here first, explicitly.
 *
 * <p>Installed only by {@link Main#main}: the in-process {@link Main#execute} (tests, the conformance kit) leaves the
 * JVM's handlers alone. A signal the JVM cannot handle (ignored when the process started, or {@code -Xrs}) keeps its
 * disposition.
 */
@SpecRef("E9.7")
final class TerminationSignals {
    /** The signals that end the command. */
    static final List<String> SIGNALS = List.of("TERM", "INT");

    private TerminationSignals() {
    }

    /** Installs the handler for {@link #SIGNALS}. */
    static void install() {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), TerminationSignals::terminate);
            } catch (IllegalArgumentException notHandled) {
                // -Xrs, or a platform without this signal: the JVM's (or the OS's) disposition stays
            }
        }
    }

    /** The handler (on a thread of its own): clean up, then die of the same signal. */
    private static void terminate(Signal signal) {
        int status = 128 + signal.getNumber();
        try {
            AtomicDirectory.abandonBuildsInProgress();
        } finally {
            System.out.flush();
            System.err.println("beyondlazy: stopped by SIG" + signal.getName() + " (exit " + status + "); nothing partial was left in place");
            System.err.flush();
            Signal.handle(signal, SignalHandler.SIG_DFL);
            sendToSelf(signal);
            // only when the signal could not be sent: the JVM's exit, which runs the destructors (see the class comment)
            Runtime.getRuntime().halt(status);
        }
    }

    /**
     * Sends {@code signal} to this process, whose action for it is now the default, so the process dies of it. The JDK
     * raises a signal only while a Java handler is installed for it ({@link Signal#raise} refuses the default action),
     * hence POSIX {@code kill(1)} through {@code /bin/sh}. Returns only when that failed.
     */
    private static void sendToSelf(Signal signal) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal.getName() + " " + ProcessHandle.current().pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
            Thread.sleep(KILL_DELIVERY_MILLIS); // the signal is delivered when kill(2) returns; this is only a margin
        } catch (java.io.IOException | InterruptedException e) {
            // no /bin/sh: fall back to the JVM's exit
        }
    }

    /** How long to wait for the signal after kill(1) returned before falling back to the JVM's exit. */
    private static final long KILL_DELIVERY_MILLIS = 5000;
}
