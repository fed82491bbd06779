package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Diagonal selective linear recurrence / SSM scan (A15, Mamba-style): h_t = a_t ⊙ h_{t−1} + b_t ⊙ x_t,
 * y_t = c_t·h_t, sequentially or by a blocked parallel associative scan.
 */
public final class SelectiveScan {
  private SelectiveScan() {}

  /** Steps per block of the parallel scan; fixed, so the result does not depend on the thread count. */
  static final int BLOCK = 256;

  @Kernel(name = "attention.scan", doc = "Diagonal selective scan (linear RNN / SSM): "
      + "h_t = a_t ⊙ h_{t−1} + b_t ⊙ x_t with h_{−1} = h0 (default zeros), and y_t = c_t·h_t when c is given. "
      + "a and b have shape [n, N] (per-step diagonal transition and input weights of an N-dimensional state) or [n] "
      + "(a scalar state); x (optional, default 1) is a vector [n] (one input per step, broadcast over the state) or "
      + "has the shape of a; c (optional) has the shape of a; h0 has shape [N] (a number for a scalar state). "
      + "Result: y [n] when c is given, otherwise all states h with the shape of a; with return_state: true the "
      + "record {out, state} with the last state h_{n−1}. range \"unit\" (default) requires a ∈ [0, 1] (decaying "
      + "memories); \"signed\" allows a ∈ [−1, 1] (negative eigenvalues, e.g. parity by a = −1). form \"sequential\" "
      + "(default) or \"parallel\": the associative scan over fixed blocks of " + BLOCK + " steps (block-local scans "
      + "in parallel, carries across blocks, then a parallel fix-up h_t += (Π a) ⊙ h_in); it agrees with the "
      + "sequential form up to rounding and does not depend on the thread count. Example: "
      + "attention.scan(a, b, c: c, x: x, range: \"signed\", form: \"parallel\")")
  public static Object scan(@Arg("a") Tensor a, @Arg("b") Tensor b,
      @Arg(value = "c", dflt = "none") Tensor c,
      @Arg(value = "x", dflt = "none") Tensor x,
      @Arg(value = "h0", dflt = "none") Tensor h0,
      @Arg(value = "range", dflt = "\"unit\"") String range,
      @Arg(value = "form", dflt = "\"sequential\"") String form,
      @Arg(value = "return_state", dflt = "false") boolean returnState) {
    String kernel = "attention.scan";
    LinearArgs.oneOf(range, kernel, "range", "unit", "signed");
    LinearArgs.oneOf(form, kernel, "form", "sequential", "parallel");
    if (b == null) {
      throw KernelException.of("%s: b is required (shape of a)", kernel);
    }
    if (a == null || a.rank() < 1 || a.rank() > 2) {
      throw KernelException.of("%s: a must have shape [n, N] or [n], got %s", kernel,
          a == null ? "none" : Tensor.shapeString(a.shape()));
    }
    int n = a.dim(0);
    int ns = a.rank() == 2 ? a.dim(1) : 1;
    sameShape(b, a, kernel, "b");
    if (c != null) {
      sameShape(c, a, kernel, "c");
    }
    TensorArgs.requireFinite(a, kernel, "a");
    TensorArgs.requireFinite(b, kernel, "b");
    double lo = range.equals("unit") ? 0 : -1;
    for (double v : a.raw()) {
      if (v < lo || v > 1) {
        throw KernelException.of("%s: with range \"%s\" the transitions a must lie in [%s, 1], got %s%s", kernel, range,
            TensorArgs.fmt(lo), TensorArgs.fmt(v), range.equals("unit") && v >= -1 ? " (use range: \"signed\" for "
            + "negative transitions)" : "");
      }
    }
    double[] u = inputs(b, x, n, ns, kernel);
    double[] h = new double[ns];
    if (h0 != null) {
      if (h0.size() != ns || h0.rank() > 1 || (h0.rank() == 0 && a.rank() == 2)) {
        throw KernelException.of("%s: h0 must have shape [%d] (the state of a %s), got %s", kernel, ns,
            Tensor.shapeString(a.shape()), Tensor.shapeString(h0.shape()));
      }
      TensorArgs.requireFinite(h0, kernel, "h0");
      System.arraycopy(h0.raw(), 0, h, 0, ns);
    }
    double[] hs = form.equals("sequential") ? sequential(a.raw(), u, h, n, ns) : parallel(a.raw(), u, h, n, ns);
    if (n > 0) {
      System.arraycopy(hs, (n - 1) * ns, h, 0, ns);
    }
    Tensor out;
    if (c == null) {
      out = Tensor.wrap(a.shape().clone(), hs);
    } else {
      TensorArgs.requireFinite(c, kernel, "c");
      double[] y = new double[n];
      double[] cc = c.raw();
      for (int t = 0; t < n; t++) {
        y[t] = LinearAttention.dot(cc, t * ns, hs, t * ns, ns);
      }
      out = Tensor.wrap(new int[] {n}, y);
    }
    Tensor state = a.rank() == 2 ? Tensor.wrap(new int[] {ns}, h) : Tensor.scalar(h[0]);
    return LinearArgs.result(out, state, returnState);
  }

