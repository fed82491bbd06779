package dev.exp.attention;

import dev.exp.tensor.Tensor;

/**
 * Leading ("batch") dimensions of attention operands: NumPy broadcasting of the batch shapes, and
 * for every index of the broadcast batch the offset of an operand's matrix slice in its raw array.
 */
final class Batching {
  private Batching() {}

  /**
   * Offsets, in elements, of the {@code matrixSize}-element slices of an operand whose batch shape is
   * {@code own}, for each of the {@code nb} indices of the broadcast batch shape {@code batch}
   * (row-major order). Broadcast dimensions repeat the same slice.
   */
  static int[] offsets(int[] own, int[] batch, int nb, long matrixSize) {
    int rank = batch.length;
    int[] st = Tensor.broadcastStrides(own, rank);
    int[] out = new int[nb];
    int[] idx = new int[rank];
    long off = 0;
    for (int t = 0; t < nb; t++) {
      out[t] = (int) (off * matrixSize);
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        off += st[d];
        if (idx[d] < batch[d]) {
          break;
        }
        off -= (long) st[d] * batch[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** The batch part (all but the last two dimensions) of a shape. */
  static int[] batchOf(int[] shape) {
    return java.util.Arrays.copyOf(shape, Math.max(0, shape.length - 2));
  }

  /** Formats a flat batch index as a multi-index "[1, 0]" of the batch shape, or "" without batch. */
  static String index(int[] batch, int flat) {
    if (batch.length == 0) {
      return "";
    }
    int[] idx = new int[batch.length];
    for (int d = batch.length - 1; d >= 0; d--) {
      idx[d] = flat % batch[d];
      flat /= batch[d];
    }
    return Tensor.shapeString(idx);
  }
}
