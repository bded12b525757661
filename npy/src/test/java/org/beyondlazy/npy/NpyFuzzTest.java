package org.beyondlazy.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random fuzzing: mutated, truncated and extended variants of valid files, and random
 * headers built from header tokens. For every input the reader returns an array or throws
 * {@link NpyException}: never another exception, never a hang. A failure names the seed and the
 * variant index; rerun with that seed to reproduce.
 */
class NpyFuzzTest {

    /** Variants per seed; four seeds give the 2000 variants per input kind. */
    private static final int VARIANTS_PER_SEED = 500;

    /** Generous bound for 500 reads of files under 1 KiB; a hang fails here instead of stalling CI. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private static List<byte[]> validCorpus() throws NpyException {
        List<byte[]> corpus = new ArrayList<>();
        for (NpyArray array : List.of(NpyArray.scalar(1.5), NpyArray.vector(), NpyArray.vector(1, 2, 3),
                NpyArray.of(new int[] {2, 3}, NpyBytes.range(6)), NpyArray.of(new int[] {2, 3, 2}, NpyBytes.range(12)))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NpyWriter.write(out, array);
            corpus.add(out.toByteArray());
        }
        corpus.add(NpyBytes.file(1, NpyBytes.dictionary(">f4", true, "(2, 3)"), NpyBytes.floatsBigEndian(NpyBytes.rangeFloat(6))));
        corpus.add(NpyBytes.file(2, NpyBytes.dictionary("<f4", false, "(4,)"), NpyBytes.floatsLittleEndian(NpyBytes.rangeFloat(4))));
        corpus.add(NpyBytes.file(3, NpyBytes.dictionary(">f8", true, "(1, 2, 1)"), NpyBytes.doublesBigEndian(1, 2)));
        corpus.add(NpyBytes.file(1, "{'shape':(2,),'descr':'<f8','fortran_order':False}", 16, NpyBytes.doublesLittleEndian(1, 2)));
        return corpus;
    }

    /** One random mutation of {@code original} (a copy; the original is not modified). */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int length = bytes.length;
        switch (random.nextInt(10)) {
            case 0: // flip one bit
                bytes[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            case 1: // overwrite a few bytes with random values
                for (int i = random.nextInt(4) + 1; i > 0; i--) {
                    bytes[random.nextInt(length)] = (byte) random.nextInt(256);
                }
                return bytes;
            case 2: // truncate
                return Arrays.copyOf(bytes, random.nextInt(length));
            case 3: // append random bytes
                byte[] extra = new byte[random.nextInt(40) + 1];
                random.nextBytes(extra);
                return NpyBytes.concat(bytes, extra);
            case 4: { // delete a range
                int start = random.nextInt(length);
                int end = Math.min(length, start + random.nextInt(16) + 1);
                return NpyBytes.concat(Arrays.copyOf(bytes, start), Arrays.copyOfRange(bytes, end, length));
            }
            case 5: { // insert random bytes
                int at = random.nextInt(length + 1);
                byte[] inserted = new byte[random.nextInt(16) + 1];
                random.nextBytes(inserted);
                return NpyBytes.concat(Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, length));
            }
            case 6: // random header length field (bytes 8..11)
                for (int i = 8; i < Math.min(length, 12); i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                return bytes;
            case 7: // replace a digit of the header with a random character from the header alphabet
                return replaceInHeader(bytes, random, "0123456789-,() L'\"TFx");
            case 8: // replace a header character with a punctuation or quote character
                return replaceInHeader(bytes, random, "{}[]():,'\" \n\t\\");
            default: // several mutations
                byte[] twice = mutate(mutate(bytes, random), random);
                return twice.length == 0 ? twice : mutate(twice, random);
        }
    }

    private static byte[] replaceInHeader(byte[] bytes, Random random, String alphabet) {
        int headerEnd = Math.min(bytes.length, 128);
        if (headerEnd <= 10) {
            return bytes;
        }
        int at = 10 + random.nextInt(headerEnd - 10);
        bytes[at] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        return bytes;
    }

    /** Reads the input from a stream and from a file; returns the error code or null on success. */
    private NpyError readBothWays(byte[] bytes, String where) throws Exception {
        NpyError fromStream = readOneWay(bytes, where, null);
        Path file = directory.resolve("fuzz.npy");
        Files.write(file, bytes);
        NpyError fromFile = readOneWay(bytes, where, file);
        assertThat(fromFile).as("stream and file disagree, %s", where).isEqualTo(fromStream);
        return fromStream;
    }

