package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * The delta-rule recurrence of DeltaNet (A13): S_t = S_{t−1}(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,
 * o_t = S_t q_t. The chunkwise WY form lives in {@link DeltaRuleChunkwise}.
 */
public final class DeltaRule {
  private DeltaRule() {}

  @Kernel(name = "attention.delta", doc = "Delta-rule linear recurrence (DeltaNet): "
      + "S_t = S_{t−1}(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ = S_{t−1} + β_t (v_t − S_{t−1}k_t) k_tᵀ and o_t = S_t q_t, "
      + "with state S [dv, dk] (note: [dv, dk], not [dk, dv] as in attention.gated), starting at state (default zeros). "
      + "q, k [n, dk], v [n, dv]; result [n, dv]. Each step is one LMS / Kaczmarz step on |S k_t − v_t|² with step β_t: "
      + "with |k_t| = 1 and β_t = 1 reading k_t right after writing returns v_t exactly. beta is a number or a vector "
      + "[n], each in [0, 2]; the transition I − β k kᵀ has eigenvalue 1 − β ∈ [−1, 1] along a unit key (β = 2 is a "
      + "reflection). Keys are expected to have unit norm; normalize_keys: true divides each key by its norm (a zero "
      + "key is then an error). form \"recurrent\" (default) steps through time; \"chunked\" is the WY/UT chunkwise "
      + "form (see attention.householder_wy) over blocks of chunk rows (default 16; the last block may be shorter); "
      + "the two agree up to rounding, final state included. With return_state: true the result is the record "
      + "{out, state}. Example: attention.delta(q, k, v, 1, normalize_keys: true, return_state: true).state")
  public static Object delta(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v, @Arg("beta") Tensor beta,
      @Arg(value = "form", dflt = "\"recurrent\"") String form,
      @Arg(value = "chunk", dflt = "16") int chunk,
      @Arg(value = "state", dflt = "none") Tensor state,
      @Arg(value = "return_state", dflt = "false") boolean returnState,
      @Arg(value = "normalize_keys", dflt = "false") boolean normalizeKeys) {
    String kernel = "attention.delta";
    LinearArgs.oneOf(form, kernel, "form", "recurrent", "chunked");
    LinearArgs.steps(q, k, v, kernel);
    LinearArgs.chunk(chunk, kernel);
    int n = q.dim(0);
    int dk = q.dim(1);
    int dv = v.dim(1);
    double[] b = betas(beta, n, kernel);
    double[] keys = normalizeKeys ? unitRows(k, kernel) : k.raw();
    double[] s = LinearArgs.state(state, dv, dk, kernel, "[dv, dk]");
    double[] out = form.equals("recurrent")
        ? recurrent(q.raw(), keys, v.raw(), b, s, n, dk, dv)
        : DeltaRuleChunkwise.chunked(q.raw(), keys, v.raw(), b, s, n, dk, dv, chunk);
    return LinearArgs.result(Tensor.wrap(new int[] {n, dv}, out), Tensor.wrap(new int[] {dv, dk}, s), returnState);
  }

  /** β as one value per step, each in [0, 2]. */
  static double[] betas(Tensor beta, int n, String kernel) {
    if (beta == null) {
      throw KernelException.of("%s: beta is required", kernel);
    }
    TensorArgs.requireFinite(beta, kernel, "beta");
    double[] b = new double[n];
    if (beta.rank() == 0) {
      java.util.Arrays.fill(b, beta.raw()[0]);
    } else if (beta.rank() == 1 && beta.dim(0) == n) {
      System.arraycopy(beta.raw(), 0, b, 0, n);
    } else {
      throw KernelException.of("%s: beta has shape %s; expected a number or a vector [%d] (one per step)", kernel,
          Tensor.shapeString(beta.shape()), n);
    }
    for (double x : b) {
      if (x < 0 || x > 2) {
        throw KernelException.of("%s: beta must be in [0, 2] (transition eigenvalue 1 − β in [−1, 1]), got %s", kernel,
            TensorArgs.fmt(x));
      }
    }
    return b;
  }

  /** The rows of k divided by their norms (a fresh array). */
  static double[] unitRows(Tensor k, String kernel) {
    int n = k.dim(0);
    int d = k.dim(1);
    double[] src = k.raw();
    double[] out = new double[n * d];
    for (int t = 0; t < n; t++) {
      double sq = 0;
      for (int c = 0; c < d; c++) {
        sq += src[t * d + c] * src[t * d + c];
      }
      if (sq == 0) {
        throw KernelException.of("%s: key %d is zero and cannot be normalised (k has shape %s)", kernel, t,
            Tensor.shapeString(k.shape()));
      }
      double inv = 1 / Math.sqrt(sq);
      for (int c = 0; c < d; c++) {
        out[t * d + c] = src[t * d + c] * inv;
      }
    }
    return out;
  }

  static double[] recurrent(double[] q, double[] k, double[] v, double[] b, double[] s, int n, int dk, int dv) {
    double[] out = new double[n * dv];
    double[] err = new double[dv];
    for (int t = 0; t < n; t++) {
      int ko = t * dk;
      for (int e = 0; e < dv; e++) {
        err[e] = b[t] * (v[t * dv + e] - LinearAttention.dot(s, e * dk, k, ko, dk));
      }
      for (int e = 0; e < dv; e++) {
        double r = err[e];
        int so = e * dk;
        for (int c = 0; c < dk; c++) {
          s[so + c] += r * k[ko + c];
        }
      }
      for (int e = 0; e < dv; e++) {
        out[t * dv + e] = LinearAttention.dot(s, e * dk, q, ko, dk);
      }
    }
    return out;
  }
}
