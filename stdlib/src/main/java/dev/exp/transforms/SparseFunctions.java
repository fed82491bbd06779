package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Seeded K-sparse test functions (D07): set functions with K Möbius coefficients of bounded order,
 * and functions on Z_q^n with S Fourier coefficients; and their evaluation with optional noise.
 */
public final class SparseFunctions {
  private SparseFunctions() {}

  /** Dense tables are attached up to this many entries. */
  static final int DENSE_LIMIT = 1 << 20;

  @Kernel(name = "transforms.sparse_set_function", doc = "A random set function on n players with k non-zero Möbius "
      + "coefficients: k distinct coalitions, each of a size drawn uniformly from 1..max_order and then uniformly "
      + "among the coalitions of that size, with N(0, scale²) coefficients, so f(S) = Σ_j c_j·[T_j ⊆ S]. Returns "
      + "{n, masks [k] (subset masks, bit i for player i, ascending), sets [k, n] (0/1 rows), coefs [k], mobius "
      + "[2^n] (the dense Möbius vector, for n <= 20; transforms.zeta(mobius) tabulates f)}. Evaluate it with "
      + "transforms.sparse_eval. Example: let g = transforms.sparse_set_function(12, 12, max_order: 3, seed: 1)")
  public static Map<String, Object> sparseSetFunction(@Arg("n") int n, @Arg("k") int k,
      @Arg(value = "max_order", dflt = "3") int maxOrder, @Arg(value = "scale", dflt = "1") double scale,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sparse_set_function";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 1 || n > 62) {
      throw KernelException.of("%s: n must be in [1, 62], got %d", fn, n);
    }
    if (maxOrder < 1 || maxOrder > n) {
      throw KernelException.of("%s: max_order must be in [1, n] = [1, %d], got %d", fn, n, maxOrder);
    }
    double available = 0;
    for (int s = 1; s <= maxOrder; s++) {
      available += Interactions.binom(n, s);
    }
    if (k < 0 || k > available) {
      throw KernelException.of("%s: k must be in [0, %.0f] (the coalitions of size 1..%d), got %d", fn, available,
          maxOrder, k);
    }
    TreeSet<Long> masks = new TreeSet<>();
    while (masks.size() < k) {
      int size = 1 + rng.nextInt(maxOrder);
      long m = 0;
      int have = 0;
      while (have < size) {
        long bit = 1L << rng.nextInt(n);
        if ((m & bit) == 0) {
          m |= bit;
          have++;
        }
      }
      masks.add(m);
    }
    double[] maskArr = new double[k];
    double[] sets = new double[k * n];
    double[] coefs = new double[k];
    int j = 0;
    for (long m : masks) {
      maskArr[j] = m;
      for (int i = 0; i < n; i++) {
        sets[j * n + i] = (m >>> i) & 1;
      }
      coefs[j] = scale * rng.nextGaussian();
      j++;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("n", (double) n);
    r.put("masks", Tensor.wrap(new int[] {k}, maskArr));
    r.put("sets", Tensor.wrap(new int[] {k, n}, sets));
    r.put("coefs", Tensor.wrap(new int[] {k}, coefs));
    if ((1L << n) <= DENSE_LIMIT) {
      double[] dense = new double[1 << n];
      for (int t = 0; t < k; t++) {
        dense[(int) maskArr[t]] = coefs[t];
      }
      r.put("mobius", Tensor.wrap(new int[] {1 << n}, dense));
    }
    return r;
  }

