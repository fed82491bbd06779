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

  static double[] compute(LinearAttention.Mapped x, int chunk, double lam, boolean normalize) {
    int n = x.n();
    int f = x.f();
    int dv = x.dv();
    int nb = (n + chunk - 1) / chunk;
    double[] pw = LinearArgs.powers(lam, chunk + 1);
    double[] fq = x.fq();
    double[] fk = x.fk();
    double[] v = x.v();
    // 1. each block's own contribution to the state at its end (independent blocks)
    double[][] ds = new double[nb][];
    double[][] dz = new double[nb][];
    Parallel.forEach(nb, b -> {
      int start = b * chunk;
      int len = Math.min(chunk, n - start);
      double[] s = new double[f * dv];
      double[] z = new double[f];
      double[] scaled = new double[f];
      for (int j = 0; j < len; j++) {
        double p = pw[len - 1 - j];
        int ko = (start + j) * f;
        for (int a = 0; a < f; a++) {
          scaled[a] = p * fk[ko + a];
        }
        LinearAttention.addOuter(s, z, scaled, 0, v, (start + j) * dv, f, dv);
      }
      ds[b] = s;
      dz[b] = z;
    });
    // 2. incoming states, block after block: S_b = λ^len S_{b−1} + D_b
    double[][] sIn = new double[nb][];
    double[][] zIn = new double[nb][];
    double[] s = new double[f * dv];
    double[] z = new double[f];
    for (int b = 0; b < nb; b++) {
      sIn[b] = s.clone();
      zIn[b] = z.clone();
      int len = Math.min(chunk, n - b * chunk);
      double p = pw[len];
      for (int i = 0; i < s.length; i++) {
        s[i] = p * s[i] + ds[b][i];
      }
      for (int a = 0; a < f; a++) {
        z[a] = p * z[a] + dz[b][a];
      }
    }
    // 3. outputs: inter-block part from the incoming state, intra-block part masked
    double[] out = new double[n * dv];
    Parallel.forEach(nb, b -> {
      int start = b * chunk;
      int len = Math.min(chunk, n - start);
      double[] num = new double[dv];
      for (int i = 0; i < len; i++) {
        int t = start + i;
        double den = LinearAttention.readState(sIn[b], zIn[b], fq, t * f, f, dv, pw[i + 1], num);
        for (int j = 0; j <= i; j++) {
          int u = start + j;
          double a = pw[i - j] * LinearAttention.dot(fq, t * f, fk, u * f, f);
          den += a;
          for (int c = 0; c < dv; c++) {
            num[c] += a * v[u * dv + c];
          }
        }
        LinearAttention.finish(num, den, normalize, out, t * dv, dv);
      }
    });
    return out;
  }
}
