package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Budget;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counting values: unique values, integer bin counts and histograms, with NumPy's semantics. */
public final class Counting {
  private Counting() {}

  @Kernel(name = "unique", doc = "The sorted distinct values of x, flattened (numpy.unique): nan sorts last and all "
      + "nans are one value (NumPy 2's equal_nan); -0.0 and 0.0 are one value (0.0 unless every zero is -0.0). With counts: true, a record "
      + "{values, counts} where counts[i] is how often values[i] occurs (counts sum to the number of elements). "
      + "Example: unique([3, 1, 3, 2, 1]) is [1, 2, 3]; unique([3, 1, 3], counts: true).counts is [1, 2]")
  public static Object unique(@Arg("x") Tensor x, @Arg(value = "counts", dflt = "false") boolean counts) {
    TensorArgs.requireReal(x, "unique", "x");
    double[] v = x.raw();
    int n = v.length;
    double[] vals;
    double[] cnt = null;
    if (n == 0) {
      vals = new double[0];
      cnt = new double[0];
    } else {
      // one sort of the order-preserving keys (-0.0 before 0.0, nan last), then one pass merging runs
      KeySort.Work w = KeySort.Work.local();
      KeySort.sortedKeys(v, 0, 1, n, w);
      long[] k = w.k1;
      long[] c = counts ? w.k2 : null;   // the sort's other buffer is free now
      int m = 0;
      long prev = k[0];
      int start = 0;
      for (int i = 1; i < n; i++) {
        long ki = k[i];
        // one value: equal keys (all nans have one key), or -0.0 (key −1) followed by 0.0 (key 0)
        if (ki != prev && !(ki == 0 && prev == -1)) {
          if (c != null) {
            c[m] = i - start;
          }
          k[m++] = prev;   // a run's last key: 0.0 for a zero run with any 0.0 in it
          start = i;
        }
        prev = ki;
      }
      if (c != null) {
        c[m] = n - start;
      }
      k[m++] = prev;
      vals = new double[m];
      for (int i = 0; i < m; i++) {
        vals[i] = Sorting.unkey(k[i]);
      }
      if (counts) {
        cnt = new double[m];
        for (int i = 0; i < m; i++) {
          cnt[i] = c[i];
        }
      }
    }
    Tensor values = Tensor.wrap(new int[] {vals.length}, vals);
    if (!counts) {
      return values;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("values", values);
    r.put("counts", Tensor.wrap(new int[] {cnt.length}, cnt));
    return r;
  }

  @Kernel(name = "bincount", doc = "How often each non-negative integer occurs in the vector x (numpy.bincount): "
      + "out[i] counts the elements equal to i, and out has length max(max(x) + 1, minlength) (minlength for an "
      + "empty x). With weights (a vector as long as x), out[i] sums the weights of those elements instead. "
      + "A negative, non-integer or nan value is an error naming it and its index. "
      + "Example: bincount([0, 1, 1, 3]) is [1, 2, 0, 1]")
  public static Tensor bincount(@Arg("x") Tensor x, @Arg(value = "weights", dflt = "none") Tensor weights,
      @Arg(value = "minlength", dflt = "0") int minlength) {
    TensorArgs.requireReal(x, "bincount", "x");
    if (x.rank() != 1) {
      throw KernelException.of("bincount: x must be a vector, got shape %s", Tensor.shapeString(x.shape()));
    }
    if (minlength < 0) {
      throw KernelException.of("bincount: minlength must be non-negative, got %d", minlength);
    }
    double[] v = x.raw();
    double[] w = null;
    if (weights != null) {
      TensorArgs.requireReal(weights, "bincount", "weights");
      if (weights.rank() != 1 || weights.size() != v.length) {
        throw KernelException.of("bincount: weights must be a vector as long as x (%d), got shape %s", v.length,
            Tensor.shapeString(weights.shape()));
      }
      w = weights.raw();
    }
    double max = -1;
    for (int i = 0; i < v.length; i++) {
      double e = v[i];
      if (!(e >= 0) || e != Math.rint(e) || Double.isInfinite(e)) {
        throw KernelException.of("bincount: x must hold non-negative integers, got %s at index %d",
            TensorArgs.fmt(e), i);
      }
      max = Math.max(max, e);
    }
    if (max >= Integer.MAX_VALUE - 8) {
      Budget.doubles(Long.MAX_VALUE, "bincount of a value " + TensorArgs.fmt(max));
      throw KernelException.of("bincount: the largest value %s needs more bins than a tensor can hold (%d)",
          TensorArgs.fmt(max), Integer.MAX_VALUE - 8);
    }
    int n = Math.max((int) max + 1, minlength);
    Budget.doubles(n, "bincount of " + n + " bins");
    double[] out = new double[n];
    for (int i = 0; i < v.length; i++) {
      out[(int) v[i]] += w == null ? 1 : w[i];
    }
    return Tensor.wrap(new int[] {n}, out);
  }

  @Kernel(name = "histogram", doc = "Counts of the values of x (flattened) in bins, as numpy.histogram: returns "
      + "{counts, edges} with len(edges) = len(counts) + 1. bins is a number of equal-width bins over range "
      + "[lo, hi] (default [min(x), max(x)], widened to [v - 0.5, v + 0.5] when all values equal v; edges as "
      + "linspace(lo, hi, bins + 1)), or a vector of non-decreasing edges. Every bin is half-open [e_i, e_i+1) except "
      + "the last, which is closed [e_n-1, e_n]; values outside the range (and nan, with an explicit range) are "
      + "not counted, so the counts sum to the number of values inside it. Without range, x must be finite. "
      + "Example: histogram([1, 2, 2, 3, 4], bins: 3).counts is [1, 2, 2]")
  public static Map<String, Object> histogram(@Arg("x") Tensor x, @Arg(value = "bins", dflt = "10") Object bins,
      @Arg(value = "range", dflt = "none") Object range) {
    TensorArgs.requireReal(x, "histogram", "x");
    double[] v = x.raw();
    double[] edges;
    boolean uniform;
    if (bins instanceof Number b) {
      double nb = b.doubleValue();
      if (nb != Math.rint(nb) || !(nb >= 1) || nb > Integer.MAX_VALUE - 9) {
        throw KernelException.of("histogram: bins must be a positive integer or a vector of edges, got %s",
            TensorArgs.fmt(nb));
      }
      double[] lohi = range(v, range);
      int n = (int) nb;
      Budget.doubles(n + 1L, "histogram of " + n + " bins");
      edges = new double[n + 1];
      double step = (lohi[1] - lohi[0]) / n;
      for (int i = 0; i < n; i++) {
        edges[i] = lohi[0] + i * step;   // numpy.linspace's values: start + i * step, the last exactly stop
      }
      edges[n] = lohi[1];
      uniform = true;
    } else {
      if (range != null) {
        throw KernelException.of("histogram: range applies to a number of bins; with explicit edges leave it out");
      }
      Tensor e = TensorArgs.toTensor(bins, "histogram: bins");
      TensorArgs.requireReal(e, "histogram", "bins");
      if (e.rank() != 1 || e.size() < 2) {
        throw KernelException.of("histogram: bins as edges must be a vector of at least 2 values, got shape %s",
            Tensor.shapeString(e.shape()));
      }
      edges = e.toArray();
      for (int i = 0; i < edges.length; i++) {
        if (Double.isNaN(edges[i]) || i > 0 && !(edges[i] >= edges[i - 1])) {
          throw KernelException.of("histogram: bin edges must not decrease, got %s after %s (at index %d)",
              TensorArgs.fmt(edges[i]), i > 0 ? TensorArgs.fmt(edges[i - 1]) : "nothing", i);
        }
      }
      uniform = false;
    }
    int n = edges.length - 1;
    double lo = edges[0];
    double hi = edges[n];
    double[] counts = new double[n];
    for (double e : v) {
      if (!(e >= lo && e <= hi)) {
        continue;   // outside the range, or nan
      }
      int i;
      if (uniform) {
        // numpy's fast path: the bin from the scaled offset, then corrected against the edges themselves
        i = (int) ((e - lo) / (hi - lo) * n);
        if (i >= n) {
          i = n - 1;
        }
        if (e < edges[i]) {
          i--;
        } else if (i != n - 1 && e >= edges[i + 1]) {
          i++;
        }
      } else {
        i = upperBound(edges, e) - 1;   // the last edge e_i <= e (searchsorted right)
        if (i == n) {
          i = n - 1;   // e == hi: the last bin is closed
        }
      }
      counts[i]++;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("counts", Tensor.wrap(new int[] {n}, counts));
    r.put("edges", Tensor.wrap(new int[] {n + 1}, edges));
    return r;
  }

  /** [lo, hi] from the range argument, or from the data (numpy's _get_outer_edges). */
  private static double[] range(double[] v, Object range) {
    double lo;
    double hi;
    if (range == null) {
      lo = Double.POSITIVE_INFINITY;
      hi = Double.NEGATIVE_INFINITY;
      for (double e : v) {
        if (!Double.isFinite(e)) {
          throw KernelException.of("histogram: x contains %s, so its range is not finite; pass range: [lo, hi] "
              + "to count only the values inside it", TensorArgs.fmt(e));
        }
        lo = Math.min(lo, e);
        hi = Math.max(hi, e);
      }
      if (v.length == 0) {
        lo = 0;
        hi = 1;   // numpy: an empty x spans [0, 1]
      }
    } else {
      Tensor r = TensorArgs.toTensor(range, "histogram: range");
      if (r.rank() != 1 || r.size() != 2 || r.isComplex()) {
        throw KernelException.of("histogram: range must be [lo, hi], got shape %s", Tensor.shapeString(r.shape()));
      }
      lo = r.at(0);
      hi = r.at(1);
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
        throw KernelException.of("histogram: range must be finite with lo <= hi, got [%s, %s]", TensorArgs.fmt(lo),
            TensorArgs.fmt(hi));
      }
    }
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    return new double[] {lo, hi};
  }

  /** The number of edges <= e (edges ascending). */
  private static int upperBound(double[] edges, double e) {
    int a = 0;
    int b = edges.length;
    while (a < b) {
      int m = (a + b) >>> 1;
      if (edges[m] <= e) {
        a = m + 1;
      } else {
        b = m;
      }
    }
    return a;
  }
}
