package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * Zeta and Möbius transforms on the Boolean lattice 2^[n], subset and superset forms, by the
 * in-place O(n·2^n) sum over one variable at a time.
 */
public final class Lattice {
  private Lattice() {}

  static final String SET_DOC = " A set function is a vector of length 2^n (the last axis; leading axes are a "
      + "batch) indexed by subset masks: S ↔ Σ_{i ∈ S} 2^i, so bit i says whether element i is in S. "
      + "kind: \"subset\" (default) or \"superset\".";

  @Kernel(name = "transforms.zeta", doc = "The zeta transform: f(S) = Σ_{T ⊆ S} a(T) (kind \"subset\") or "
      + "f(S) = Σ_{T ⊇ S} a(T) (\"superset\"). With a the Möbius coefficients of a game, it tabulates the game."
      + SET_DOC + " Example: transforms.zeta([1, 2, 3, 4]) is [1, 3, 4, 10]")
  public static Tensor zeta(@Arg("a") Tensor a, @Arg(value = "kind", dflt = "\"subset\"") String kind) {
    return run(a, kind, 1, "transforms.zeta");
  }

  @Kernel(name = "transforms.mobius", doc = "The Möbius transform, the inverse of zeta: a(S) = Σ_{T ⊆ S} "
      + "(−1)^|S∖T|·f(T) (kind \"subset\"; the Möbius coefficients / Harsanyi dividends of a game) or "
      + "a(S) = Σ_{T ⊇ S} (−1)^|T∖S|·f(T) (\"superset\"); mobius(zeta(a)) = a." + SET_DOC
      + " Example: transforms.mobius([1, 3, 4, 10]) is [1, 2, 3, 4]")
  public static Tensor mobius(@Arg("f") Tensor f, @Arg(value = "kind", dflt = "\"subset\"") String kind) {
    return run(f, kind, -1, "transforms.mobius");
  }

  static Tensor run(Tensor t, String kind, double sign, String fn) {
    boolean superset = superset(kind, fn);
    int len = length(t, fn);
    double[] v = t.raw().clone();
    for (int off = 0; off < v.length; off += len) {
      transform(v, off, len, superset, sign);
    }
    return Tensor.wrap(t.shape(), v);
  }

  /** In place: v[S] += sign·v[S without i] (subset) or v[S] += sign·v[S with i] (superset), for each i. */
  static void transform(double[] v, int off, int len, boolean superset, double sign) {
    for (int h = 1; h < len; h <<= 1) {
      for (int s = off; s < off + len; s += 2 * h) {
        for (int j = s; j < s + h; j++) {
          if (superset) {
            v[j] += sign * v[j + h];
          } else {
            v[j + h] += sign * v[j];
          }
        }
      }
    }
  }

  static boolean superset(String kind, String fn) {
    if (kind == null || kind.equals("subset")) {
      return false;
    }
    if (kind.equals("superset")) {
      return true;
    }
    throw KernelException.of("%s: kind must be \"subset\" or \"superset\", got \"%s\"", fn, kind);
  }

  /** The length 2^n of the last axis, checked. */
  static int length(Tensor t, String fn) {
    if (t.isComplex()) {
      throw KernelException.of("%s: needs a real set function, got a complex tensor", fn);
    }
    if (t.rank() == 0 || !Hadamard.isPowerOfTwo(t.dim(-1))) {
      throw KernelException.of("%s: a set function is a vector of length 2^n, got shape %s", fn,
          Tensor.shapeString(t.shape()));
    }
    return t.dim(-1);
  }
}
