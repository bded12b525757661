package org.beyondlazy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beyondlazy.npy.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issue 15 (spec E9.1, E9.6, E9.8, E9.10): sizes beyond the heap, strict configs, absurd grids,
 * unknown claims, devices, directories and FIFOs. Each is refused with exit 2 and one line before any work, or, for a
 * FIFO with a writer, read like the same bytes in a file.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    static final double[] U = {1, 0, 0, 0, 1, 0};
    static final double[] W = {0.5, 0.1, 0.2, -0.3, 0.4, 0.1, 0.0, 0.2, 0.7, 0.1, 0.1, 0.1};

    /** A .npy whose header declares {@code shape} of float64 and whose data is a hole (a sparse file: no disk used). */
    Path sparseNpy(String name, String shape, long elements) throws Exception {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad) + "\n";
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(10 + header.length() + 8 * elements);
        }
        return file;
    }

    static void refused(CliRun run, String code) {
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err().strip()).as(run.toString()).doesNotContain("\n").endsWith("[" + code + "]").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("c.json"), json);
    }

    @Test
    void sizesBeyondTheHeapAreRefusedBeforeAnyAllocation() throws Exception {
        Path u = NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 3}, U);
        Path w = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {4, 3}, W);
        refused(CliRun.of("eval", "--order", "3", "--truth-tensor", sparseNpy("T.npy", "(1000, 1000, 1000)", 1_000_000_000L).toString(),
                "--weights", w.toString()), "INVALID_SIZE");
        refused(CliRun.of("eval", "--order", "3", "--truth-factors", u.toString(), "--weights",
                sparseNpy("W16.npy", "(1073741824,)", 1L << 30).toString()), "INVALID_SIZE");
        refused(CliRun.of("bench", "--case", "dense", "--dim", "1000", "--width", "2", "--rank", "1", "--order", "3"), "INVALID_SIZE");
        refused(CliRun.of("bench", "--case", "factored", "--dim", "100000", "--width", "100000", "--rank", "1", "--order", "3"),
                "INVALID_SIZE");
        refused(CliRun.of("run", "--config", config("{\"dim\": 1000, \"order\": 3}").toString(), "--out", dir.resolve("r").toString()),
                "INVALID_SIZE");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void configsAreStrict() throws Exception {
        Path out = dir.resolve("r");
        for (String json : List.of("{\"dim\": \"8\"}", "{\"lr\": \"0.1\"}", "{\"dim\": 4, \"dim\": 5}", "{\"dim\": 4} {\"dim\": 5}",
                "{\"dim\": 4}]")) {
            CliRun run = CliRun.of("run", "--config", config(json).toString(), "--out", out.toString());
            assertThat(run.status()).as(json + " → " + run).isEqualTo(ExitStatus.BAD_INPUT);
            assertThat(run.err().strip()).doesNotContain("\n");
        }
        CliRun sweep = CliRun.of("sweep", "--no-progress", "--config", config("{\"grid\": {\"dim\": [\"8\"]}}").toString(), "--out",
                out.toString());
        refused(sweep, "INVALID_INPUT");
        assertThat(out).doesNotExist();
    }

    @Test
    void anAbsurdGridAndAnUnknownClaimAreRefused() throws Exception {
        StringBuilder values = new StringBuilder("[0");
        for (int i = 1; i < 1000; i++) {
            values.append(',').append(i);
        }
        values.append(']');
        Path grid = config("{\"grid\": {\"seed\": " + values + ", \"steps\": " + values + ", \"logEvery\": " + values + "}}");
        refused(CliRun.of("sweep", "--no-progress", "--config", grid.toString(), "--out", dir.resolve("s").toString()), "INVALID_SIZE");
        refused(CliRun.of("audit", "--claims", "C999", "--out", dir.resolve("a").toString()), "UNKNOWN_NAME");
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void aDivergedRunKeepsItsMetricsAndSummary() throws Exception {
        for (String json : List.of("{\"lr\": 1e308, \"steps\": 20}",
                "{\"optimizer\": \"heavy-ball\", \"lr\": 30, \"momentum\": 0.9, \"initScale\": 3, \"steps\": 200, \"logEvery\": 50}")) {
            Path out = dir.resolve("d" + json.length());
            CliRun run = CliRun.of("run", "--config", config(json).toString(), "--out", out.toString());
            assertThat(run.status()).as(json + " → " + run).isEqualTo(ExitStatus.NUMERICAL);
            assertThat(run.err().strip()).doesNotContain("\n").endsWith("[DIVERGED]");
            assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).isNotEmpty();
            assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("status").asText()).isEqualTo("diverged");
            assertThat(out.resolve("weights.npy")).doesNotExist();
        }
    }

    @Test
    void directoriesAndDevicesAreRefused() throws Exception {
        Path u = NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 3}, U);
        refused(CliRun.of("eval", "--order", "3", "--truth-factors", u.toString(), "--weights", dir.toString()), "IO_FAILURE");
        if (Files.exists(Path.of("/dev/zero"))) {
            refused(CliRun.of("eval", "--order", "3", "--truth-factors", u.toString(), "--weights", "/dev/zero"), "IO_FAILURE");
            refused(CliRun.of("run", "--config", "/dev/zero", "--out", dir.resolve("r").toString()), "IO_FAILURE");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoIsReadLikeAFileAndOneWithoutAWriterDoesNotHang() throws Exception {
        Path u = NpyFixtures.f8(dir.resolve("U.npy"), new int[] {2, 3}, U);
        double[] big = new double[33_000 * 3]; // 792 KB: larger than a pipe's buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = Math.sin(i) * 0.1;
        }
        Path file = NpyFixtures.f8(dir.resolve("W.npy"), new int[] {33_000, 3}, big);
        CliRun fromFile = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", u.toString(), "--weights", file.toString());
        assertThat(fromFile.status()).as(fromFile.toString()).isZero();
        Path fifo = dir.resolve("W.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(InputFile.kind(fifo)).isEqualTo(InputFile.Kind.PIPE);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(file));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRun fromFifo = CliRun.of("eval", "--json", "--order", "3", "--truth-factors", u.toString(), "--weights", fifo.toString());
        writer.join();
        assertThat(fromFifo.status()).as(fromFifo.toString()).isZero();
        assertThat(fromFifo.out()).isEqualTo(fromFile.out());
        String before = System.getProperty(InputFile.FIFO_WAIT_PROPERTY);
        System.setProperty(InputFile.FIFO_WAIT_PROPERTY, "1");
        try {
            refused(CliRun.of("eval", "--order", "3", "--truth-factors", u.toString(), "--weights", fifo.toString()), "IO_FAILURE");
        } finally {
            if (before == null) {
                System.clearProperty(InputFile.FIFO_WAIT_PROPERTY);
            } else {
                System.setProperty(InputFile.FIFO_WAIT_PROPERTY, before);
            }
        }
    }
}