    private static NpyError readOneWay(byte[] bytes, String where, Path file) {
        try {
            NpyArray array = file == null ? NpyReader.read(new ByteArrayInputStream(bytes), "fuzz") : NpyReader.read(file);
            assertThat(array.size()).isEqualTo(array.data().length);
            return null;
        } catch (NpyException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.error();
        } catch (Throwable unexpected) {
            fail("%s: %s for input %s", where, unexpected, HexFormat.of().formatHex(bytes), unexpected);
            return null;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 22, 33, 44})
    void mutatedFilesAreReadOrRejectedWithACode(long seed) throws Exception {
        List<byte[]> corpus = validCorpus();
        Map<NpyError, Integer> codes = new EnumMap<>(NpyError.class);
        int[] successes = {0};
        assertTimeoutPreemptively(TIME_LIMIT, () -> {
            Random random = new Random(seed);
            for (int variant = 0; variant < VARIANTS_PER_SEED; variant++) {
                byte[] bytes = mutate(corpus.get(random.nextInt(corpus.size())), random);
                NpyError code = readBothWays(bytes, "seed " + seed + ", variant " + variant);
                if (code == null) {
                    successes[0]++;
                } else {
                    codes.merge(code, 1, Integer::sum);
                }
            }
        }, "seed " + seed);
        // The mutations reach deep into the format, not just the magic.
        assertThat(codes.keySet()).as("seed %d: %s", seed, codes)
                .contains(NpyError.NOT_NPY, NpyError.MALFORMED_HEADER, NpyError.TRUNCATED, NpyError.TRAILING_DATA);
        assertThat(codes.size()).as("seed %d: %s", seed, codes).isGreaterThanOrEqualTo(6);
        assertThat(successes[0]).as("seed %d", seed).isPositive();
    }

    private static final String[] HEADER_TOKENS = {
        "{", "}", "(", ")", "[", "]", ",", ":", " ", "\t", "\n", "'descr'", "'fortran_order'", "'shape'",
        "'<f8'", "'>f4'", "'<i8'", "\"<f8\"", "'", "\"", "True", "False", "None", "0", "1", "3", "-1", "07",
        "2147483647", "99999999999999999999999", "1L", "1.5", "x", "\\", "\u00e9", "\u0000",
    };

    /** The valid header, occasionally, so parses that succeed are part of the mix. */
    private static final String[] VALID_HEADER_TOKENS = {
        "{", "'descr'", ":", "'<f8'", ",", "'fortran_order'", ":", "False", ",", "'shape'", ":", "(", "1", ",", ")", "}",
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 202, 303, 404})
    void randomHeadersAreParsedOrRejectedWithACode(long seed) throws Exception {
        Map<NpyError, Integer> codes = new EnumMap<>(NpyError.class);
        int[] successes = {0};
        assertTimeoutPreemptively(TIME_LIMIT, () -> {
            Random random = new Random(seed);
            for (int variant = 0; variant < VARIANTS_PER_SEED; variant++) {
                StringBuilder header = new StringBuilder();
                if (random.nextInt(4) == 0) {
                    // The valid header with one token replaced.
                    int replaced = random.nextInt(VALID_HEADER_TOKENS.length);
                    for (int i = 0; i < VALID_HEADER_TOKENS.length; i++) {
                        header.append(i == replaced ? HEADER_TOKENS[random.nextInt(HEADER_TOKENS.length)] : VALID_HEADER_TOKENS[i]);
                    }
                } else {
                    for (int i = random.nextInt(30); i > 0; i--) {
                        header.append(HEADER_TOKENS[random.nextInt(HEADER_TOKENS.length)]);
                    }
                }
                int major = 1 + random.nextInt(3);
                byte[] bytes = NpyBytes.file(major, header.toString(), NpyBytes.doublesLittleEndian(1));
                NpyError code = readBothWays(bytes, "seed " + seed + ", variant " + variant + ", header "
                        + new String(header.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                if (code == null) {
                    successes[0]++;
                } else {
                    codes.merge(code, 1, Integer::sum);
                }
            }
        }, "seed " + seed);
        assertThat(codes).as("seed %d", seed).containsKey(NpyError.MALFORMED_HEADER);
        assertThat(successes[0]).as("seed %d: %s", seed, codes).isPositive();
    }
}
