package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of bad inputs (spec E9.6): each gives exit 2, exactly one line on stderr naming the input and
 * ending with the expected error code, nothing on stdout, and writes no output file.
 */
class BadInputTest {
    @TempDir
    static Path shared;

    /** A case: a name, a fragment the message must contain, the error code, the arguments built in a fresh directory. */
    record Case(String name, String mentions, ErrorCode code, Function<Path, String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final double[] U = {1, 0, 0, 0, 1, 0};
    static final double[] W = {0.5, 0.1, 0.2, -0.3, 0.4, 0.1, 0.0, 0.2, 0.7, 0.1, 0.1, 0.1};

    static Path u(Path d) {
        return NpyFixtures.f8(d.resolve("U.npy"), new int[] {2, 3}, U);
    }

    static Path w(Path d) {
        return NpyFixtures.f8(d.resolve("W.npy"), new int[] {4, 3}, W);
    }

    static String[] eval(Path d, String... more) {
        List<String> a = new ArrayList<>(List.of("eval", "--json", "--grad-out", d.resolve("G.npy").toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static String[] evalUW(Path d, String... more) {
        List<String> a = new ArrayList<>(List.of("--order", "3", "--truth-factors", u(d).toString(), "--weights", w(d).toString()));
        a.addAll(List.of(more));
        return eval(d, a.toArray(String[]::new));
    }

    static Path bytes(Path file, byte[] data) {
        try {
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path truncated(Path d) {
        try {
            Path full = w(d);
            byte[] b = Files.readAllBytes(full);
            return bytes(d.resolve("trunc.npy"), java.util.Arrays.copyOf(b, b.length - 5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path config(Path d, String json) {
        return bytes(d.resolve("exp.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Path nonSymmetric(Path d) {
        double[] t = new double[27];
        t[1] = 1.0; // entry (0,0,1) without its transposes
        return NpyFixtures.f8(d.resolve("T.npy"), new int[] {3, 3, 3}, t);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("missing weights file", "nope.npy", ErrorCode.MISSING_FILE, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", d.resolve("nope.npy").toString())),
                new Case("missing truth file", "missing-U.npy", ErrorCode.MISSING_FILE, d -> eval(d, "--order", "3", "--truth-factors",
                        d.resolve("missing-U.npy").toString(), "--weights", w(d).toString())),
                new Case("truncated npy", "trunc.npy", ErrorCode.MALFORMED_FILE, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", truncated(d).toString())),
                new Case("corrupt npy", "junk.npy", ErrorCode.MALFORMED_FILE, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", bytes(d.resolve("junk.npy"), "not a numpy file at all".getBytes()).toString())),
                new Case("wrong dtype int64", "i8.npy", ErrorCode.INVALID_INPUT, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", NpyFixtures.write(d.resolve("i8.npy"), "<i8", false, new int[] {4, 3}, W).toString())),
                new Case("wrong shape 1-D weights", "--weights", ErrorCode.SHAPE_MISMATCH, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", NpyFixtures.f8(d.resolve("w1.npy"), new int[] {12}, W).toString())),
                new Case("truth/parameter dimension mismatch", "--weights", ErrorCode.SHAPE_MISMATCH, d -> eval(d, "--order", "3", "--truth-factors",
                        NpyFixtures.f8(d.resolve("U4.npy"), new int[] {1, 4}, 1, 0, 0, 0).toString(), "--weights", w(d).toString())),
                new Case("truth coefficients of the wrong length", "--truth-coeffs", ErrorCode.SHAPE_MISMATCH, d -> evalUW(d, "--truth-coeffs",
                        NpyFixtures.f8(d.resolve("c3.npy"), new int[] {3}, 1, 2, 3).toString())),
                new Case("dense truth with the wrong number of axes", "--truth-tensor", ErrorCode.SHAPE_MISMATCH, d -> eval(d, "--order", "3", "--truth-tensor",
                        NpyFixtures.f8(d.resolve("T2.npy"), new int[] {3, 3}, new double[9]).toString(), "--weights", w(d).toString())),
                new Case("non-symmetric dense truth", "not symmetric", ErrorCode.NOT_SYMMETRIC, d -> eval(d, "--order", "3", "--truth-tensor",
                        nonSymmetric(d).toString(), "--weights", w(d).toString())),
                new Case("NaN in the weights", "non-finite", ErrorCode.NON_FINITE, d -> eval(d, "--order", "3", "--truth-factors", u(d).toString(),
                        "--weights", NpyFixtures.f8(d.resolve("nan.npy"), new int[] {1, 3}, 0, Double.NaN, 1).toString())),
                new Case("infinity in the truth", "non-finite", ErrorCode.NON_FINITE, d -> eval(d, "--order", "3", "--truth-factors",
                        NpyFixtures.f8(d.resolve("inf.npy"), new int[] {1, 3}, 0, Double.POSITIVE_INFINITY, 1).toString(),
                        "--weights", w(d).toString())),
                new Case("d^l overflow", "do not fit", ErrorCode.SIZE_OVERFLOW, d -> eval(d, "--order", "3", "--truth-factors",
                        NpyFixtures.f8(d.resolve("big.npy"), new int[] {1, 2000}, new double[2000]).toString(),
                        "--weights", NpyFixtures.f8(d.resolve("wbig.npy"), new int[] {1, 2000}, new double[2000]).toString())),
                new Case("no truth", "truth", ErrorCode.INVALID_INPUT, d -> eval(d, "--order", "3", "--weights", w(d).toString())),
                new Case("two truths", "truth", ErrorCode.INVALID_INPUT, d -> evalUW(d, "--truth-tensor", nonSymmetric(d).toString())),
                new Case("order 1", "--order", ErrorCode.INVALID_INPUT, d -> eval(d, "--order", "1", "--truth-factors", u(d).toString(), "--weights", w(d).toString())),
                new Case("unknown model", "model", ErrorCode.UNKNOWN_NAME, d -> evalUW(d, "--model", "quadratic")),
                new Case("coef without coefficients", "--coeffs", ErrorCode.INVALID_INPUT, d -> evalUW(d, "--model", "coef")),
                new Case("sign that is not ±1", "--signs", ErrorCode.INVALID_SIGN, d -> evalUW(d, "--signs",
                        NpyFixtures.f8(d.resolve("s.npy"), new int[] {4}, 1, -1, 0.5, 1).toString())),
                new Case("negative lambda", "--lambda", ErrorCode.INVALID_INPUT, d -> evalUW(d, "--lambda", "-1")),
                new Case("non-numeric option", "--lambda", ErrorCode.INVALID_INPUT, d -> evalUW(d, "--lambda", "abc")),
                new Case("unknown option", "--frobnicate", ErrorCode.INVALID_INPUT, d -> evalUW(d, "--frobnicate")),
                new Case("output directory missing", "--grad-out", ErrorCode.IO_FAILURE, d -> new String[] {"eval", "--order", "3", "--truth-factors",
                        u(d).toString(), "--weights", w(d).toString(), "--grad-out", d.resolve("no/such/dir/G.npy").toString()}),
                new Case("unknown optimizer", "optimizer", ErrorCode.UNKNOWN_NAME, d -> new String[] {"check", "--order", "3", "--truth-factors", u(d).toString(),
                        "--trajectory", NpyFixtures.f8(d.resolve("X.npy"), new int[] {2, 4, 3}, concat(W, W)).toString(),
                        "--optimizer", "adam", "--lr", "0.1"}),
                new Case("heavy ball without momentum", "--momentum", ErrorCode.INVALID_INPUT, d -> new String[] {"check", "--order", "3", "--truth-factors",
                        u(d).toString(), "--trajectory", NpyFixtures.f8(d.resolve("X.npy"), new int[] {2, 4, 3}, concat(W, W)).toString(),
                        "--optimizer", "heavy-ball", "--lr", "0.1"}),
                new Case("trajectory with one iterate", "--trajectory", ErrorCode.INVALID_INPUT, d -> new String[] {"check", "--order", "3", "--truth-factors",
                        u(d).toString(), "--trajectory", NpyFixtures.f8(d.resolve("X.npy"), new int[] {1, 4, 3}, W).toString(),
                        "--optimizer", "gd", "--lr", "0.1"}),
                new Case("trajectory of the wrong width", "--trajectory", ErrorCode.SHAPE_MISMATCH, d -> new String[] {"check", "--order", "3", "--truth-factors",
                        u(d).toString(), "--trajectory", NpyFixtures.f8(d.resolve("X.npy"), new int[] {2, 3, 4}, concat(W, W)).toString(),
                        "--optimizer", "gd", "--lr", "0.1"}),
                new Case("negative learning rate", "--lr", ErrorCode.INVALID_INPUT, d -> new String[] {"check", "--order", "3", "--truth-factors",
                        u(d).toString(), "--trajectory", NpyFixtures.f8(d.resolve("X.npy"), new int[] {2, 4, 3}, concat(W, W)).toString(),
                        "--optimizer", "gd", "--lr", "-0.1"}),
                new Case("lazy: negative dimension", "--dim", ErrorCode.INVALID_SIZE, d -> new String[] {"lazy", "--dim", "-3", "--order", "3", "--width", "2"}),
                new Case("lazy: packed Jacobian too large", "Jacobian", ErrorCode.INVALID_INPUT, d -> new String[] {"lazy", "--dim", "100000", "--order", "3", "--width", "2", "--route", "packed"}),
                new Case("lazy: kernel block too large", "kernel block", ErrorCode.INVALID_INPUT, d -> new String[] {"lazy", "--dim", "60", "--order", "3", "--width", "600"}),
                new Case("bench: negative width", "--width", ErrorCode.INVALID_SIZE, d -> new String[] {"bench", "--case", "factored", "--dim", "4",
                        "--width", "-1", "--rank", "1", "--order", "3"}),
                new Case("bench: unknown case", "--case", ErrorCode.UNKNOWN_NAME, d -> new String[] {"bench", "--case", "sparse", "--dim", "4",
                        "--width", "1", "--rank", "1", "--order", "3"}),
                new Case("run: negative width in config", "width", ErrorCode.INVALID_SIZE, d -> new String[] {"run", "--config",
                        config(d, "{\"width\": -2}").toString(), "--out", d.resolve("out").toString()}),
                new Case("run: unknown config field", "widht", ErrorCode.INVALID_INPUT, d -> new String[] {"run", "--config",
                        config(d, "{\"widht\": 2}").toString(), "--out", d.resolve("out").toString()}),
                new Case("run: unknown optimizer", "optimizer", ErrorCode.UNKNOWN_NAME, d -> new String[] {"run", "--config",
                        config(d, "{\"optimizer\": \"adam\"}").toString(), "--out", d.resolve("out").toString()}),
                new Case("run: broken JSON", "exp.json", ErrorCode.MALFORMED_FILE, d -> new String[] {"run", "--config",
                        config(d, "{\"width\": ").toString(), "--out", d.resolve("out").toString()}),
                new Case("run: wrong type", "width", ErrorCode.INVALID_INPUT, d -> new String[] {"run", "--config",
                        config(d, "{\"width\": \"ten\"}").toString(), "--out", d.resolve("out").toString()}),
                new Case("sweep: bad grid value", "sweep.json", ErrorCode.INVALID_SIZE, d -> new String[] {"sweep", "--no-progress", "--config",
                        bytes(d.resolve("sweep.json"), "{\"base\": {\"steps\": 2}, \"grid\": {\"width\": [2, -1]}}".getBytes()).toString(),
                        "--out", d.resolve("out").toString()}),
                new Case("audit: unknown profile", "unknown profile 'huge'", ErrorCode.UNKNOWN_NAME, d -> new String[] {"audit", "--profile", "huge", "--out",
                        d.resolve("out").toString()}));
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitTwoOneLineNoOutput(Case c) throws IOException {
        Path d = Files.createTempDirectory(shared, "case");
        String[] args = c.args().apply(d);
        List<Path> before;
        try (Stream<Path> s = Files.walk(d)) {
            before = s.toList();
        }
        CliRun run = CliRun.of(args);
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        String err = run.err().strip();
        assertThat(err).as(run.toString()).isNotEmpty().doesNotContain("\n").doesNotContain("\tat ").contains(c.mentions());
        assertThat(err).as("the error code").endsWith("[" + c.code() + "]");
        assertThat(run.status()).isEqualTo(ExitStatus.of(c.code()));
        assertThat(run.out()).as(run.toString()).isEmpty();
        List<Path> after;
        try (Stream<Path> s = Files.walk(d)) {
            after = s.toList();
        }
        assertThat(after).as("no file written").containsExactlyInAnyOrderElementsOf(before);
    }
}
