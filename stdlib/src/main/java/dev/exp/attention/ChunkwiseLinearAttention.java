package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;

/**
 * Chunkwise (tiled) causal linear attention in the style of Lightning Attention-2 (A09): exact
 * masked attention inside each block of C rows, plus the contribution of all earlier blocks through
 * the running state S = Σ_s λ^(·) φ(k_s)v_sᵀ. Equal to the causal forms of {@link LinearAttention}.
 */
public final class ChunkwiseLinearAttention {
  private ChunkwiseLinearAttention() {}

  @Kernel(name = "attention.linear_chunked", doc = "Causal linear attention computed chunkwise (Lightning Attention-2): "
      + "the sequence is cut into blocks of chunk rows (the last may be shorter); for block b with incoming state "
      + "S_{b−1} (and z_{b−1} for the denominator), local positions i, j: "
      + "O_b[i] = Σ_{j≤i} λ^(i−j) (φq_i·φk_j) v_j + λ^(i+1) S_{b−1}ᵀφq_i, then "
      + "S_b = λ^C S_{b−1} + Σ_j λ^(C−1−j) φ(k_j)v_jᵀ. Same numbers as attention.linear(..., causal: true) in the "
      + "recurrent or parallel form (up to rounding), at O(n·C·f + n·f·dv) cost. q, k [n, d], v [n, dv]; result [n, dv]. "
      + "decay λ ∈ [0, 1] (default none = 1); normalize divides by the same sum with v replaced by 1 (a zero "
      + "denominator gives a zero row). Blocks are processed in parallel where possible; the result does not depend on "
      + "the thread count. " + FeatureMaps.MAP_DOC
      + " Example: attention.linear_chunked(q, k, v, chunk: 64, normalize: false, decay: 0.99)")
  public static Tensor linearChunked(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v,
      @Arg(value = "chunk", dflt = "64") int chunk,
      @Arg(value = "feature_map", dflt = "\"elu1\"") Object featureMap,
      @Arg(value = "normalize", dflt = "true") boolean normalize,
      @Arg(value = "decay", dflt = "none") Double decay) {
    String kernel = "attention.linear_chunked";
    LinearArgs.qkv(q, k, v, true, kernel);
    LinearArgs.chunk(chunk, kernel);
    double lam = LinearArgs.decay(decay, kernel);
    LinearAttention.Mapped x = LinearAttention.Mapped.of(q, k, v, featureMap, kernel);
    return Tensor.wrap(new int[] {x.n(), x.dv()}, compute(x, chunk, lam, normalize));
  }

  /** At most this many state entries (blocks × f × dv) are kept at once; blocks are processed in groups. */
  static final long STATE_BUDGET = 1L << 24;

  static double[] compute(LinearAttention.Mapped x, int chunk, double lam, boolean normalize) {
    return compute(x, chunk, lam, normalize, STATE_BUDGET);
  }

  static double[] compute(LinearAttention.Mapped x, int chunk, double lam, boolean normalize, long budget) {
    int n = x.n();
    int f = x.f();
    int dv = x.dv();
    int nb = (n + chunk - 1) / chunk;
    int group = (int) Math.max(1, Math.min(nb, budget / Math.max(1L, (long) f * dv)));
    double[] pw = LinearArgs.powers(lam, chunk + 1);
    double[] s = new double[f * dv];
    double[] z = new double[f];
    double[] out = new double[n * dv];
    for (int g0 = 0; g0 < nb; g0 += group) {
      processGroup(x, chunk, pw, normalize, g0, Math.min(nb, g0 + group), s, z, out);
    }
    return out;
  }

  /**
   * Blocks b0..b1−1: (1) each block's own state contribution D_b = Σ_j λ^(len−1−j) φ(k_j)v_jᵀ, in parallel;
   * (2) the incoming states in order, S ← λ^len S + D_b (s and z are carried to the next group); (3) the
   * outputs of every block from its incoming state and its masked intra-block scores, in parallel.
   */
  private static void processGroup(LinearAttention.Mapped x, int chunk, double[] pw, boolean normalize, int b0, int b1,
      double[] s, double[] z, double[] out) {
    int n = x.n();
    int f = x.f();
    int dv = x.dv();
    double[] fq = x.fq();
    double[] fk = x.fk();
    double[] v = x.v();
    int nb = b1 - b0;
    double[][] ds = new double[nb][];
    double[][] dz = new double[nb][];
    Parallel.forEach(nb, i -> {
      int start = (b0 + i) * chunk;
      int len = Math.min(chunk, n - start);
      double[] sb = new double[f * dv];
      double[] zb = new double[f];
      double[] scaled = new double[f];
      for (int j = 0; j < len; j++) {
        double p = pw[len - 1 - j];
        int ko = (start + j) * f;
        for (int a = 0; a < f; a++) {
          scaled[a] = p * fk[ko + a];
        }
        LinearAttention.addOuter(sb, zb, scaled, 0, v, (start + j) * dv, f, dv);
      }
      ds[i] = sb;
      dz[i] = zb;
    });
    double[][] sIn = new double[nb][];
    double[][] zIn = new double[nb][];
    for (int i = 0; i < nb; i++) {
      sIn[i] = s.clone();
      zIn[i] = z.clone();
      int len = Math.min(chunk, n - (b0 + i) * chunk);
      double p = pw[len];
      for (int e = 0; e < s.length; e++) {
        s[e] = p * s[e] + ds[i][e];
      }
      for (int a = 0; a < f; a++) {
        z[a] = p * z[a] + dz[i][a];
      }
      ds[i] = null;
    }
    Parallel.forEach(nb, i -> {
      int start = (b0 + i) * chunk;
      int len = Math.min(chunk, n - start);
      double[] num = new double[dv];
      for (int r = 0; r < len; r++) {
        int t = start + r;
        double den = LinearAttention.readState(sIn[i], zIn[i], fq, t * f, f, dv, pw[r + 1], num);
        for (int j = 0; j <= r; j++) {
          int u = start + j;
          double a = pw[r - j] * LinearAttention.dot(fq, t * f, fk, u * f, f);
          den += a;
          for (int c = 0; c < dv; c++) {
            num[c] += a * v[u * dv + c];
          }
        }
        LinearAttention.finish(num, den, normalize, out, t * dv, dv);
      }
    });
  }
}
