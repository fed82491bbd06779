package dev.exp.data;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/** Argument checks for symbol sequences: a vector [n] or a batch [B, n] of integers in 0..A−1. */
final class Symbols {
  private Symbols() {}

  /** The rows of a sequence tensor (one row for a vector), validated against the alphabet. */
  static int[][] rows(Tensor seq, int alphabet, String fn) {
    if (seq.rank() != 1 && seq.rank() != 2) {
      throw KernelException.of("%s: seq must be a vector [n] or a batch of sequences [B, n], got shape %s", fn,
          Tensor.shapeString(seq.shape()));
    }
    int b = seq.rank() == 1 ? 1 : seq.dim(0);
    int n = seq.dim(seq.rank() - 1);
    int[][] out = new int[b][n];
    double[] d = seq.raw();
    for (int r = 0; r < b; r++) {
      for (int t = 0; t < n; t++) {
        double v = d[r * n + t];
        if (v != Math.rint(v) || v < 0 || v >= alphabet) {
          String where = seq.rank() == 1 ? "[" + t + "]" : "[" + r + ", " + t + "]";
          throw KernelException.of("%s: seq%s = %s is not a symbol of the alphabet 0..%d (pass alphabet: ... if the "
              + "alphabet is larger)", fn, where, TensorArgs.fmt(v), alphabet - 1);
        }
        out[r][t] = (int) v;
      }
    }
    return out;
  }

  /** Output shape for per-position distributions: seq.shape + [A]. */
  static int[] withAlphabet(Tensor seq, int alphabet) {
    int[] s = seq.shape();
    int[] out = java.util.Arrays.copyOf(s, s.length + 1);
    out[s.length] = alphabet;
    return out;
  }

  static void requirePositive(int v, String fn, String name) {
    if (v < 1) {
      throw KernelException.of("%s: %s must be at least 1, got %d", fn, name, v);
    }
  }

  static void requireNonNegative(int v, String fn, String name) {
    if (v < 0) {
      throw KernelException.of("%s: %s must be >= 0, got %d", fn, name, v);
    }
  }
}
