#!/usr/bin/python3
"""Writes ctnn-dataset's test files: the good CSV files and the IDX/gzip ones (the small bad
CSV files in bad/ are typed by hand).

    cd tests/data_tool && /usr/bin/python3 make_test_files.py

Good CSV files (good/): flowers.csv, 30 iris rows (Fisher's measurements, as in Debian's
sklearn iris.csv) with a header row (one name quoted, with a comma), string labels in the
middle, an unused id column, a constant column, CRLF line ends and an empty line;
regression.csv, no header, 3 inputs and 2 targets in assorted spellings (+, e-notation);
one_column.csv, one input and one target.
Good IDX files (good/): 30 training images of 6x6 bytes with labels 0..3, gzip-compressed
images, and 12 test images in a separate pair of files. Bad files (bad/): one defect each.
Deterministic: numpy's RandomState(3), gzip with mtime 0.
"""
import gzip
import struct

import numpy as np


def idx(type_code, array):
    dtype = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[type_code]
    header = bytes([0, 0, type_code, array.ndim]) + b"".join(struct.pack(">I", d) for d in array.shape)
    return header + np.ascontiguousarray(array, dtype=dtype).tobytes()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


rs = np.random.RandomState(3)
images = rs.randint(0, 256, size=(30, 6, 6))
labels = rs.randint(0, 4, size=30)
test_images = rs.randint(0, 256, size=(12, 6, 6))
test_labels = rs.randint(0, 4, size=12)
write("good/images-idx3-ubyte.gz", gzip.compress(idx(0x08, images), mtime=0))
write("good/labels-idx1-ubyte", idx(0x08, labels))
write("good/test-images-idx3-ubyte", idx(0x08, test_images))
write("good/test-labels-idx1-ubyte.gz", gzip.compress(idx(0x08, test_labels), mtime=0))

small = rs.randint(0, 256, size=(4, 2, 2))
write("bad/bad_magic.idx", b"\x01" + idx(0x08, small)[1:])
write("bad/bad_type.idx", idx(0x08, small)[:2] + b"\x07" + idx(0x08, small)[3:])
write("bad/truncated_images.idx", idx(0x08, small)[:-3])
write("bad/truncated_header.idx", idx(0x08, small)[:9])
write("bad/trailing_bytes.idx", idx(0x08, small) + b"\x00\x00")
write("bad/labels4.idx", idx(0x08, np.array([0, 1, 2, 1])))
write("bad/labels3.idx", idx(0x08, np.array([0, 1, 2])))
write("bad/images4.idx", idx(0x08, small))
write("bad/empty.idx", b"")
whole = gzip.compress(idx(0x08, rs.randint(0, 256, size=(40, 6, 6))), mtime=0)
write("bad/truncated_images.idx.gz", whole[: len(whole) * 2 // 3])


# --- CSV ---
iris = np.loadtxt("/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv", delimiter=",", skiprows=1,
                  dtype=str)
species = ["setosa", "versicolor", "virginica"]
pick = np.random.RandomState(4).permutation(150)[:30]
lines = ['id,"sepal length, cm",species,petal length,petal width,lab']
for k, r in enumerate(pick):
    row = iris[r]
    lines.append(",".join([str(100 + k), row[0], species[int(row[4])], row[2], row[3], "7"]))
    if k == 11:
        lines.append("")
write("good/flowers.csv", ("\r\n".join(lines) + "\r\n").encode())

spellings = ["{:.6g}", "{:+.4f}", "{:.3e}", "{:.17g}"]
lines = []
for k in range(40):
    values = [rs.normal() * 10 ** rs.randint(-3, 4) for _ in range(5)]
    lines.append(",".join(spellings[(k + j) % 4].format(v) for j, v in enumerate(values)))
write("good/regression.csv", ("\n".join(lines) + "\n").encode())

lines = []
for k in range(50):
    x = rs.normal() * 3 + 100
    lines.append("{:.17g},{:.17g}".format(x, 0.5 * x + rs.normal()))
write("good/one_column.csv", ("\n".join(lines)).encode())  # no newline at the end

# examples/consumer/iris.csv: Debian's sklearn iris.csv as a user would have it -- a header
# row of column names and the species by name -- for the consumer project's CSV example.
lines = ["sepal_length,sepal_width,petal_length,petal_width,species"]
for row in iris:
    lines.append(",".join(list(row[:4]) + [species[int(row[4])]]))
write("../../examples/consumer/iris.csv", ("\n".join(lines) + "\n").encode())

# IDX of other value types: 10 samples of 3 big-endian float32 values, 10 int16 labels; and
# a float64 file with a NaN.
floats = (rs.normal(size=(10, 3)) * 4).astype(np.float32)
write("good/values-f32-idx2", idx(0x0D, floats))
write("good/labels-i16-idx1", idx(0x0B, rs.randint(-1, 2, size=10) * 100))
with_nan = rs.normal(size=(4, 2))
with_nan[2, 1] = np.nan
write("bad/nan-f64.idx", idx(0x0E, with_nan))
