"""Regenerates the NumPy-written fixtures the tests read (src/test/resources/org/beyondlazy/npy/numpy).

Run from this directory with any NumPy >= 1.23:  python3 make_numpy_fixtures.py
Each fixture is a small array whose element at flat C index i is i (or a documented variant),
so a test can check the values and the Fortran-to-C reordering without NumPy.
The script also prints the hex of np.save(np.arange(6.).reshape(2, 3)) that NpyWriterTest's
golden-bytes test constructs by hand.
"""
import io
import os

import numpy as np

OUT = os.path.join("..", "resources", "org", "beyondlazy", "npy", "numpy")


def save(name, array, version=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            np.lib.format.write_array(f, array, version=version)
    print(f"{name}: dtype={array.dtype.str} shape={array.shape} "
          f"fortran={np.isfortran(array)} version={version or (1, 0)} bytes={os.path.getsize(path)}")


os.makedirs(OUT, exist_ok=True)
c23 = np.arange(6.0).reshape(2, 3)
c232 = np.arange(12.0).reshape(2, 3, 2)
save("f8_le_c_2x3.npy", c23.astype("<f8"))
save("f8_be_c_2x3.npy", c23.astype(">f8"))
save("f4_le_c_2x3.npy", c23.astype("<f4"))
save("f4_be_c_2x3.npy", c23.astype(">f4"))
save("f8_le_fortran_2x3.npy", np.asfortranarray(c23))
save("f4_be_fortran_2x3x2.npy", np.asfortranarray(c232.astype(">f4")))
save("f8_le_c_2x3x2_v2.npy", c232, version=(2, 0))
save("f8_le_c_2x3x2_v3.npy", c232, version=(3, 0))
save("f8_scalar.npy", np.array(2.5))
save("f8_empty_0.npy", np.zeros((0,)))
save("f8_empty_2x0.npy", np.zeros((2, 0)))
save("f8_nonfinite_4.npy", np.array([1.0, np.nan, np.inf, -np.inf]))
save("i8_3.npy", np.arange(3))

buffer = io.BytesIO()
np.save(buffer, np.arange(6.0).reshape(2, 3))
print("golden np.save(np.arange(6.).reshape(2,3)):", buffer.getvalue().hex())

# Files np.save writes for float64 C-order arrays: NpyWriterTest checks NpyWriter writes the
# same bytes. Element at flat index i is i.
for name, shape in [("scalar", ()), ("0", (0,)), ("5", (5,)), ("3x4", (3, 4)), ("2x3x4", (2, 3, 4)),
                    ("1000000000x0", (1000000000, 0)), ("ones30", (1,) * 30)]:
    size = int(np.prod(shape))
    save(f"written_{name}.npy", np.arange(float(size)).reshape(shape))
