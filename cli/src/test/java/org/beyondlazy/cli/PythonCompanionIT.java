package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python companion ({@code python/}) against real PyTorch: {@code /usr/bin/python3 -m pytest -q python}
 * with the packaged launcher (spec E9.19). Runs in the integration-test phase, after the launcher's jar and
 * class path are written. Needs Debian's {@code python3-torch} and {@code python3-pytest} for /usr/bin/python3
 * (the python3 first on the PATH may lack torch): under {@code CI=true} their absence fails, elsewhere the
 * test is skipped with the reason.
 */
class PythonCompanionIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    void torchTrainingLoopsPassCheckAndInjectedBugsAreCaught() throws Exception {
        Path root = AuditTest.Audit_root();
        boolean ready = new File(PYTHON).canExecute() && run(root, PYTHON, "-c", "import torch, pytest, numpy").exit == 0;
        if (!ready && !"true".equals(System.getenv("CI"))) {
            assumeTrue(false, PYTHON + " lacks torch, pytest or numpy (apt-get install python3-torch python3-pytest)");
        }
        assertThat(ready).as(PYTHON + " must have torch, pytest and numpy under CI (.ci/run installs them)").isTrue();
        Outcome pytest = run(root, PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "python");
        assertThat(pytest.exit).as(pytest.output).isZero();
    }

    private record Outcome(int exit, String output) {
    }

    private static Outcome run(Path root, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("BEYONDLAZY", root.resolve("beyondlazy").toString());
        Path log = Files.createTempFile("pytest", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Outcome(-1, "timed out after " + TIMEOUT_MINUTES + " min");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Outcome(p.exitValue(), output);
    }
}
