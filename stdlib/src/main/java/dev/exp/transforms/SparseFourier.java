package dev.exp.transforms;

import dev.exp.fft.Fft;
import dev.exp.fft.Norm;
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
 * Sparse Fourier recovery on Z_q^n from queries (T05, q-SFT / SPRIGHT style, noiseless): each of
 * a few groups subsamples f on x = M·l + d for l ∈ Z_q^b (a random n×b matrix M) and delays
 * d ∈ {0, e_1, ..., e_n}, so the length-q^b transforms alias the spectrum into q^b bins
 * U_d(j) = Σ_{k : Mᵀk = j} F(k)·ω^⟨k, d⟩; a bin holding one frequency is recognised by the
 * ratios U_{e_i}(j)/U_0(j) = ω^{k_i}, which also spell k; found coefficients are subtracted from
 * their bins in every group (peeling) until no singleton remains.
 */
public final class SparseFourier {
  private SparseFourier() {}

  static final String DOC = " f: a function of a vector [n] (values in 0..q−1) returning a number (or a "
      + "one-element complex tensor); it is called at most groups·q^b·(n + 1) times (each distinct point once). "
      + "sparsity: the expected number of non-zero coefficients S; bins: q^b, default the smallest power of q >= "
      + "1.5·S; groups: subsampling patterns made at first (default 3); while bins stay unresolved one more is added, up to 8 "
      + "(their queries are counted). Exact for noiseless S-sparse spectra with "
      + "high probability (peeling succeeds); tol: the relative tolerance of the singleton test. Returns "
      + "{freqs [K, n] (ascending row-major index), coefs [K], queries (distinct points asked), unresolved (bins "
      + "still non-zero after peeling: 0 means the recovered spectrum explains every measurement)}.";

  @Kernel(name = "transforms.sparse_qft", doc = "Recovers a sparse q-ary Fourier spectrum F (f(x) = Σ_k F(k)·ω^⟨k, x⟩, "
      + "the norm \"forward\" coefficients of transforms.qft) from O(S·n) queries of f by subsampling, aliasing, "
      + "singleton detection and peeling (q-SFT)." + DOC + " Coefficients are complex. Example: "
      + "transforms.sparse_qft((x) => transforms.sparse_eval(g, x), 4, 6, 10, seed: 3)")
  public static Map<String, Object> sparseQft(@Arg("f") Fn f, @Arg("q") int q, @Arg("n") int n,
      @Arg("sparsity") int sparsity, @Arg(value = "bins", dflt = "none") Integer bins,
      @Arg(value = "groups", dflt = "3") int groups, @Arg(value = "tol", dflt = "1e-6") double tol,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    return recover(f, q, n, sparsity, bins, groups, tol, rng, false, "transforms.sparse_qft");
  }

  @Kernel(name = "transforms.sparse_wht", doc = "Recovers a sparse Walsh–Hadamard spectrum (f(x) = Σ_k F(k)·(−1)^⟨k, x⟩, "
      + "F = transforms.wht(f, norm: \"forward\")) of a real function on {0, 1}^n from O(S·n) queries (SPRIGHT): "
      + "transforms.sparse_qft with q = 2 and real coefficients." + DOC
      + " Example: transforms.sparse_wht(f, 10, 8, seed: 4)")
  public static Map<String, Object> sparseWht(@Arg("f") Fn f, @Arg("n") int n, @Arg("sparsity") int sparsity,
      @Arg(value = "bins", dflt = "none") Integer bins, @Arg(value = "groups", dflt = "3") int groups,
      @Arg(value = "tol", dflt = "1e-6") double tol, @Arg(value = "seed", dflt = "none") Rng rng) {
    return recover(f, 2, n, sparsity, bins, groups, tol, rng, true, "transforms.sparse_wht");
  }

