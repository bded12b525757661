package org.beyondlazy.experiments.oracle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;
import org.beyondlazy.npy.NpyArray;
import org.beyondlazy.npy.NpyError;
import org.beyondlazy.npy.NpyException;
import org.beyondlazy.npy.NpyReader;

/**
 * Reading and validating the {@code .npy} inputs of the oracle commands (spec E9.1): every failure is one
 * line naming the option and the file, raised before any computation.
 */
@SpecRef("E9.1")
public final class NpyInputs {
    private NpyInputs() {
    }

    /** "--weights W.npy": how messages name a file input. */
    public static String name(String option, Path file) {
        return option + " " + file;
    }

    /**
     * Reads a .npy file of a float dtype (float64, float32 or float16, either byte order, C or Fortran order)
     * and rejects non-finite values (spec E9.1, E9.19).
     */
    public static NpyArray read(String option, Path file) {
        NpyArray array = readAny(option, file);
        requireFloat(option, file, array);
        requireFinite(option, file, array);
        return array;
    }

    /** Like {@link #read} but keeps non-finite values (a diverged trajectory, spec E9.18). */
    public static NpyArray readAllowingNonFinite(String option, Path file) {
        NpyArray array = readAny(option, file);
        requireFloat(option, file, array);
        return array;
    }

    /** Reads a sign array: any float or integer dtype (E9.19: {@code torch.tensor([1, -1])} is int64). */
    @SpecRef("E9.19")
    public static NpyArray readSigns(String option, Path file) {
        NpyArray array = readAny(option, file);
        requireFinite(option, file, array);
        return array;
    }

    /** The vocabulary code of a {@code .npy} error (no default: a new kind must be placed here). */
    public static ErrorCode codeOf(NpyError error) {
        return switch (error) {
            case NOT_FOUND -> ErrorCode.MISSING_FILE;
            case NOT_NPY, UNSUPPORTED_VERSION, MALFORMED_HEADER, UNSUPPORTED_DTYPE, BAD_SHAPE, TRUNCATED, TRAILING_DATA -> ErrorCode.MALFORMED_FILE;
            case IO_ERROR -> ErrorCode.IO_FAILURE;
            case TOO_LARGE -> ErrorCode.INVALID_SIZE;
        };
    }

    /** A {@code .npy} error about {@code input}, with the vocabulary code of its kind. */
    public static BeyondLazyException about(String input, NpyException cause) {
        return BeyondLazyException.about(codeOf(cause.error()), input, cause.getMessage(), cause);
    }

    private static NpyArray readAny(String option, Path file) {
        rejectTorchFile(option, file);
        try {
            return NpyReader.read(file);
        } catch (NpyException e) {
            throw about(option, e);
        }
    }

    /** torch.save writes a zip archive (or, before 1.6, a pickle): say how to write a .npy instead (E9.19). */
    @SpecRef("E9.19")
    private static void rejectTorchFile(String option, Path file) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean torchName = fileName.endsWith(".pt") || fileName.endsWith(".pth");
        byte[] head = new byte[2];
        int got = 0;
        if (Files.isRegularFile(file)) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                got = in.readNBytes(head, 0, 2);
            } catch (java.io.IOException e) {
                return; // the reader reports it
            }
        }
        boolean zipOrPickle = got == 2 && ((head[0] == 'P' && head[1] == 'K') || (head[0] == (byte) 0x80 && head[1] <= 5));
        if (zipOrPickle || (torchName && got == 2 && head[0] != (byte) 0x93)) {
            throw BeyondLazyException.invalid(name(option, file), "is a PyTorch file (torch.save), not a .npy "
                    + "file: write it with np.save(path, tensor.detach().cpu().numpy())");
        }
    }

    private static void requireFloat(String option, Path file, NpyArray array) {
        if (!array.isFloat()) {
            throw BeyondLazyException.invalid(name(option, file), "dtype " + array.dtype() + " is not a float "
                    + "dtype (expected float64, float32 or float16; only --signs accepts integers)");
        }
    }

    private static void requireFinite(String option, Path file, NpyArray array) {
        long bad = array.firstNonFiniteIndex();
        if (bad >= 0) {
            throw BeyondLazyException.about(ErrorCode.NON_FINITE, name(option, file), "non-finite value " + array.data()[(int) bad]
                    + " at flat index " + bad + " (C order)");
        }
    }

    /** Unit round-off u of a float dtype: 2^-53, 2^-24, 2^-11 (spec E9.17). */
    public static double unitRoundoff(NpyArray array) {
        return switch (array.dtype()) {
            case "float32" -> 0x1p-24;
            case "float16" -> 0x1p-11;
            default -> 0x1p-53;
        };
    }

    /** Requires {@code array.ndim() == ndim}; {@code expected} describes the shape, e.g. "r×d". */
    public static void requireNdim(String option, Path file, NpyArray array, int ndim, String expected) {
        if (array.ndim() != ndim) {
            throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, name(option, file), "expected a " + ndim + "-D array of shape "
                    + expected + ", found shape " + shape(array));
        }
    }

    /** Requires dimension {@code axis} to equal {@code value}. */
    public static void requireAxis(String option, Path file, NpyArray array, int axis, int value, String expected) {
        if (array.shape()[axis] != value) {
            throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, name(option, file), "expected shape " + expected + ", found shape "
                    + shape(array));
        }
    }

    /** Requires every dimension to be positive. */
    public static void requireNonEmpty(String option, Path file, NpyArray array) {
        for (int n : array.shape()) {
            if (n < 1) {
                throw BeyondLazyException.about(ErrorCode.SHAPE_MISMATCH, name(option, file), "empty array of shape " + shape(array));
            }
        }
    }

    /** NumPy-style shape text, e.g. (3, 4). */
    public static String shape(NpyArray array) {
        int[] s = array.shape();
        if (s.length == 1) {
            return "(" + s[0] + ",)";
        }
        return Arrays.toString(s).replace('[', '(').replace(']', ')');
    }
}
