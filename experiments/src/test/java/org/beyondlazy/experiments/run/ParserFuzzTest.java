package org.beyondlazy.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyException;
import org.beyondlazy.npy.NpyReader;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of the parsers that read untrusted bytes (spec E9.1, E9.8, E9.10): the {@code .npy} reader, run configs
 * and sweep configs. Every input must end in a value or an error of the vocabulary ({@link NpyException},
 * {@link BeyondLazyException}) with a one-line message — never another exception.
 *
 * <p>Two engines. Jazzer ({@link FuzzTest}): a plain test run (CI) replays the committed inputs of
 * {@code src/test/resources/org/beyondlazy/experiments/run/ParserFuzzTestInputs/<target>/}; {@code JAZZER_FUZZ=1}
 * fuzzes, coverage-guided, and writes any crashing input there. A seeded mutation fuzzer ({@link #mutatedConfigs}) runs
 * {@value #CI_MUTATIONS} mutations of those inputs in CI and {@code -Dbeyondlazy.fuzz.iterations=n} on demand; a failure
 * prints the seed and the input.
 */
class ParserFuzzTest {
    /** Mutations per target in CI: each is a parse and a validation, well under a millisecond. */
    static final int CI_MUTATIONS = 1000;
    static final long SEED = Long.getLong("beyondlazy.fuzz.seed", 20261202L);

    static final Path INPUTS = Path.of("src/test/resources/org/beyondlazy/experiments/run/ParserFuzzTestInputs");

    @FuzzTest(maxDuration = "5m")
    void npy(byte[] data) {
        try {
            NpyArray array = NpyReader.read(new ByteArrayInputStream(data), "fuzz.npy");
            long n = 1;
            for (int s : array.shape()) {
                n *= s;
            }
            if (array.data().length != n) {
                throw new AssertionError("data length " + array.data().length + " does not match the shape");
            }
        } catch (NpyException expected) {
            oneLine(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void config(byte[] data) {
        runConfig(data);
    }

    @FuzzTest(maxDuration = "5m")
    void sweep(byte[] data) {
        sweepConfig(data);
    }

    static void runConfig(byte[] data) {
        try {
            JsonNode root = RunConfigs.parse("fuzz.json", data);
            if (root.isObject()) {
                RunConfigs.spec("fuzz.json", RunConfigs.convert("fuzz.json", root));
            }
        } catch (BeyondLazyException expected) {
            oneLine(expected.getMessage());
        }
    }

    static void sweepConfig(byte[] data) {
        try {
            SweepPlan.of("fuzz.json", RunConfigs.parse("fuzz.json", data));
        } catch (BeyondLazyException expected) {
            oneLine(expected.getMessage());
        }
    }

    static void oneLine(String message) {
        if (message == null || message.contains("\n")) {
            throw new AssertionError("not a one-line message: " + message);
        }
    }

    /** JSON fragments the mutations insert: other types, extreme numbers, structure. */
    static final String[] TOKENS = {"\"8\"", "\"0.1\"", "8.5", "-1", "0", "1e308", "-1e308", "1e-320", "99999999999", "null", "true",
        "[]", "{}", "[", "]", "{", "}", ",", ":", "\"", "\"dim\"", "\"grid\"", "\"base\"", "\"order\"", "\"width\"", "\"steps\"",
        "\"lr\"", "\"trajectory\"", "\"implementation\"", "\"fast\"", "\"variant\"", "\"homog\"", "NaN", "\\u0000", "//", "/*"};

    static byte[] mutate(byte[] original, Random random) {
        String s = new String(original, StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(3);
        for (int k = 0; k < mutations; k++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> s = s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
                case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(8)));
                case 2 -> s = s.substring(0, at); // truncated
                case 3 -> s = s + s.substring(at); // repeated tail
                default -> {
                    // a number replaced by an extreme one
                    s = s.replaceFirst("\\d+(\\.\\d+)?", TOKENS[4 + random.nextInt(6)]);
                }
            }
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8)); // a flipped bit (may break UTF-8)
        }
        return bytes;
    }

    static List<byte[]> corpus(String target) throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(INPUTS.resolve(target))) {
            for (Path f : files.sorted().toList()) {
                inputs.add(Files.readAllBytes(f));
            }
        }
        return inputs;
    }

    @Test
    void mutatedConfigs() throws IOException {
        int iterations = Integer.getInteger("beyondlazy.fuzz.iterations", CI_MUTATIONS);
        Random random = new Random(SEED);
        for (String target : List.of("config", "sweep")) {
            List<byte[]> corpus = corpus(target);
            assertThat(corpus).isNotEmpty();
            for (int i = 0; i < iterations; i++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
                try {
                    if (target.equals("config")) {
                        runConfig(input);
                    } else {
                        sweepConfig(input);
                    }
                } catch (RuntimeException | AssertionError | StackOverflowError e) {
                    throw new AssertionError("seed " + SEED + ", " + target + " mutation " + i + ": " + e + " on input "
                            + new String(input, StandardCharsets.UTF_8), e);
                }
            }
        }
    }
}
