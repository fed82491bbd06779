package dev.exp.learn.decompose;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.cluster.Inputs;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Probabilistic PCA (closed form) and factor analysis (iterated SVD / EM) (namespace {@code learn}). */
public final class LatentFactors {
  private LatentFactors() {}

  private static int components(Integer q, int d, String fn) {
    int c = q == null ? d : q;
    if (c < 1 || c > d) {
      throw KernelException.of("%s: n_components must be in [1, %d] (the number of features), got %d", fn, d, c);
    }
    return c;
  }

  @Kernel(name = "learn.ppca", doc = "Probabilistic PCA (Tipping and Bishop 1999) in closed form: with S = XcᵀXc/n "
      + "(the maximum-likelihood covariance) and its eigenvalues λ₁ ≥ ... ≥ λ_d, noise_variance σ² = mean(λ_{q+1..d}) "
      + "and components W (q×d) with rows √(λ_i − σ²) u_i, the maximum-likelihood x = Wᵀz + mean + N(0, σ²I). "
      + "n_components q defaults to d − 1. Returns a ppca model: components, mean, noise_variance, log_likelihood "
      + "(mean per sample at the optimum). transform gives E[z | x], learn.inverse_transform E[x | z] = zW + mean, "
      + "score(m, x, y) the mean log-likelihood. Example: learn.ppca(X, n_components: 2).noise_variance")
  public static LatentGaussianModel ppca(@Arg("X") Tensor x, @Arg(value = "n_components", dflt = "none") Integer nComponents) {
    String fn = "learn.ppca";
    double[] v = Inputs.matrix(x, fn, "X", 2);
    int n = x.dim(0);
    int d = x.dim(1);
    int q = nComponents == null ? Math.max(1, d - 1) : components(nComponents, d, fn);
    double[] mean = Linear.columnMeans(v, n, d);
    double[] g = Linear.gram(Linear.centered(v, mean, n, d), n, d);
    for (int i = 0; i < g.length; i++) {
      g[i] /= n;
    }
    Eigen e = Eigen.of(g, d);
    double sigma2 = 0;
    for (int i = q; i < d; i++) {
      sigma2 += Math.max(e.values[i], 0);
    }
    sigma2 = q < d ? sigma2 / (d - q) : 0;
    if (!(sigma2 > 0)) {
      throw KernelException.of("%s: the noise variance is 0 (n_components %d leaves no variance in %d features); use "
          + "fewer components", fn, q, d);
    }
    double[] w = new double[q * d];
    for (int i = 0; i < q; i++) {
      double s = Math.sqrt(Math.max(e.values[i] - sigma2, 0));
      for (int j = 0; j < d; j++) {
        w[i * d + j] = s * e.vectors[i * d + j];
      }
    }
    double[] psi = new double[d];
    Arrays.fill(psi, sigma2);
    Map<String, Object> st = new LinkedHashMap<>();
    LatentGaussianModel m = new LatentGaussianModel("ppca", w, q, d, mean, psi, st);
    st.put("n_components", (double) q);
    st.put("log_likelihood", m.score(x, null));
    return m;
  }

  @Kernel(name = "learn.factor_analysis", doc = "Factor analysis x = Wᵀz + mean + N(0, Ψ), Ψ diagonal, by maximum "
      + "likelihood with scikit-learn's iterated-SVD EM (Barber, BRML 21.2): each iteration takes the top q "
      + "eigenpairs of Ψ^{-1/2} S Ψ^{-1/2} (S = XcᵀXc/n), sets W from them and Ψ = max(var(X) − diag(WᵀW), 1e-12); "
      + "stops when the log-likelihood gains less than tol (default 1e-2) or after max_iter (default 1000). "
      + "n_components defaults to d. Returns a factor_analysis model: components (q×d, signs arbitrary), mean, "
      + "noise_variance (Ψ, d values), log_likelihood_history (total log-likelihood per iteration, never decreasing), "
      + "iterations, converged, reason. transform gives E[z | x], learn.inverse_transform E[x | z], score(m, x, y) the "
      + "mean log-likelihood. Example: learn.factor_analysis(X, n_components: 2).noise_variance")
  public static LatentGaussianModel factorAnalysis(@Arg("X") Tensor x,
      @Arg(value = "n_components", dflt = "none") Integer nComponents, @Arg(value = "tol", dflt = "1e-2") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    String fn = "learn.factor_analysis";
    double[] v = Inputs.matrix(x, fn, "X", 2);
    int n = x.dim(0);
    int d = x.dim(1);
    int q = components(nComponents, d, fn);
    Inputs.positive(fn, "max_iter", maxIter);
    double[] mean = Linear.columnMeans(v, n, d);
    double[] s = Linear.gram(Linear.centered(v, mean, n, d), n, d);
    for (int i = 0; i < s.length; i++) {
      s[i] /= n;
    }
    double[] var = new double[d];
    for (int j = 0; j < d; j++) {
      var[j] = s[j * d + j];
    }
    final double small = 1e-12;
    double[] psi = new double[d];
    Arrays.fill(psi, 1);
    double llconst = d * Math.log(2 * Math.PI) + q;
    double[] hist = new double[maxIter];
    double old = Double.NEGATIVE_INFINITY;
    double[] w = new double[q * d];
    boolean converged = false;
    int it = 0;
    while (it < maxIter) {
      ctx.poll();
      double[] sp = new double[d];
      for (int j = 0; j < d; j++) {
        sp[j] = Math.sqrt(psi[j]) + small;
      }
      double[] c = new double[d * d];
      double trace = 0;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          c[a * d + b] = s[a * d + b] / (sp[a] * sp[b]);
        }
        trace += c[a * d + a];
      }
      Eigen e = Eigen.of(c, d);
      double ll = llconst;
      double top = 0;
      for (int i = 0; i < q; i++) {
        double s2 = e.values[i];
        top += s2;
        ll += Math.log(s2);
        double f = Math.sqrt(Math.max(s2 - 1, 0));
        for (int j = 0; j < d; j++) {
          w[i * d + j] = f * e.vectors[i * d + j] * sp[j];
        }
      }
      ll += trace - top;
      for (int j = 0; j < d; j++) {
        ll += Math.log(psi[j]);
      }
      ll *= -n / 2.0;
      hist[it++] = ll;
      if (ll - old < tol) {
        converged = true;
        break;
      }
      old = ll;
      for (int j = 0; j < d; j++) {
        double ws = 0;
        for (int i = 0; i < q; i++) {
          ws += w[i * d + j] * w[i * d + j];
        }
        psi[j] = Math.max(var[j] - ws, small);
      }
    }
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("log_likelihood_history", Tensor.vector(Arrays.copyOf(hist, it)));
    st.put("iterations", (double) it);
    st.put("converged", converged);
    st.put("reason", converged ? "tolerance reached" : "max_iter reached");
    return new LatentGaussianModel("factor_analysis", w, q, d, mean, psi, st);
  }
}
