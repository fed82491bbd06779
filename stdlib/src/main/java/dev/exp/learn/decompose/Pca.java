package dev.exp.learn.decompose;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Model;
import dev.exp.learn.cluster.Inputs;
import dev.exp.linalg.Decompositions;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Principal component analysis (namespace {@code learn}) and the inverse transform of latent models. */
public final class Pca {
  private Pca() {}

  @Kernel(name = "learn.pca", doc = "Principal component analysis of the rows of X (n×d). Centres X and takes the "
      + "top n_components (default none: min(n, d)) right singular vectors of the centred matrix: for n ≥ d from the "
      + "eigen-decomposition of XcᵀXc (LAPACK dsyevd), otherwise from the SVD of Xc. Each component's sign makes its "
      + "largest-magnitude entry positive. Returns a pca model with components (n_components×d, orthonormal rows), "
      + "explained_variance (eigenvalues of the sample covariance, ddof 1), explained_variance_ratio, "
      + "singular_values, mean, noise_variance (mean of the discarded variances, 0 when none) and whiten. "
      + "transform(m, x) gives the scores (x − mean) componentsᵀ, divided by √explained_variance when whiten is "
      + "true; learn.inverse_transform(m, z) maps scores back; score(m, x, y) is the average log-likelihood under "
      + "N(mean, componentsᵀ diag(explained_variance − noise_variance) components + noise_variance·I) (y ignored). "
      + "Example: let m = learn.pca(X, n_components: 2); transform(m, X)")
  public static PcaModel pca(@Arg("X") Tensor x, @Arg(value = "n_components", dflt = "none") Integer nComponents,
      @Arg(value = "whiten", dflt = "false") boolean whiten) {
    String fn = "learn.pca";
    double[] v = Inputs.matrix(x, fn, "X", 2);
    int n = x.dim(0);
    int d = x.dim(1);
    int r = Math.min(n, d);
    int q = nComponents == null ? r : nComponents;
    if (q < 1 || q > r) {
      throw KernelException.of("%s: n_components must be in [1, min(n, d)] = [1, %d] for X of shape [%d, %d], got %d",
          fn, r, n, d, q);
    }
    double[] mean = Linear.columnMeans(v, n, d);
    double[] xc = Linear.centered(v, mean, n, d);
    double[] sv = new double[r];
    double[] comps = new double[r * d];
    if (n >= d) {
      Eigen e = Eigen.of(Linear.gram(xc, n, d), d);
      for (int i = 0; i < r; i++) {
        sv[i] = Math.sqrt(Math.max(e.values[i], 0));
      }
      System.arraycopy(e.vectors, 0, comps, 0, r * d);
    } else {
      Map<String, Object> s = Decompositions.svd(Tensor.wrap(new int[] {n, d}, xc.clone()), false);
      System.arraycopy(((Tensor) s.get("s")).raw(), 0, sv, 0, r);
      System.arraycopy(((Tensor) s.get("vt")).raw(), 0, comps, 0, r * d);
      for (int i = 0; i < r; i++) {
        int big = 0;
        for (int t = 0; t < d; t++) {
          if (Math.abs(comps[i * d + t]) > Math.abs(comps[i * d + big])) {
            big = t;
          }
        }
        if (comps[i * d + big] < 0) {
          for (int t = 0; t < d; t++) {
            comps[i * d + t] = -comps[i * d + t];
          }
        }
      }
    }
    double total = 0;
    for (double e : xc) {
      total += e * e;
    }
    total /= n - 1;
    double[] ev = new double[q];
    double[] ratio = new double[q];
    double[] sing = new double[q];
    for (int i = 0; i < q; i++) {
      sing[i] = sv[i];
      ev[i] = sv[i] * sv[i] / (n - 1);
      ratio[i] = total > 0 ? ev[i] / total : 0;
    }
    double noise = 0;
    if (q < r) {
      for (int i = q; i < r; i++) {
        noise += sv[i] * sv[i] / (n - 1);
      }
      noise /= r - q;
    }
    double[] c = new double[q * d];
    System.arraycopy(comps, 0, c, 0, q * d);
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("explained_variance_ratio", Tensor.vector(ratio));
    st.put("singular_values", Tensor.vector(sing));
    st.put("noise_variance", noise);
    st.put("n_components", (double) q);
    st.put("whiten", whiten);
    return new PcaModel(Tensor.wrap(new int[] {q, d}, c), Tensor.vector(ev), Tensor.vector(mean), st);
  }

  @Kernel(name = "learn.inverse_transform", doc = "Maps latent coordinates z (rows are samples) of a pca, ppca or "
      + "factor_analysis model back to feature space: z · components + mean for PCA (undoing the whitening), "
      + "z Wᵀ + mean for PPCA and factor analysis. Example: learn.inverse_transform(m, transform(m, X))")
  public static Tensor inverseTransform(@Arg("model") Model model, @Arg("z") Tensor z) {
    if (model instanceof Invertible inv) {
      return inv.inverseTransform(z);
    }
    throw new KernelException("a " + model.kind() + " model has no inverse_transform (pca, ppca and factor_analysis do)");
  }
}
