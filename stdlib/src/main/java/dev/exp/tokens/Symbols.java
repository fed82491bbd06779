package dev.exp.tokens;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.nio.charset.StandardCharsets;

/** Input sequences of the tokenizers: a string (its UTF-8 bytes) or a vector of non-negative integer symbols. */
final class Symbols {
  private Symbols() {}

  static int[] of(Object seq, String fn) {
    if (seq instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      int[] out = new int[b.length];
      for (int i = 0; i < b.length; i++) {
        out[i] = b[i] & 0xff;
      }
      return out;
    }
    Tensor t;
    try {
      t = TensorArgs.toTensor(seq, "seq");
    } catch (RuntimeException e) {
      throw KernelException.of("%s: expected a string or a vector of integer symbols, got %s", fn, Values.describe(seq));
    }
    if (t.rank() > 1 || t.isComplex()) {
      throw KernelException.of("%s: expected a string or a vector of integer symbols, got shape %s", fn,
          Tensor.shapeString(t.shape()));
    }
    double[] v = t.raw();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0) || v[i] != Math.rint(v[i]) || v[i] > 1 << 30) {
        throw KernelException.of("%s: symbols must be non-negative integers, got %s at position %d", fn,
            TensorArgs.fmt(v[i]), i);
      }
      out[i] = (int) v[i];
    }
    return out;
  }

  static Tensor vector(int[] v, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = v[i];
    }
    return Tensor.wrap(new int[] {n}, d);
  }

  static int max(int[] v) {
    int m = -1;
    for (int x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
