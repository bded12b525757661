package org.beyondlazy.experiments.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.core.Truth;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyError;
import org.beyondlazy.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle's input and output files (spec E9.1, E9.7, E9.19) below the command line: each bad input is one
 * vocabulary error naming the option and file; outputs are validated first and written atomically. The command
 * line's tests (cli: BadInputTest, HostileInputTest, EvalCommandTest) check the same through the exit status.
 */
@SpecRef({"E9.1", "E9.7"})
class OracleInputsTest {
    @TempDir
    Path dir;

    @Test
    void everyNpyErrorIsABadInputCode() {
        for (NpyError error : NpyError.values()) {
            assertThat(NpyInputs.codeOf(error).category()).as(error.name()).isEqualTo(ErrorCode.Category.BAD_INPUT);
        }
    }

    @Test
    void aMalformedFileKeepsItsFormatErrorAsTheCause() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.npy"), "not a npy file");
        assertThatThrownBy(() -> NpyInputs.read("--weights", junk)).isInstanceOfSatisfying(BeyondLazyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FILE);
            assertThat(e.getMessage()).startsWith("--weights: ");
            assertThat(e.getCause()).isNotNull();
        });
    }

    @Test
    void aTorchFileAndANonFiniteValueAreRefusedNamingTheFile() throws Exception {
        Path torch = Files.write(dir.resolve("w.pt"), new byte[] {'P', 'K', 3, 4});
        assertThatThrownBy(() -> NpyInputs.read("--weights", torch)).isInstanceOfSatisfying(BeyondLazyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).startsWith("--weights " + torch + ": is a PyTorch file");
        });
        Path nan = write("nan.npy", NpyArray.of(new int[] {2}, new double[] {1, Double.NaN}));
        assertThatThrownBy(() -> NpyInputs.read("--coeffs", nan)).isInstanceOfSatisfying(BeyondLazyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NON_FINITE);
            assertThat(e.getMessage()).contains("at flat index 1");
        });
        assertThat(NpyInputs.readAllowingNonFinite("--trajectory", nan).data()[1]).isNaN();
    }

    @Test
    void theTruthNeedsExactlyOneFormAndMatchingShapes() throws Exception {
        assertThatThrownBy(() -> new TruthInput(3, null, null, null).load()).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.getMessage()).isEqualTo("truth: give exactly one of --truth-factors and --truth-tensor"));
        Path u = write("u.npy", NpyArray.of(new int[] {2, 3}, new double[] {1, 0, 0, 0, 1, 0}));
        Path c = write("c.npy", NpyArray.of(new int[] {3}, new double[] {1, 2, 3}));
        assertThatThrownBy(() -> new TruthInput(3, u, c, null).load()).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH));
        Truth truth = new TruthInput(3, u, null, null).load();
        assertThat(truth.dim()).isEqualTo(3);
        Path w = write("w.npy", NpyArray.of(new int[] {2, 4}, new double[8]));
        assertThatThrownBy(() -> Parameters.load(truth, new ModelInput("plain", null, 0), w, null))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("--weights " + w + ": expected shape (2, 3) (d = 3 from the truth), found shape (2, 4)"));
    }

    @Test
    void outputsAreValidatedFirstAndWrittenWithoutATemporaryFileLeft() throws Exception {
        assertThatThrownBy(() -> OutputFiles.requireWritable("--grad-out", dir)).isInstanceOfSatisfying(BeyondLazyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
        assertThatThrownBy(() -> OutputFiles.requireWritable("--grad-out", dir.resolve("missing/g.npy")))
                .isInstanceOfSatisfying(BeyondLazyException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
        Path text = dir.resolve("out.md");
        OutputFiles.writeString(text, "table");
        assertThat(Files.readString(text)).isEqualTo("table");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.md");
        }
    }

    @Test
    void anEvaluationAtTheTruthHasZeroLossAndWritesItsGradient() throws Exception {
        Path u = write("u.npy", NpyArray.of(new int[] {2, 3}, new double[] {1, 0, 0, 0, 1, 0}));
        Path g = dir.resolve("g.npy");
        Map<String, Object> result = new Evaluation(new TruthInput(3, u, null, null), new ModelInput("plain", null, 0), u, null, g, null,
                "reference").run();
        assertThat((double) result.get("loss")).isLessThan(1e-28);
        assertThat(result).containsEntry("width", 2).containsEntry("rank", 2).containsEntry("truth", "factored");
        assertThat(Files.size(g)).isPositive();
    }

    private Path write(String name, NpyArray array) throws Exception {
        Path file = dir.resolve(name);
        NpyWriter.write(file, array);
        return file;
    }
}