  private static void sameShape(Tensor t, Tensor a, String kernel, String name) {
    if (!java.util.Arrays.equals(t.shape(), a.shape())) {
      throw KernelException.of("%s: %s has shape %s but a has shape %s; they must match", kernel, name,
          Tensor.shapeString(t.shape()), Tensor.shapeString(a.shape()));
    }
  }

  /** u_t = b_t ⊙ x_t (x broadcast over the state when it is a vector [n]). */
  private static double[] inputs(Tensor b, Tensor x, int n, int ns, String kernel) {
    double[] u = b.raw().clone();
    if (x == null) {
      return u;
    }
    TensorArgs.requireFinite(x, kernel, "x");
    double[] xs = x.raw();
    if (java.util.Arrays.equals(x.shape(), b.shape())) {
      for (int i = 0; i < u.length; i++) {
        u[i] *= xs[i];
      }
    } else if (x.rank() == 1 && x.dim(0) == n) {
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < ns; i++) {
          u[t * ns + i] *= xs[t];
        }
      }
    } else {
      throw KernelException.of("%s: x has shape %s; expected [%d] (one input per step) or the shape of a, %s", kernel,
          Tensor.shapeString(x.shape()), n, Tensor.shapeString(b.shape()));
    }
    return u;
  }

  private static double[] sequential(double[] a, double[] u, double[] h0, int n, int ns) {
    double[] hs = new double[n * ns];
    double[] h = h0.clone();
    for (int t = 0; t < n; t++) {
      for (int i = 0; i < ns; i++) {
        int p = t * ns + i;
        h[i] = a[p] * h[i] + u[p];
        hs[p] = h[i];
      }
    }
    return hs;
  }

  /**
   * Blocked associative scan of the pairs (a_t, u_t) under (a, u) ∘ (a', u') = (a'a, a'u + u'): each block
   * scans from a zero state and records the running products; the carries into the blocks are combined in
   * order; each block then adds (Π_{r≤t} a_r) ⊙ carry.
   */
  private static double[] parallel(double[] a, double[] u, double[] h0, int n, int ns) {
    int nb = (n + BLOCK - 1) / BLOCK;
    double[] hs = new double[n * ns];
    double[] prod = new double[n * ns];
    Parallel.forEach(nb, blk -> {
      int start = blk * BLOCK;
      int end = Math.min(n, start + BLOCK);
      for (int i = 0; i < ns; i++) {
        double h = 0;
        double p = 1;
        for (int t = start; t < end; t++) {
          int q = t * ns + i;
          h = a[q] * h + u[q];
          p *= a[q];
          hs[q] = h;
          prod[q] = p;
        }
      }
    });
    double[][] carry = new double[nb][];
    double[] h = h0.clone();
    for (int blk = 0; blk < nb; blk++) {
      carry[blk] = h.clone();
      int last = (Math.min(n, (blk + 1) * BLOCK) - 1) * ns;
      for (int i = 0; i < ns; i++) {
        h[i] = prod[last + i] * h[i] + hs[last + i];
      }
    }
    Parallel.forEach(nb, blk -> {
      int start = blk * BLOCK;
      int end = Math.min(n, start + BLOCK);
      double[] hin = carry[blk];
      for (int t = start; t < end; t++) {
        for (int i = 0; i < ns; i++) {
          int q = t * ns + i;
          hs[q] += prod[q] * hin[i];
        }
      }
    });
    return hs;
  }
}
