package dev.exp.attention;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argument checks shared by the linear-attention and linear-recurrence kernels: shapes of q, k, v,
 * gates and states, finiteness, ranges. Every message names the kernel and the offending shapes.
 */
final class LinearArgs {
  private LinearArgs() {}

  /** Requires a matrix [rows, cols]; returns the tensor. */
  static Tensor matrix(Tensor t, String kernel, String arg) {
    if (t == null) {
      throw KernelException.of("%s: %s is required", kernel, arg);
    }
    if (t.rank() != 2) {
      throw KernelException.of("%s: %s must be a matrix [n, d], got shape %s", kernel, arg, Tensor.shapeString(t.shape()));
    }
    TensorArgs.requireFinite(t, kernel, arg);
    return t;
  }

  /** q [n, d], k [m, d], v [m, dv] with matching dimensions (and n == m when causal). */
  static void qkv(Tensor q, Tensor k, Tensor v, boolean causal, String kernel) {
    matrix(q, kernel, "q");
    matrix(k, kernel, "k");
    matrix(v, kernel, "v");
    if (q.dim(1) != k.dim(1)) {
      throw KernelException.of("%s: q has shape %s but k has shape %s; the last dimensions (d) must match", kernel,
          Tensor.shapeString(q.shape()), Tensor.shapeString(k.shape()));
    }
    if (k.dim(0) != v.dim(0)) {
      throw KernelException.of("%s: k has shape %s but v has shape %s; they need the same number of rows (keys)", kernel,
          Tensor.shapeString(k.shape()), Tensor.shapeString(v.shape()));
    }
    if (causal && q.dim(0) != k.dim(0)) {
      throw KernelException.of("%s: causal attention needs as many queries as keys, got q %s and k %s", kernel,
          Tensor.shapeString(q.shape()), Tensor.shapeString(k.shape()));
    }
  }

  /** A recurrence's q [n, dk], k [n, dk], v [n, dv]: one row per step. */
  static void steps(Tensor q, Tensor k, Tensor v, String kernel) {
    matrix(q, kernel, "q");
    matrix(k, kernel, "k");
    matrix(v, kernel, "v");
    if (q.dim(0) != k.dim(0) || k.dim(0) != v.dim(0) || q.dim(1) != k.dim(1)) {
      throw KernelException.of("%s: q %s, k %s and v %s must be [n, dk], [n, dk] and [n, dv]: one row per step and "
          + "the same key dimension for q and k", kernel, Tensor.shapeString(q.shape()), Tensor.shapeString(k.shape()),
          Tensor.shapeString(v.shape()));
    }
  }

  /** Requires a known value of an option. */
  static String oneOf(String value, String kernel, String arg, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw KernelException.of("%s: unknown %s \"%s\"; expected one of %s", kernel, arg, value,
        "\"" + String.join("\", \"", allowed) + "\"");
  }

  /** Requires a chunk size >= 1. */
  static int chunk(int chunk, String kernel) {
    if (chunk < 1) {
      throw KernelException.of("%s: chunk must be >= 1, got %d", kernel, chunk);
    }
    return chunk;
  }

  /** A decay factor in [0, 1] or null. */
  static double decay(Double decay, String kernel) {
    if (decay == null) {
      return 1.0;
    }
    if (!(decay >= 0 && decay <= 1)) {
      throw KernelException.of("%s: decay must be in [0, 1], got %s", kernel, TensorArgs.fmt(decay));
    }
    return decay;
  }

  /** An optional initial state of the given shape (zeros when null); returns a fresh copy. */
  static double[] state(Tensor s, int rows, int cols, String kernel, String layout) {
    if (s == null) {
      return new double[rows * cols];
    }
    if (s.rank() != 2 || s.dim(0) != rows || s.dim(1) != cols) {
      throw KernelException.of("%s: state must have shape [%d, %d] (%s), got %s", kernel, rows, cols, layout,
          Tensor.shapeString(s.shape()));
    }
    TensorArgs.requireFinite(s, kernel, "state");
    return s.raw().clone();
  }

  /** The result of a recurrence: the output tensor, or the record {out, state} when asked. */
  static Object result(Tensor out, Tensor state, boolean returnState) {
    if (!returnState) {
      return out;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("out", out);
    r.put("state", state);
    return r;
  }

  /** Powers p[i] = base^i for i = 0..n. */
  static double[] powers(double base, int n) {
    double[] p = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      p[i] = Math.pow(base, i);
    }
    return p;
  }
}
