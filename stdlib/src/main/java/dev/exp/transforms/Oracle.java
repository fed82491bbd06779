package dev.exp.transforms;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * A black-box function of a point x ∈ Z_q^n (a script function of a vector [n]) that remembers its
 * answers, so a point asked for twice costs one query; {@link #queries()} counts distinct points.
 * Values may be real numbers or complex (a one-element complex tensor).
 */
final class Oracle {
  private final Fn f;
  private final int n;
  private final String fn;
  private final Map<String, double[]> seen = new HashMap<>();

  Oracle(Fn f, int n, String fn) {
    this.f = f;
    this.n = n;
    this.fn = fn;
  }

  /** f(x) as {re, im}. */
  double[] value(int[] x) {
    String key = java.util.Arrays.toString(x);
    double[] v = seen.get(key);
    if (v == null) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = x[i];
      }
      Object r = f.call(Tensor.wrap(new int[] {n}, d));
      v = parse(r);
      seen.put(key, v);
    }
    return v;
  }

  private double[] parse(Object r) {
    if (r instanceof Number num) {
      return new double[] {num.doubleValue(), 0};
    }
    if (r instanceof Tensor t && t.size() == 1) {
      double[] z = t.complexRaw();
      return new double[] {z[0], z[1]};
    }
    throw KernelException.of("%s: the function must return a number (or a one-element complex tensor), got %s", fn,
        Values.describe(r));
  }

  /** Distinct points queried so far. */
  int queries() {
    return seen.size();
  }
}