  @Kernel(name = "transforms.sparse_qary_function", doc = "A random function on Z_q^n with s non-zero Fourier "
      + "coefficients at distinct random frequencies: f(x) = Σ_j c_j·ω^⟨k_j, x⟩, ω = exp(2πi/q), so that "
      + "transforms.qft(f) (norm \"forward\") has exactly these coefficients. Coefficients are complex with "
      + "independent N(0, scale²/2) parts; real: true pairs each frequency k with −k and conjugate coefficients "
      + "(the zero frequency gets a real one), so f is real-valued (s counts all non-zero coefficients). "
      + "Returns {q, n, freqs [s, n] (ascending in the row-major index), coefs [s] (complex), spectrum [q, ..., q] "
      + "(complex, dense, for q^n <= 2^20)}. Example: let g = transforms.sparse_qary_function(4, 6, 10, seed: 2)")
  public static Map<String, Object> sparseQaryFunction(@Arg("q") int q, @Arg("n") int n, @Arg("s") int s,
      @Arg(value = "scale", dflt = "1") double scale, @Arg(value = "real", dflt = "false") boolean real,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sparse_qary_function";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (q < 2 || n < 1 || Math.pow(q, n) > 1e15) {
      throw KernelException.of("%s: need q >= 2, n >= 1 and q^n <= 1e15, got q = %d, n = %d", fn, q, n);
    }
    long total = 1;
    for (int i = 0; i < n; i++) {
      total *= q;
    }
    if (s < 0 || s > total) {
      throw KernelException.of("%s: s must be in [0, q^n = %d], got %d", fn, total, s);
    }
    java.util.TreeMap<Long, double[]> coef = new java.util.TreeMap<>();
    double sd = scale / Math.sqrt(2);
    int guard = 0;
    while (coef.size() < s) {
      long k = rng.nextLong(total);
      if (coef.containsKey(k)) {
        continue;
      }
      if (!real) {
        coef.put(k, new double[] {sd * rng.nextGaussian(), sd * rng.nextGaussian()});
        continue;
      }
      long neg = negate(k, q, n);
      if (neg == k) {
        coef.put(k, new double[] {scale * rng.nextGaussian(), 0});
      } else if (coef.size() + 2 <= s) {
        double re = sd * rng.nextGaussian();
        double im = sd * rng.nextGaussian();
        coef.put(k, new double[] {re, im});
        coef.put(neg, new double[] {re, -im});
      } else if (!coef.containsKey(0L)) {
        coef.put(0L, new double[] {scale * rng.nextGaussian(), 0});
      } else if (++guard > 100000) {
        throw KernelException.of("%s: no self-conjugate frequency left to make s = %d odd with real: true", fn, s);
      }
    }
    double[] freqs = new double[s * n];
    double[] cz = new double[2 * s];
    int j = 0;
    for (Map.Entry<Long, double[]> e : coef.entrySet()) {
      int[] digits = digits(e.getKey(), q, n);
      for (int i = 0; i < n; i++) {
        freqs[j * n + i] = digits[i];
      }
      cz[2 * j] = e.getValue()[0];
      cz[2 * j + 1] = e.getValue()[1];
      j++;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("q", (double) q);
    r.put("n", (double) n);
    r.put("freqs", Tensor.wrap(new int[] {s, n}, freqs));
    r.put("coefs", Tensor.wrapComplex(new int[] {s}, cz));
    if (total <= DENSE_LIMIT) {
      double[] dense = new double[2 * (int) total];
      j = 0;
      for (long k : coef.keySet()) {
        dense[2 * (int) k] = cz[2 * j];
        dense[2 * (int) k + 1] = cz[2 * j + 1];
        j++;
      }
      int[] shape = new int[n];
      java.util.Arrays.fill(shape, q);
      r.put("spectrum", Tensor.wrapComplex(shape, dense));
    }
    return r;
  }

