package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Linear self-attention (no softmax) as an in-context learner (A24): von Oswald et al., "Transformers
 * learn in-context by gradient descent", and Akyürek et al., "What learning algorithm is in-context
 * learning? Investigations with linear models".
 */
public final class LinearSelfAttention {
  private LinearSelfAttention() {}

  @Kernel(name = "attention.lsa", doc = "One residual linear self-attention layer on in-context regression "
      + "tokens: z_j' = z_j + (1/n) Σ_{i<n} (z_iᵀ W_KQ z_j) · W_PV z_i for every row j. z is [n+1, d+1]: rows "
      + "0 .. n−1 are the context tokens (x_i, y_i), the last row is the query (x_q, 0). The keys and values are "
      + "the n context rows only (the query row attends but is not attended to); every row, the query's "
      + "included, is updated. W_KQ = W_Kᵀ W_Q and W_PV = P·W_V are [d+1, d+1] and act on column vectors z. "
      + "With the weights of attention.lsa_gd_weights(d, eta) the query row's last entry becomes −ŷ, "
      + "ŷ = (eta/n) Σ y_i x_iᵀ x_q, one gradient-descent step from w = 0 on the in-context least squares "
      + "(1/2n) Σ (wᵀx_i − y_i)²; L stacked layers give L steps. Example: let w = attention.lsa_gd_weights(2, 0.1); "
      + "let yhat = -attention.lsa(z, w.w_kq, w.w_pv)[-1, -1]")
  public static Tensor lsa(@Arg("z") Tensor z, @Arg("w_kq") Tensor wkq, @Arg("w_pv") Tensor wpv) {
    String fn = "attention.lsa";
    if (z.rank() != 2 || z.dim(0) < 2) {
      throw KernelException.of("%s: z has shape %s; expected [n+1, d+1] with n >= 1 context rows and a query row",
          fn, Tensor.shapeString(z.shape()));
    }
    int rows = z.dim(0);
    int e = z.dim(1);
    for (Object[] w : new Object[][] {{"w_kq", wkq}, {"w_pv", wpv}}) {
      Tensor t = (Tensor) w[1];
      if (t.rank() != 2 || t.dim(0) != e || t.dim(1) != e) {
        throw KernelException.of("%s: %s has shape %s but the tokens have %d features; expected [%d, %d]", fn, w[0],
            Tensor.shapeString(t.shape()), e, e, e);
      }
    }
    TensorArgs.requireFinite(z, fn, "z");
    int n = rows - 1;
    double[] zd = z.raw();
    double[] kq = wkq.raw();
    double[] pv = wpv.raw();
    // keys_i = W_KQᵀ z_i so that z_iᵀ W_KQ z_j = keys_i · z_j; values_i = W_PV z_i
    double[] keys = new double[n * e];
    double[] vals = new double[n * e];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < e; a++) {
        double sk = 0;
        double sv = 0;
        for (int b = 0; b < e; b++) {
          sk += kq[b * e + a] * zd[i * e + b];
          sv += pv[a * e + b] * zd[i * e + b];
        }
        keys[i * e + a] = sk;
        vals[i * e + a] = sv;
      }
    }
    double[] out = zd.clone();
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int a = 0; a < e; a++) {
          s += keys[i * e + a] * zd[j * e + a];
        }
        s /= n;
        for (int a = 0; a < e; a++) {
          out[j * e + a] += s * vals[i * e + a];
        }
      }
    }
    return Tensor.wrap(z.shape(), out);
  }

  @Kernel(name = "attention.lsa_gd_weights", doc = "Weights that make attention.lsa perform one step of gradient "
      + "descent on in-context linear regression: W_KQ = [[I_d, 0], [0, 0]] and W_PV = [[0, 0], [0, −eta]], "
      + "both [d+1, d+1] (the construction of von Oswald et al., 2023). Then the query row's last entry after one layer is −ŷ "
      + "with ŷ = (eta/n) Σ_i y_i x_iᵀ x_q, the prediction of w₁ = w₀ − eta·∇L(w₀) from w₀ = 0 for "
      + "L(w) = (1/2n) Σ (wᵀx_i − y_i)²; each context row's last entry becomes its residual y_i − w₁ᵀx_i, so "
      + "L stacked layers perform L steps. Returns {w_kq, w_pv}. Example: attention.lsa_gd_weights(3, 0.5)")
  public static Map<String, Object> lsaGdWeights(@Arg("d") int d, @Arg("eta") double eta) {
    if (d < 1) {
      throw KernelException.of("attention.lsa_gd_weights: d must be >= 1, got %d", d);
    }
    if (!Double.isFinite(eta)) {
      throw KernelException.of("attention.lsa_gd_weights: eta must be finite, got %s", TensorArgs.fmt(eta));
    }
    int e = d + 1;
    double[] kq = new double[e * e];
    for (int i = 0; i < d; i++) {
      kq[i * e + i] = 1;
    }
    double[] pv = new double[e * e];
    pv[e * e - 1] = -eta;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("w_kq", Tensor.wrap(new int[] {e, e}, kq));
    r.put("w_pv", Tensor.wrap(new int[] {e, e}, pv));
    return r;
  }
}
