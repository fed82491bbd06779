package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sparse Möbius transform (T07, noiseless, non-adaptive, in the style of Kang et al.'s SMT):
 * each group hashes the n players into b buckets (h: [n] → [b]) and queries f on the coalitions
 * x(l) = {i : l_{h(i)} = 1} for l ∈ {0,1}^b, and on x(l) ∖ {i} for each player i (the delays). The
 * length-2^b Möbius transforms alias the coefficients into bins U_d(j) = Σ_{T : h(T) = j, i ∉ T} a(T);
 * a bin holding one coalition T has U_i(j) ∈ {0, U_0(j)}, and T = {i : U_i(j) = 0}. Found
 * coefficients are peeled from every group's bins until no singleton remains.
 */
public final class SparseMobius {
  private SparseMobius() {}

  @Kernel(name = "transforms.sparse_mobius", doc = "Recovers the sparse Möbius coefficients a(T) of a set function "
      + "f(S) = Σ_{T ⊆ S} a(T) from O(K·n) queries by hashing players into 2^b buckets (aliasing), singleton "
      + "detection with player-removal delays, and peeling. f: a function of a 0/1 vector [n] returning a number; "
      + "each distinct coalition is queried once (a removal that changes nothing is free). sparsity: the expected "
      + "number K of non-zero coefficients; bins: 2^b, default the smallest power of two >= 2·K; groups: hashings made at "
      + "first (default 3); while bins stay unresolved one more is added, up to 8 (their queries are counted); "
      + "tol: relative tolerance of the zero test. Exact for noiseless K-sparse functions with high probability. "
      + "Returns {masks [K] (ascending subset masks, bit i for player i), sets [K, n], coefs [K], queries, "
      + "unresolved (bins still non-zero: 0 means every measurement is explained)}. "
      + "Example: transforms.sparse_mobius((s) => transforms.sparse_eval(g, s), 12, 12, seed: 5)")
  public static Map<String, Object> sparseMobius(@Arg("f") Fn f, @Arg("n") int n, @Arg("sparsity") int sparsity,
      @Arg(value = "bins", dflt = "none") Integer bins, @Arg(value = "groups", dflt = "3") int groups,
      @Arg(value = "tol", dflt = "1e-9") double tol, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sparse_mobius";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 1 || n > 62 || sparsity < 1 || groups < 1) {
      throw KernelException.of("%s: need 1 <= n <= 62, sparsity >= 1 and groups >= 1, got n = %d, sparsity = %d, "
          + "groups = %d", fn, n, sparsity, groups);
    }
    int b = 1;
    long want = bins != null ? bins : 2L * sparsity;
    while ((1L << b) < want && b < n) {
      b++;
    }
    if (bins != null && (1L << b) != bins) {
      throw KernelException.of("%s: bins must be a power of two up to 2^n, got %d", fn, bins);
    }
    if (b > 20) {
      throw KernelException.of("%s: 2^%d bins is too many (at most 2^20)", fn, b);
    }
    int nbins = 1 << b;
    Oracle oracle = new Oracle(f, n, fn);
    int maxGroups = Math.max(groups, MAX_GROUPS);
    int[][] h = new int[maxGroups][n];
    double[][][] u = new double[maxGroups][n + 1][];
    TreeMap<Long, Double> found = new TreeMap<>();
    double zero = 0;
    int built = 0;
    int unresolved;
    while (true) {
      for (; built < groups; built++) {
        int c = built;
        for (int i = 0; i < n; i++) {
          h[c][i] = rng.nextInt(b);
        }
        for (int d = 0; d <= n; d++) {
          double[] vals = new double[nbins];
          int[] x = new int[n];
          for (int l = 0; l < nbins; l++) {
            for (int i = 0; i < n; i++) {
              x[i] = (l >>> h[c][i] & 1) == 1 && d != i + 1 ? 1 : 0;
            }
            vals[l] = oracle.value(x)[0];
          }
          Lattice.transform(vals, 0, nbins, false, -1);
          u[c][d] = vals;
        }
        if (c == 0) {
          double ref = 0;
          for (double v : u[0][0]) {
            ref = Math.max(ref, Math.abs(v));
          }
          zero = tol * Math.max(ref, 1e-300);
        }
        for (Map.Entry<Long, Double> e : found.entrySet()) {
          subtract(u[c], h[c], e.getKey(), e.getValue(), n);
        }
      }
      peel(u, h, built, nbins, n, zero, found, sparsity);
      unresolved = 0;
      for (int c = 0; c < built; c++) {
        for (int j = 0; j < nbins; j++) {
          if (Math.abs(u[c][0][j]) > zero) {
            unresolved++;
          }
        }
      }
      if (unresolved == 0 || built >= maxGroups) {
        break;
      }
      groups = built + 1;
    }
    final double eps = zero;
    found.values().removeIf(v -> Math.abs(v) <= eps);
    int k = found.size();
    double[] masks = new double[k];
    double[] sets = new double[k * n];
    double[] coefs = new double[k];
    int r = 0;
    for (Map.Entry<Long, Double> e : found.entrySet()) {
      masks[r] = e.getKey();
      for (int i = 0; i < n; i++) {
        sets[r * n + i] = e.getKey() >>> i & 1;
      }
      coefs[r] = e.getValue();
      r++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("masks", Tensor.wrap(new int[] {k}, masks));
    out.put("sets", Tensor.wrap(new int[] {k, n}, sets));
    out.put("coefs", Tensor.wrap(new int[] {k}, coefs));
    out.put("queries", (double) oracle.queries());
    out.put("unresolved", (double) unresolved);
    return out;
  }

  /** Groups added, one at a time, while bins stay unresolved. */
  static final int MAX_GROUPS = 8;

  private static void peel(double[][][] u, int[][] h, int groups, int nbins, int n, double zero,
      TreeMap<Long, Double> found, int sparsity) {
    boolean progress = true;
    int rounds = 0;
    while (progress && rounds++ < 10 * (sparsity + 10)) {
      progress = false;
      for (int c = 0; c < groups; c++) {
        for (int j = 0; j < nbins; j++) {
          double a0 = u[c][0][j];
          if (Math.abs(a0) <= zero) {
            continue;
          }
          long t = 0;
          boolean single = true;
          for (int i = 0; i < n && single; i++) {
            double ai = u[c][i + 1][j];
            if (Math.abs(ai) <= zero) {
              t |= 1L << i;
            } else if (Math.abs(ai - a0) > zero) {
              single = false;
            }
          }
          if (!single || bucket(h[c], t) != j) {
            continue;
          }
          found.merge(t, a0, Double::sum);
          for (int g = 0; g < groups; g++) {
            subtract(u[g], h[g], t, a0, n);
          }
          progress = true;
        }
      }
    }
  }

  /** Removes coefficient a of coalition t from its bin in one group, for every delay. */
  private static void subtract(double[][] ug, int[] hg, long t, double a, int n) {
    int bin = bucket(hg, t);
    ug[0][bin] -= a;
    for (int i = 0; i < n; i++) {
      if ((t >>> i & 1) == 0) {
        ug[i + 1][bin] -= a;
      }
    }
  }

  /** h(T) as a bucket mask. */
  static int bucket(int[] h, long t) {
    int j = 0;
    for (long rest = t; rest != 0; rest &= rest - 1) {
      j |= 1 << h[Long.numberOfTrailingZeros(rest)];
    }
    return j;
  }
}
