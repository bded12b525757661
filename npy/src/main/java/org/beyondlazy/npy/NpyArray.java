package org.beyondlazy.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array of doubles in C (row-major) order: the value read from or written to a
 * {@code .npy} file.
 *
 * <p>Immutable: the factories copy their arguments and the accessors return copies, so no caller
 * can change an instance after construction. A scalar has shape {@code ()} and one element; an
 * array with a zero dimension (e.g. shape {@code (0,)} or {@code (2, 0)}) has no elements.
 *
 * <p>Element {@code (i0, ..., i(k-1))} of shape {@code (n0, ..., n(k-1))} is
 * {@code data()[((i0 * n1 + i1) * n2 + i2) ... ]}, the last index varying fastest.
 *
 * <p>Equality compares the shape and the data element by element with {@link Double#equals}
 * semantics (NaN equals NaN, {@code 0.0} differs from {@code -0.0}).
 */
public final class NpyArray {

    /**
     * Largest number of elements an array may have: the largest Java array length the common
     * JVMs allow ({@code Integer.MAX_VALUE - 8}).
     */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Largest number of dimensions an array may have (NumPy 2's {@code NPY_MAXDIMS}). */
    public static final int MAX_DIMENSIONS = 64;

    private final int[] shape;
    private final double[] data;
    private final String dtype;

    private NpyArray(int[] shape, double[] data, String dtype) {
        this.shape = shape;
        this.data = data;
        this.dtype = dtype;
    }

    /**
     * An array of the given shape and C-order data.
     *
     * @param shape the dimensions, length {@code k <= MAX_DIMENSIONS}, each {@code >= 0}; not
     *              modified (copied)
     * @param data  the elements in C order, length {@code n0 * ... * n(k-1)} (1 for shape
     *              {@code ()}); not modified (copied)
     * @return the array
     * @throws IllegalArgumentException if a dimension is negative, there are too many dimensions
     *                                  or elements, or {@code data.length} does not match
     * @throws NullPointerException     if an argument is null
     */
    public static NpyArray of(int[] shape, double[] data) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long size = checkedSize(shape);
        if (data.length != size) {
            throw new IllegalArgumentException("data length " + data.length
                    + " does not match shape " + shapeToString(shape) + " (" + size + " elements)");
        }
        return new NpyArray(shape.clone(), data.clone(), "float64");
    }

    /**
     * A scalar: shape {@code ()}, one element.
     *
     * @param value the element
     * @return the array
     */
    public static NpyArray scalar(double value) {
        return new NpyArray(new int[0], new double[] {value}, "float64");
    }

    /**
     * A one-dimensional array: shape {@code (values.length,)}.
     *
     * @param values the elements; not modified (copied)
     * @return the array
     */
    public static NpyArray vector(double... values) {
        Objects.requireNonNull(values, "values");
        return new NpyArray(new int[] {values.length}, values.clone(), "float64");
    }

    /**
     * A two-dimensional array: shape {@code (rows.length, rows[0].length)}, or {@code (0, 0)}
     * when there are no rows.
     *
     * @param rows the rows, all of the same length; not modified (copied)
     * @return the array
     * @throws IllegalArgumentException if the rows have different lengths or the array is too
     *                                  large
     */
    public static NpyArray matrix(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int columns = rows.length == 0 ? 0 : rows[0].length;
        int[] shape = {rows.length, columns};
        double[] data = new double[Math.toIntExact(checkedSize(shape))];
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].length != columns) {
                throw new IllegalArgumentException("row " + row + " has length " + rows[row].length
                        + ", row 0 has length " + columns);
            }
            System.arraycopy(rows[row], 0, data, row * columns, columns);
        }
        return new NpyArray(shape, data, "float64");
    }

    /**
     * An array of zeros.
     *
     * @param shape the dimensions (see {@link #of}); not modified (copied)
     * @return the array
     * @throws IllegalArgumentException if the shape is invalid
     */
    public static NpyArray zeros(int... shape) {
        Objects.requireNonNull(shape, "shape");
        return new NpyArray(shape.clone(), new double[Math.toIntExact(checkedSize(shape))], "float64");
    }

    /**
     * Wraps arrays the caller hands over and will not touch again (no copy). The shape must
     * already be validated and {@code data.length} must equal its size.
     */
    static NpyArray wrapValidated(int[] shape, double[] data, String dtype) {
        return new NpyArray(shape, data, dtype);
    }

    /**
     * The element type the values were stored with: {@code "float64"} for arrays made in memory, else the
     * file's: {@code float64}, {@code float32}, {@code float16}, {@code int8} … {@code int64},
     * {@code uint8} … {@code uint64}. The values themselves are always doubles.
     */
    public String dtype() {
        return dtype;
    }

    /** True for the float dtypes. */
    public boolean isFloat() {
        return dtype.startsWith("float");
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape, length {@link #ndim()}
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions (0 for a scalar).
     *
     * @return {@code shape().length}
     */
    public int ndim() {
        return shape.length;
    }

    /**
     * The number of elements: the product of the dimensions (1 for a scalar).
     *
     * @return the element count, {@code 0 <= size() <= MAX_ELEMENTS}
     */
    public long size() {
        return data.length;
    }

    /**
     * The elements in C (row-major) order, whatever the order of the file they came from.
     *
     * @return a copy of the elements, length {@link #size()}
     */
    public double[] data() {
        return data.clone();
    }

    /**
     * One element.
     *
     * @param index one index per dimension, {@code 0 <= index[j] < shape[j]} (none for a
     *              scalar); not modified
     * @return the element
     * @throws IndexOutOfBoundsException if the index has the wrong length or is out of range
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("index has " + index.length
                    + " components, array has " + shape.length + " dimensions");
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            flat = flat * shape[axis] + Objects.checkIndex(index[axis], shape[axis]);
        }
        return data[flat];
    }

    /**
     * The flat C-order index of the first NaN or infinite element. The reader accepts
     * non-finite values; callers that need finite input check with this method.
     *
     * @return the index, or -1 if all elements are finite
     */
    public long firstNonFiniteIndex() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Package-private view of the elements for the writer; never modified. */
    double[] dataView() {
        return data;
    }

    /** Package-private view of the shape for the writer; never modified. */
    int[] shapeView() {
        return shape;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NpyArray)) {
            return false;
        }
        NpyArray that = (NpyArray) other;
        return Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * A short description: the shape and, for at most 8 elements, the data.
     *
     * @return e.g. {@code NpyArray(shape=(2, 3), data=[0.0, 1.0, 2.0, 3.0, 4.0, 5.0])}
     */
    @Override
    public String toString() {
        String elements = data.length <= 8 ? Arrays.toString(data) : "[" + data.length + " elements]";
        return "NpyArray(shape=" + shapeToString(shape) + ", data=" + elements + ")";
    }

    /**
     * The shape as NumPy prints it: {@code ()}, {@code (5,)}, {@code (2, 3)}. This is also the
     * form written into {@code .npy} headers.
     */
    static String shapeToString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int axis = 0; axis < shape.length; axis++) {
            text.append(axis == 0 ? "" : ", ").append(shape[axis]);
        }
        return text.append(')').toString();
    }

    /** The product of the dimensions, after checking the limits; throws IllegalArgumentException. */
    private static long checkedSize(int[] shape) {
        if (shape.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "shape has " + shape.length + " dimensions, at most " + MAX_DIMENSIONS + " allowed");
        }
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeToString(shape));
            }
        }
        for (int dimension : shape) {
            if (dimension == 0) {
                return 0;
            }
        }
        long size = 1;
        for (int dimension : shape) {
            size *= dimension; // both factors <= 2^31, no overflow while size <= MAX_ELEMENTS
            if (size > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + shapeToString(shape)
                        + " has more than " + MAX_ELEMENTS + " elements");
            }
        }
        return size;
    }
}
