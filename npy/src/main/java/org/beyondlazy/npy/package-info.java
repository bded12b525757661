/**
 * Reading and writing NumPy {@code .npy} files.
 *
 * <p>{@link org.beyondlazy.npy.NpyReader} reads format versions 1.0, 2.0 and 3.0 holding float64
 * or float32 data in either byte order and in C or Fortran order; {@link
 * org.beyondlazy.npy.NpyWriter} writes float64 little-endian C-order files exactly as
 * {@code numpy.save} does, atomically when writing to a path. Both exchange {@link
 * org.beyondlazy.npy.NpyArray}, an immutable array of doubles in C order. Every failure is an
 * {@link org.beyondlazy.npy.NpyException} carrying one {@link org.beyondlazy.npy.NpyError} code
 * and a one-line message naming the file.
 *
 * <p>Format reference: NumPy Enhancement Proposal 1 and {@code numpy/lib/format.py}.
 */
package org.beyondlazy.npy;