  static Map<String, Object> recover(Fn f, int q, int n, int sparsity, Integer bins, int groups, double tol, Rng rng,
      boolean real, String fn) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (q < 2 || n < 1 || sparsity < 1 || groups < 1) {
      throw KernelException.of("%s: need q >= 2, n >= 1, sparsity >= 1 and groups >= 1, got q = %d, n = %d, "
          + "sparsity = %d, groups = %d", fn, q, n, sparsity, groups);
    }
    int b = 1;
    long nb = q;
    long want = bins != null ? bins : (long) Math.ceil(1.5 * sparsity);
    while (nb < want && b < n) {
      nb *= q;
      b++;
    }
    if (bins != null && nb != bins) {
      throw KernelException.of("%s: bins must be a power of q = %d up to q^n, got %d", fn, q, bins);
    }
    if (nb > (1 << 20)) {
      throw KernelException.of("%s: %d bins is too many (at most 2^20)", fn, nb);
    }
    int nbins = (int) nb;
    Oracle oracle = new Oracle(f, n, fn);
    int maxGroups = Math.max(groups, SparseMobius.MAX_GROUPS);
    int[][][] m = new int[maxGroups][n][b];
    // u[c][d] = interleaved complex bins for group c, delay d (0 = none, i + 1 = e_i)
    double[][][] u = new double[maxGroups][n + 1][];
    int[] shape = new int[b];
    java.util.Arrays.fill(shape, q);
    TreeMap<Long, double[]> found = new TreeMap<>();
    double zero = 0;
    int built = 0;
    int unresolved;
    while (true) {
      for (; built < groups; built++) {
        int c = built;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < b; j++) {
            m[c][i][j] = rng.nextInt(q);
          }
        }
        for (int d = 0; d <= n; d++) {
          double[] vals = new double[2 * nbins];
          int[] x = new int[n];
          for (int l = 0; l < nbins; l++) {
            int[] ld = SparseFunctions.digits(l, q, b);
            for (int i = 0; i < n; i++) {
              int s = 0;
              for (int j = 0; j < b; j++) {
                s += m[c][i][j] * ld[j];
              }
              x[i] = Math.floorMod(s + (d == i + 1 ? 1 : 0), q);
            }
            double[] v = oracle.value(x);
            vals[2 * l] = v[0];
            vals[2 * l + 1] = v[1];
          }
          Tensor t = Tensor.wrapComplex(shape, vals);
          for (int ax = b - 1; ax >= 0; ax--) {
            t = Fft.complex(t, ax, null, false, Norm.FORWARD, fn);
          }
          u[c][d] = t.complexRaw();
        }
        if (c == 0) {
          double ref = 0;
          for (double v : u[0][0]) {
            ref = Math.max(ref, Math.abs(v));
          }
          zero = tol * Math.max(ref, 1e-300);
        }
        for (Map.Entry<Long, double[]> e : found.entrySet()) {
          subtract(u[c], m[c], SparseFunctions.digits(e.getKey(), q, n), e.getValue(), q, b, n);
        }
      }
      peel(u, m, built, nbins, q, b, n, zero, tol, found, sparsity);
      unresolved = 0;
      for (int c = 0; c < built; c++) {
        for (int j = 0; j < nbins; j++) {
          if (Math.hypot(u[c][0][2 * j], u[c][0][2 * j + 1]) > zero) {
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
    found.values().removeIf(v -> Math.hypot(v[0], v[1]) <= eps);
    int kk = found.size();
    double[] freqs = new double[kk * n];
    double[] coefs = new double[(real ? 1 : 2) * kk];
    int r = 0;
    for (Map.Entry<Long, double[]> e : found.entrySet()) {
      int[] d = SparseFunctions.digits(e.getKey(), q, n);
      for (int i = 0; i < n; i++) {
        freqs[r * n + i] = d[i];
      }
      if (real) {
        coefs[r] = e.getValue()[0];
      } else {
        coefs[2 * r] = e.getValue()[0];
        coefs[2 * r + 1] = e.getValue()[1];
      }
      r++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("freqs", Tensor.wrap(new int[] {kk, n}, freqs));
    out.put("coefs", real ? Tensor.wrap(new int[] {kk}, coefs) : Tensor.wrapComplex(new int[] {kk}, coefs));
    out.put("queries", (double) oracle.queries());
    out.put("unresolved", (double) unresolved);
    return out;
  }

  private static void peel(double[][][] u, int[][][] m, int groups, int nbins, int q, int b, int n, double zero,
      double tol, TreeMap<Long, double[]> found, int sparsity) {
    boolean progress = true;
    int rounds = 0;
    while (progress && rounds++ < 10 * (sparsity + 10)) {
      progress = false;
      for (int c = 0; c < groups; c++) {
        for (int j = 0; j < nbins; j++) {
          int[] k = singleton(u[c], j, q, n, zero, tol);
          if (k == null || !java.util.Arrays.equals(SparseFunctions.digits(j, q, b), hash(m[c], k, q, b))) {
            continue;
          }
          double[] v = {u[c][0][2 * j], u[c][0][2 * j + 1]};
          found.merge(SparseFunctions.index(k, q), v, (p, w) -> new double[] {p[0] + w[0], p[1] + w[1]});
          for (int g = 0; g < groups; g++) {
            subtract(u[g], m[g], k, v, q, b, n);
          }
          progress = true;
        }
      }
    }
  }

  /** Removes coefficient v of frequency k from its bin in one group, for every delay. */
  private static void subtract(double[][] ug, int[][] mg, int[] k, double[] v, int q, int b, int n) {
    int bin = (int) SparseFunctions.index(hash(mg, k, q, b), q);
    for (int d = 0; d <= n; d++) {
      double a = d == 0 ? 0 : 2 * Math.PI * k[d - 1] / q;
      double cr = Math.cos(a);
      double ci = Math.sin(a);
      ug[d][2 * bin] -= v[0] * cr - v[1] * ci;
      ug[d][2 * bin + 1] -= v[0] * ci + v[1] * cr;
    }
  }

  /** Mᵀk mod q. */
  static int[] hash(int[][] m, int[] k, int q, int b) {
    int[] j = new int[b];
    for (int c = 0; c < b; c++) {
      int s = 0;
      for (int i = 0; i < k.length; i++) {
        s += m[i][c] * k[i];
      }
      j[c] = Math.floorMod(s, q);
    }
    return j;
  }

  /** The frequency a bin holds alone, or null: every delay ratio must be a q-th root of unity. */
  static int[] singleton(double[][] u, int j, int q, int n, double zero, double tol) {
    double r0 = u[0][2 * j];
    double i0 = u[0][2 * j + 1];
    double mag = Math.hypot(r0, i0);
    if (mag <= zero) {
      return null;
    }
    int[] k = new int[n];
    for (int i = 0; i < n; i++) {
      double rr = u[i + 1][2 * j];
      double ri = u[i + 1][2 * j + 1];
      // ratio = U_i / U_0
      double den = r0 * r0 + i0 * i0;
      double pr = (rr * r0 + ri * i0) / den;
      double pi = (ri * r0 - rr * i0) / den;
      if (Math.abs(Math.hypot(pr, pi) - 1) > Math.sqrt(tol)) {
        return null;
      }
      double turns = Math.atan2(pi, pr) * q / (2 * Math.PI);
      long kr = Math.round(turns);
      if (Math.abs(turns - kr) > Math.sqrt(tol) * q) {
        return null;
      }
      k[i] = (int) Math.floorMod(kr, (long) q);
    }
    return k;
  }
}
