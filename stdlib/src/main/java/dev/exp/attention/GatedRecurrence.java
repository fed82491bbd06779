package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Gated / decayed linear recurrence (A12; GLA, RetNet, mLSTM-style memories without normaliser):
 * S_t = diag(α_t) S_{t−1} + k_t v_tᵀ, o_t = S_tᵀ q_t, in the recurrent and the chunkwise form.
 */
public final class GatedRecurrence {
  private GatedRecurrence() {}

  @Kernel(name = "attention.gated", doc = "Gated linear recurrence (GLA / RetNet family): "
      + "S_t = diag(α_t) S_{t−1} + k_t v_tᵀ and o_t = S_tᵀ q_t, with state S [dk, dv] (starting at state, default zeros). "
      + "q, k [n, dk], v [n, dv]; result [n, dv]. alpha holds gates in [0, 1] (0 resets that key dimension): "
      + "a number γ (constant scalar decay, RetNet), a vector [n] (one scalar gate per step) or a matrix [n, dk] "
      + "(per-step, per-key-dimension gates, GLA). Unrolled: o_t = Σ_{s≤t} v_s Σ_c q_tc k_sc Π_{r=s+1..t} α_rc "
      + "(+ the decayed initial state). form \"recurrent\" (default) steps through time; \"chunked\" splits the "
      + "sequence into blocks of chunk rows: masked gated attention inside a block, the incoming state for the rest "
      + "(the gate products are formed directly, so zero gates are fine); both give the same numbers up to rounding. "
      + "No denominator (compare attention.linear with normalize: false and decay). With return_state: true the "
      + "result is the record {out, state} with the final state [dk, dv]. "
      + "Example: attention.gated(q, k, v, 0.95, form: \"chunked\", chunk: 32)")
  public static Object gated(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v, @Arg("alpha") Tensor alpha,
      @Arg(value = "form", dflt = "\"recurrent\"") String form,
      @Arg(value = "chunk", dflt = "64") int chunk,
      @Arg(value = "state", dflt = "none") Tensor state,
      @Arg(value = "return_state", dflt = "false") boolean returnState) {
    String kernel = "attention.gated";
    LinearArgs.oneOf(form, kernel, "form", "recurrent", "chunked");
    LinearArgs.steps(q, k, v, kernel);
    LinearArgs.chunk(chunk, kernel);
    int n = q.dim(0);
    int dk = q.dim(1);
    int dv = v.dim(1);
    double[] g = gates(alpha, n, dk, kernel);
    double[] s = LinearArgs.state(state, dk, dv, kernel, "[dk, dv]");
    double[] out = form.equals("recurrent")
        ? recurrent(q.raw(), k.raw(), v.raw(), g, s, n, dk, dv)
        : chunked(q.raw(), k.raw(), v.raw(), g, s, n, dk, dv, chunk);
    return LinearArgs.result(Tensor.wrap(new int[] {n, dv}, out), Tensor.wrap(new int[] {dk, dv}, s), returnState);
  }

  /** Expands alpha to per-step, per-key-dimension gates [n, dk]. */
  static double[] gates(Tensor alpha, int n, int dk, String kernel) {
    if (alpha == null) {
      throw KernelException.of("%s: alpha (gates) is required", kernel);
    }
    TensorArgs.requireFinite(alpha, kernel, "alpha");
    double[] a = alpha.raw();
    for (double x : a) {
      if (x < 0 || x > 1) {
        throw KernelException.of("%s: gates alpha must be in [0, 1], got %s", kernel, TensorArgs.fmt(x));
      }
    }
    double[] g = new double[n * dk];
    if (alpha.rank() == 0) {
      java.util.Arrays.fill(g, a[0]);
    } else if (alpha.rank() == 1 && alpha.dim(0) == n) {
      for (int t = 0; t < n; t++) {
        java.util.Arrays.fill(g, t * dk, (t + 1) * dk, a[t]);
      }
    } else if (alpha.rank() == 2 && alpha.dim(0) == n && alpha.dim(1) == dk) {
      System.arraycopy(a, 0, g, 0, g.length);
    } else {
      throw KernelException.of("%s: alpha has shape %s; expected a number, a vector [%d] (per step) or a matrix "
          + "[%d, %d] (per step and key dimension) for q of shape [%d, %d]", kernel, Tensor.shapeString(alpha.shape()),
          n, n, dk, n, dk);
    }
    return g;
  }

