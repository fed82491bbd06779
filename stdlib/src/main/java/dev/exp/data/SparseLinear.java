package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.LearnArgs;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sparse and multi-task linear regression models with known parameters (D05). */
public final class SparseLinear {
  private SparseLinear() {}

  /** Fills x [n, d] with rows ~ N(0, Σ), Σ_ij = rho^|i−j| (an AR(1) recursion along the features). */
  static void design(double[] x, int off, int n, int d, double rho, Rng rng) {
    double c = Math.sqrt(1 - rho * rho);
    for (int i = 0; i < n; i++) {
      double prev = 0;
      for (int j = 0; j < d; j++) {
        double z = rng.nextGaussian();
        prev = j == 0 ? z : rho * prev + c * z;
        x[off + i * d + j] = prev;
      }
    }
  }

  @Kernel(name = "data.sparse_linear", doc = "Samples a k-sparse linear model: a support of k of the d features chosen "
      + "uniformly, w nonzero there with values scale·(±1) (random signs), rows x ~ N(0, Σ) with Σ_ij = rho^|i−j| "
      + "(default rho 0: independent features), y = xw + noise·ε. Returns {x [n, d], y [n], w [d], support [k] "
      + "(ascending)}. Defaults: noise 0, rho 0, scale 1. Example: let s = data.sparse_linear(100, 500, 5, noise: 0.1, "
      + "seed: 1); learn.lasso(s.x, s.y, alpha: 0.05)")
  public static Map<String, Object> sparseLinear(@Arg("n") int n, @Arg("d") int d, @Arg("k") int k,
      @Arg(value = "noise", dflt = "0") double noise, @Arg(value = "rho", dflt = "0") double rho,
      @Arg(value = "scale", dflt = "1") double scale, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.sparse_linear";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 0 || d < 1 || k < 0 || k > d) {
      throw KernelException.of("%s: needs n >= 0, d >= 1 and 0 <= k <= d, got n = %d, d = %d, k = %d", fn, n, d, k);
    }
    LearnArgs.nonNegative(noise, fn, "noise");
    if (!(rho > -1 && rho < 1)) {
      throw KernelException.of("%s: rho (the feature correlation) must be in (−1, 1), got %s", fn, LearnArgs.fmt(rho));
    }
    int[] perm = new int[d];
    for (int j = 0; j < d; j++) {
      perm[j] = j;
    }
    for (int j = 0; j < k; j++) {
      int r = j + rng.nextInt(d - j);
      int t = perm[j];
      perm[j] = perm[r];
      perm[r] = t;
    }
    int[] support = java.util.Arrays.copyOf(perm, k);
    java.util.Arrays.sort(support);
    double[] w = new double[d];
    for (int j : support) {
      w[j] = rng.nextDouble() < 0.5 ? -scale : scale;
    }
    double[] x = new double[n * d];
    design(x, 0, n, d, rho, rng);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j : support) {
        s += x[i * d + j] * w[j];
      }
      y[i] = s + noise * rng.nextGaussian();
    }
    double[] sup = new double[k];
    for (int j = 0; j < k; j++) {
      sup[j] = support[j];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {n, d}, x));
    out.put("y", Tensor.wrap(new int[] {n}, y));
    out.put("w", Tensor.vector(w));
    out.put("support", Tensor.vector(sup));
    return out;
  }

  @Kernel(name = "data.multitask_linear", doc = "Samples T linear regression tasks sharing an r-dimensional "
      + "representation: B [d, r] with orthonormal columns (Gram–Schmidt of a Gaussian matrix), task weights "
      + "w_t = B a_t with a_t ~ N(0, I_r), rows x ~ N(0, I_d), y_t = x w_t + noise·ε + misspec·δ_t(x) where δ_t(x) = "
      + "sign(x_1·x_2) is a non-linear perturbation of size misspec (default 0). Returns {x [T, n, d], y [T, n], "
      + "w [T, d], b [d, r], a [T, r]}. Example: let m = data.multitask_linear(50, 20, 8, 2, noise: 0.1, seed: 4)")
  public static Map<String, Object> multitaskLinear(@Arg("n") int n, @Arg("d") int d, @Arg("tasks") int tasks,
      @Arg("rank") int rank, @Arg(value = "noise", dflt = "0") double noise,
      @Arg(value = "misspec", dflt = "0") double misspec, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.multitask_linear";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 0 || d < 1 || tasks < 1 || rank < 1 || rank > d) {
      throw KernelException.of("%s: needs n >= 0, d >= 1, tasks >= 1 and 1 <= rank <= d, got n = %d, d = %d, "
          + "tasks = %d, rank = %d", fn, n, d, tasks, rank);
    }
    LearnArgs.nonNegative(noise, fn, "noise");
    LearnArgs.nonNegative(misspec, fn, "misspec");
    double[] b = new double[d * rank];
    for (int c = 0; c < rank; c++) {
      double[] v = new double[d];
      double norm;
      do {
        for (int j = 0; j < d; j++) {
          v[j] = rng.nextGaussian();
        }
        for (int p = 0; p < c; p++) {
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += v[j] * b[j * rank + p];
          }
          for (int j = 0; j < d; j++) {
            v[j] -= dot * b[j * rank + p];
          }
        }
        norm = 0;
        for (double t : v) {
          norm += t * t;
        }
        norm = Math.sqrt(norm);
      } while (norm < 1e-8);
      for (int j = 0; j < d; j++) {
        b[j * rank + c] = v[j] / norm;
      }
    }
    double[] a = new double[tasks * rank];
    double[] w = new double[tasks * d];
    double[] x = new double[tasks * n * d];
    double[] y = new double[tasks * n];
    for (int t = 0; t < tasks; t++) {
      for (int c = 0; c < rank; c++) {
        a[t * rank + c] = rng.nextGaussian();
      }
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int c = 0; c < rank; c++) {
          s += b[j * rank + c] * a[t * rank + c];
        }
        w[t * d + j] = s;
      }
      design(x, t * n * d, n, d, 0, rng);
      for (int i = 0; i < n; i++) {
        int o = (t * n + i) * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[o + j] * w[t * d + j];
        }
        if (misspec > 0 && d >= 2) {
          s += misspec * Math.signum(x[o] * x[o + 1]);
        }
        y[t * n + i] = s + noise * rng.nextGaussian();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {tasks, n, d}, x));
    out.put("y", Tensor.wrap(new int[] {tasks, n}, y));
    out.put("w", Tensor.wrap(new int[] {tasks, d}, w));
    out.put("b", Tensor.wrap(new int[] {d, rank}, b));
    out.put("a", Tensor.wrap(new int[] {tasks, rank}, a));
    return out;
  }
}