  @Kernel(name = "transforms.sparse_eval", doc = "Evaluates a sparse function from transforms.sparse_set_function "
      + "(x: a 0/1 vector [n] marking a coalition, f(x) = Σ_j c_j·[T_j ⊆ x]) or transforms.sparse_qary_function "
      + "(x: a vector [n] over 0..q−1, f(x) = Σ_j c_j·ω^⟨k_j, x⟩) at one point x [n] or a batch [B, n]. noise: "
      + "the standard deviation of Gaussian noise added to each value (complex values get it on both parts). A "
      + "set function gives a number (or [B]); a q-ary function gives a complex tensor [1] (or [B]), or real "
      + "values when its coefficients are conjugate-symmetric (real: true). "
      + "Example: transforms.sparse_eval(g, [1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])")
  public static Object sparseEval(@Arg("g") Map<String, Object> g, @Arg("x") Tensor x,
      @Arg(value = "noise", dflt = "0") double noise, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.sparse_eval";
    boolean qary = g.containsKey("freqs");
    if (!qary && !g.containsKey("masks")) {
      throw KernelException.of("%s: g must be a record from transforms.sparse_set_function or "
          + "transforms.sparse_qary_function", fn);
    }
    int n = (int) ((Number) g.get("n")).doubleValue();
    if (x.rank() < 1 || x.rank() > 2 || x.dim(-1) != n) {
      throw KernelException.of("%s: x must be a vector [%d] or a batch [B, %d], got shape %s", fn, n, n,
          Tensor.shapeString(x.shape()));
    }
    if (noise != 0 && rng == null) {
      throw KernelException.of("%s: noise needs a random generator (pass seed: ...)", fn);
    }
    int batch = x.rank() == 1 ? 1 : x.dim(0);
    double[] xv = x.raw();
    if (!qary) {
      double[] masks = ((Tensor) g.get("masks")).raw();
      double[] coefs = ((Tensor) g.get("coefs")).raw();
      double[] out = new double[batch];
      for (int b = 0; b < batch; b++) {
        long m = 0;
        for (int i = 0; i < n; i++) {
          double v = xv[b * n + i];
          if (v != 0 && v != 1) {
            throw KernelException.of("%s: a coalition is a 0/1 vector, got %s at position %d", fn, v, i);
          }
          m |= v == 1 ? 1L << i : 0;
        }
        double s = 0;
        for (int j = 0; j < masks.length; j++) {
          long t = (long) masks[j];
          if ((t & m) == t) {
            s += coefs[j];
          }
        }
        out[b] = s + (noise == 0 ? 0 : noise * rng.nextGaussian());
      }
      return x.rank() == 1 ? (Object) out[0] : Tensor.wrap(new int[] {batch}, out);
    }
    int q = (int) ((Number) g.get("q")).doubleValue();
    Tensor freqsT = (Tensor) g.get("freqs");
    double[] freqs = freqsT.raw();
    double[] cz = ((Tensor) g.get("coefs")).complexRaw();
    int s = freqsT.dim(0);
    double[] out = new double[2 * batch];
    boolean realValued = true;
    for (int b = 0; b < batch; b++) {
      double re = 0;
      double im = 0;
      for (int j = 0; j < s; j++) {
        long dot = 0;
        for (int i = 0; i < n; i++) {
          dot += (long) freqs[j * n + i] * (long) xv[b * n + i];
        }
        double a = 2 * Math.PI * Math.floorMod(dot, q) / q;
        double c = Math.cos(a);
        double sn = Math.sin(a);
        re += cz[2 * j] * c - cz[2 * j + 1] * sn;
        im += cz[2 * j] * sn + cz[2 * j + 1] * c;
      }
      out[2 * b] = re;
      out[2 * b + 1] = im;
      if (Math.abs(im) > 1e-9 * (1 + Math.abs(re))) {
        realValued = false;
      }
    }
    if (realValued) {
      double[] r = new double[batch];
      for (int b = 0; b < batch; b++) {
        r[b] = out[2 * b] + (noise == 0 ? 0 : noise * rng.nextGaussian());
      }
      return x.rank() == 1 ? (Object) r[0] : Tensor.wrap(new int[] {batch}, r);
    }
    if (noise != 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] += noise * rng.nextGaussian();
      }
    }
    return Tensor.wrapComplex(new int[] {batch}, out);
  }

  /** Digits of a row-major index over [q]^n, variable 0 most significant. */
  static int[] digits(long k, int q, int n) {
    int[] d = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      d[i] = (int) (k % q);
      k /= q;
    }
    return d;
  }

  static long index(int[] d, int q) {
    long k = 0;
    for (int v : d) {
      k = k * q + v;
    }
    return k;
  }

  private static long negate(long k, int q, int n) {
    int[] d = digits(k, q, n);
    for (int i = 0; i < n; i++) {
      d[i] = (q - d[i]) % q;
    }
    return index(d, q);
  }
}