  private static double[] recurrent(double[] q, double[] k, double[] v, double[] g, double[] s, int n, int dk, int dv) {
    double[] out = new double[n * dv];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < dk; c++) {
        double a = g[t * dk + c];
        double kc = k[t * dk + c];
        int so = c * dv;
        for (int e = 0; e < dv; e++) {
          s[so + e] = a * s[so + e] + kc * v[t * dv + e];
        }
      }
      for (int c = 0; c < dk; c++) {
        double qc = q[t * dk + c];
        int so = c * dv;
        for (int e = 0; e < dv; e++) {
          out[t * dv + e] += qc * s[so + e];
        }
      }
    }
    return out;
  }

  /**
   * Chunkwise form. Per block (start p, length L): decay-to-end products e_j = Π_{r=j+1..L−1} α_r and the
   * block's own state contribution D = Σ_j diag(e_j) k_j v_jᵀ are independent of other blocks; the incoming
   * states follow block by block (S ← diag(Π_block α) S + D); the outputs are
   * o_i = (q_i ⊙ Π_{r=0..i} α_r)ᵀ S_in + Σ_{j≤i} (Σ_c q_ic k_jc Π_{r=j+1..i} α_rc) v_j.
   */
  private static double[] chunked(double[] q, double[] k, double[] v, double[] g, double[] s, int n, int dk, int dv,
      int chunk) {
    int nb = (n + chunk - 1) / chunk;
    double[][] ds = new double[nb][];
    double[][] decay = new double[nb][];
    Parallel.forEach(nb, b -> {
      int start = b * chunk;
      int len = Math.min(chunk, n - start);
      double[] d = new double[dk * dv];
      double[] e = new double[dk];
      java.util.Arrays.fill(e, 1);
      for (int j = len - 1; j >= 0; j--) {
        int t = start + j;
        for (int c = 0; c < dk; c++) {
          double kc = k[t * dk + c] * e[c];
          int so = c * dv;
          for (int x = 0; x < dv; x++) {
            d[so + x] += kc * v[t * dv + x];
          }
          e[c] *= g[t * dk + c];
        }
      }
      ds[b] = d;
      decay[b] = e; // now the product over the whole block
    });
    double[][] sIn = new double[nb][];
    for (int b = 0; b < nb; b++) {
      sIn[b] = s.clone();
      for (int c = 0; c < dk; c++) {
        double a = decay[b][c];
        int so = c * dv;
        for (int x = 0; x < dv; x++) {
          s[so + x] = a * s[so + x] + ds[b][so + x];
        }
      }
    }
    double[] out = new double[n * dv];
    Parallel.forEach(nb, b -> {
      int start = b * chunk;
      int len = Math.min(chunk, n - start);
      double[] cum = new double[dk];
      java.util.Arrays.fill(cum, 1);
      double[] p = new double[dk];
      for (int i = 0; i < len; i++) {
        int t = start + i;
        int oo = t * dv;
        for (int c = 0; c < dk; c++) {
          cum[c] *= g[t * dk + c];
          double qc = q[t * dk + c] * cum[c];
          if (qc == 0) {
            continue;
          }
          int so = c * dv;
          for (int x = 0; x < dv; x++) {
            out[oo + x] += qc * sIn[b][so + x];
          }
        }
        java.util.Arrays.fill(p, 1);
        for (int j = i; j >= 0; j--) {
          int u = start + j;
          double a = 0;
          for (int c = 0; c < dk; c++) {
            a += q[t * dk + c] * k[u * dk + c] * p[c];
            p[c] *= g[u * dk + c];
          }
          for (int x = 0; x < dv; x++) {
            out[oo + x] += a * v[u * dv + x];
          }
        }
      }
    });
    return out;
  }
}
