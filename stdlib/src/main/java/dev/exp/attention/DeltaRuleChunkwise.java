package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chunkwise-parallel delta rule (A14) through the WY / UT representation of products of
 * generalized Householder transitions (T09).
 *
 * <p>For a chunk with keys K [C, dk], values V [C, dv], rates β and incoming state S₀ [dv, dk]:
 * T = (I + tril(diag(β)KKᵀ, −1))⁻¹ diag(β), W = TK, U = TV (both by forward substitution),
 * Ũ = U − W S₀ᵀ, O = Q S₀ᵀ + tril(QKᵀ) Ũ (diagonal included), S = S₀ + ŨᵀK.
 */
public final class DeltaRuleChunkwise {
  private DeltaRuleChunkwise() {}

  @Kernel(name = "attention.householder_wy", doc = "WY (UT) representation of a product of generalized Householder "
      + "transitions: P = (I − β_1 k_1 k_1ᵀ)(I − β_2 k_2 k_2ᵀ)···(I − β_n k_n k_nᵀ) = I − Wᵀ K with "
      + "w_t = β_t (k_t − Σ_{i<t} (k_iᵀk_t) w_i), i.e. W = T K with T = (I + tril(diag(β) K Kᵀ, −1))⁻¹ diag(β) "
      + "(lower triangular). k [n, d] (rows are the vectors k_t, not normalised here), beta a number or a vector [n] "
      + "in [0, 2]. Returns the record {W [n, d], T [n, n], P [d, d]}. This is the algebra behind "
      + "attention.delta(form: \"chunked\"): a delta-rule chunk maps its incoming state S₀ to S₀ P + (terms in V). "
      + "Example: attention.householder_wy(k, 2).P")
  public static Map<String, Object> householderWy(@Arg("k") Tensor k, @Arg("beta") Tensor beta) {
    String kernel = "attention.householder_wy";
    LinearArgs.matrix(k, kernel, "k");
    int n = k.dim(0);
    int d = k.dim(1);
    double[] b = DeltaRule.betas(beta, n, kernel);
    double[] kk = k.raw();
    // T by forward substitution: row i of (I + A) T = diag(β), A_ij = β_i k_i·k_j for j < i
    double[] t = new double[n * n];
    for (int i = 0; i < n; i++) {
      t[i * n + i] = b[i];
      for (int j = 0; j < i; j++) {
        double a = b[i] * LinearAttention.dot(kk, i * d, kk, j * d, d);
        if (a == 0) {
          continue;
        }
        for (int c = 0; c <= j; c++) {
          t[i * n + c] -= a * t[j * n + c];
        }
      }
    }
    double[] w = wy(kk, kk, b, 0, n, d, d);
    double[] p = new double[d * d];
    for (int r = 0; r < d; r++) {
      p[r * d + r] = 1;
    }
    for (int s = 0; s < n; s++) {
      for (int r = 0; r < d; r++) {
        double wr = w[s * d + r];
        for (int c = 0; c < d; c++) {
          p[r * d + c] -= wr * kk[s * d + c];
        }
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("W", Tensor.wrap(new int[] {n, d}, w));
    r.put("T", Tensor.wrap(new int[] {n, n}, t));
    r.put("P", Tensor.wrap(new int[] {d, d}, p));
    return r;
  }

  /**
   * Rows x_i = β_i y_i − β_i Σ_{j<i} (k_i·k_j) x_j for the rows start..start+len−1 of k and y (row length
   * dy): the product T Y of the UT transform, by forward substitution.
   */
  static double[] wy(double[] k, double[] y, double[] b, int start, int len, int dk, int dy) {
    double[] x = new double[len * dy];
    for (int i = 0; i < len; i++) {
      int ti = start + i;
      for (int e = 0; e < dy; e++) {
        x[i * dy + e] = y[ti * dy + e];
      }
      for (int j = 0; j < i; j++) {
        double a = LinearAttention.dot(k, ti * dk, k, (start + j) * dk, dk);
        if (a == 0) {
          continue;
        }
        for (int e = 0; e < dy; e++) {
          x[i * dy + e] -= a * x[j * dy + e];
        }
      }
      for (int e = 0; e < dy; e++) {
        x[i * dy + e] *= b[ti];
      }
    }
    return x;
  }

  /** Chunkwise delta rule; s (the state [dv, dk]) is updated in place to the final state. */
  static double[] chunked(double[] q, double[] k, double[] v, double[] b, double[] s, int n, int dk, int dv,
      int chunk) {
    int nb = (n + chunk - 1) / chunk;
    double[][] ws = new double[nb][];
    double[][] us = new double[nb][];
    Parallel.forEach(nb, c -> {
      int start = c * chunk;
      int len = Math.min(chunk, n - start);
      ws[c] = wy(k, k, b, start, len, dk, dk);
      us[c] = wy(k, v, b, start, len, dk, dv);
    });
    double[] out = new double[n * dv];
    for (int c = 0; c < nb; c++) {
      int start = c * chunk;
      int len = Math.min(chunk, n - start);
      double[] w = ws[c];
      double[] u = us[c];
      // Ũ = U − W S₀ᵀ, in place in u
      for (int i = 0; i < len; i++) {
        for (int e = 0; e < dv; e++) {
          u[i * dv + e] -= LinearAttention.dot(s, e * dk, w, i * dk, dk);
        }
      }
      // O = Q S₀ᵀ + tril(QKᵀ) Ũ
      for (int i = 0; i < len; i++) {
        int t = start + i;
        int oo = t * dv;
        for (int e = 0; e < dv; e++) {
          out[oo + e] = LinearAttention.dot(s, e * dk, q, t * dk, dk);
        }
        for (int j = 0; j <= i; j++) {
          double a = LinearAttention.dot(q, t * dk, k, (start + j) * dk, dk);
          for (int e = 0; e < dv; e++) {
            out[oo + e] += a * u[j * dv + e];
          }
        }
      }
      // S = S₀ + Ũᵀ K
      for (int j = 0; j < len; j++) {
        int ko = (start + j) * dk;
        for (int e = 0; e < dv; e++) {
          double ue = u[j * dv + e];
          int so = e * dk;
          for (int x = 0; x < dk; x++) {
            s[so + x] += ue * k[ko + x];
          }
        }
      }
    }
    return out;
  }
}
