package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;

/**
 * Linear attention with a feature map φ (A07): the parallel and recurrent forms, the implied
 * attention matrix, and dispatch to the chunkwise form of {@link ChunkwiseLinearAttention}.
 *
 * <p>With decay λ (causal only) every form computes o_t = Σ_{s≤t} λ^{t−s} (φq_t·φk_s) v_s, divided by
 * Σ_{s≤t} λ^{t−s} (φq_t·φk_s) when normalize is true. A row whose denominator is exactly 0 (e.g. ReLU
 * features that are all zero) gets a zero output.
 */
public final class LinearAttention {
  private LinearAttention() {}

  private static final int ROW_BLOCK = 64;

  @Kernel(name = "attention.linear", doc = "Linear attention with feature map φ: "
      + "o_i = Σ_j w_ij v_j with w_ij = φ(q_i)·φ(k_j) over the keys j visible to query i, divided by Σ_j φ(q_i)·φ(k_j) when "
      + "normalize is true (default). q [n, d], k [m, d], v [m, dv]; result [n, dv]. "
      + "Non-causal (default): o = φ(Q)(φ(K)ᵀV) ⊘ φ(Q)(φ(K)ᵀ1), n and m may differ. causal: true needs n = m and "
      + "lets query t see keys s ≤ t. Forms (all give the same numbers up to rounding): \"parallel\" (default; causal: "
      + "((φ(Q)φ(K)ᵀ) ⊙ M)V row-normalised, O(n²)), \"recurrent\" (S_t = λS_{t−1} + φ(k_t)v_tᵀ, z_t = λz_{t−1} + φ(k_t), "
      + "o_t = S_tᵀφ(q_t) / z_tᵀφ(q_t); O(n·f·dv)), \"chunked\" (causal only; Lightning-2 blocks of chunk rows, see "
      + "attention.linear_chunked). decay λ ∈ [0, 1] (causal only, default none = 1) weights key s at query t by λ^(t−s), "
      + "in the numerator and the denominator. A row whose denominator is exactly 0 (e.g. all-zero ReLU features) is "
      + "output as zeros. " + FeatureMaps.MAP_DOC + " Pass already-mapped features with feature_map: \"identity\". "
      + "Shorthand for the Performer drop-in: features: \"favor+\" (or \"favor+orth\") with m draws m random features "
      + "(attention.random_features(d, m, kind: features, seed: seed); seed: as for every random function) and scales q "
      + "and k by d^(−1/4), so that the result estimates attention.softmax(q, k, v) (default scale 1/√d) without bias, "
      + "with an error falling like m^(−1/2); features: with any other kind name is feature_map: with that name. "
      + "Example: attention.linear(q, k, v, feature_map: \"elu1\", causal: true, form: \"recurrent\"); "
      + "attention.linear(q, k, v, causal: true, features: \"favor+\", m: 256, seed: 1)")
  public static Tensor linear(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v,
      @Arg(value = "feature_map", dflt = "\"elu1\"") Object featureMap,
      @Arg(value = "causal", dflt = "false") boolean causal,
      @Arg(value = "form", dflt = "\"parallel\"") String form,
      @Arg(value = "normalize", dflt = "true") boolean normalize,
      @Arg(value = "decay", dflt = "none") Double decay,
      @Arg(value = "chunk", dflt = "64") int chunk,
      @Arg(value = "features", dflt = "none") String features,
      @Arg(value = "m", dflt = "none") Integer m,
      @Arg(value = "seed", dflt = "none") dev.exp.random.Rng seed) {
    String kernel = "attention.linear";
    if (features != null || m != null) {
      if (features == null) {
        throw KernelException.of("%s: m is the number of random features of features: \"favor+\"; pass features too", kernel);
      }
      if (!"elu1".equals(featureMap)) {
        throw KernelException.of("%s: give feature_map or features, not both", kernel);
      }
      if (features.equals("favor+") || features.equals("favor+orth")) {
        if (m == null) {
          throw KernelException.of("%s: features \"%s\" draws m random features: pass m (e.g. m: 256)", kernel, features);
        }
        LinearArgs.qkv(q, k, v, causal, kernel);
        double s = Math.pow(q.dim(q.rank() - 1), -0.25);
        Object rf = FeatureMaps.randomFeatures(q.dim(q.rank() - 1), m, features, seed);
        Tensor sc = Tensor.scalar(s);
        return linear(dev.exp.tensor.TensorOps.binary(dev.exp.tensor.op.BinaryOp.MUL, q, sc),
            dev.exp.tensor.TensorOps.binary(dev.exp.tensor.op.BinaryOp.MUL, k, sc), v, rf, causal, form, normalize, decay, chunk, null, null, null);
      }
      if (m != null) {
        throw KernelException.of("%s: m applies to the random features \"favor+\" and \"favor+orth\", not \"%s\"", kernel, features);
      }
      featureMap = features;
    }
    LinearArgs.oneOf(form, kernel, "form", "parallel", "recurrent", "chunked");
    LinearArgs.qkv(q, k, v, causal, kernel);
    double lam = LinearArgs.decay(decay, kernel);
    if (decay != null && !causal) {
      throw KernelException.of("%s: decay applies to causal attention only; pass causal: true", kernel);
    }
    if (form.equals("chunked")) {
      if (!causal) {
        throw KernelException.of("%s: form \"chunked\" is the causal chunkwise form; pass causal: true "
            + "(non-causal attention is already linear in the parallel form)", kernel);
      }
      LinearArgs.chunk(chunk, kernel);
    }
    Mapped x = Mapped.of(q, k, v, featureMap, kernel);
    double[] out;
    if (form.equals("chunked")) {
      out = ChunkwiseLinearAttention.compute(x, chunk, lam, normalize);
    } else if (!causal) {
      out = nonCausal(x, normalize, form.equals("recurrent"));
    } else if (form.equals("recurrent")) {
      out = causalRecurrent(x, lam, normalize);
    } else {
      out = causalParallel(x, lam, normalize);
    }
    return Tensor.wrap(new int[] {x.n, x.dv}, out);
  }

  /** {@link #linear} with a feature map and no shorthand (for Java callers). */
  public static Tensor linear(Tensor q, Tensor k, Tensor v, Object featureMap, boolean causal, String form,
      boolean normalize, Double decay, int chunk) {
    return linear(q, k, v, featureMap, causal, form, normalize, decay, chunk, null, null, null);
  }

  @Kernel(name = "attention.linear_weights", doc = "The attention matrix implied by linear attention, for diagnostics: "
      + "w_ij = λ^(i−j) φ(q_i)·φ(k_j) for the keys visible to query i (all keys, or j ≤ i when causal), divided by the "
      + "row sum when normalize is true (rows then sum to 1; a row with sum exactly 0 stays zero). q [n, d], k [m, d]; "
      + "result [n, m]; attention.linear(q, k, v, ...) equals linear_weights(q, k, ...) @ v. Arguments as in "
      + "attention.linear. Example: let w = attention.linear_weights(q, k, feature_map: \"relu\", causal: true)")
  public static Tensor linearWeights(@Arg("q") Tensor q, @Arg("k") Tensor k,
      @Arg(value = "feature_map", dflt = "\"elu1\"") Object featureMap,
      @Arg(value = "causal", dflt = "false") boolean causal,
      @Arg(value = "normalize", dflt = "true") boolean normalize,
      @Arg(value = "decay", dflt = "none") Double decay) {
    String kernel = "attention.linear_weights";
    LinearArgs.matrix(q, kernel, "q");
    LinearArgs.matrix(k, kernel, "k");
    LinearArgs.qkv(q, k, Tensor.zeros(k.dim(0), 0), causal, kernel);
    double lam = LinearArgs.decay(decay, kernel);
    if (decay != null && !causal) {
      throw KernelException.of("%s: decay applies to causal attention only; pass causal: true", kernel);
    }
    int n = q.dim(0);
    int m = k.dim(0);
    if ((long) n * m > Integer.MAX_VALUE - 8) {
      throw KernelException.of("%s: the weight matrix would be %d × %d; too large", kernel, n, m);
    }
    Mapped x = Mapped.of(q, k, Tensor.zeros(m, 0), featureMap, kernel);
    double[] pw = LinearArgs.powers(lam, n);
    double[] w = new double[n * m];
    int f = x.f;
    Parallel.forEach(blocks(n), b -> {
      for (int i = b * ROW_BLOCK; i < Math.min(n, (b + 1) * ROW_BLOCK); i++) {
        int end = causal ? i + 1 : m;
        double sum = 0;
        for (int j = 0; j < end; j++) {
          double a = pw[causal ? i - j : 0] * dot(x.fq, i * f, x.fk, j * f, f);
          w[i * m + j] = a;
          sum += a;
        }
        if (normalize && sum != 0) {
          for (int j = 0; j < end; j++) {
            w[i * m + j] /= sum;
          }
        }
      }
    });
    return Tensor.wrap(new int[] {n, m}, w);
  }

  /** φ(Q) [n, f], φ(K) [m, f] and V [m, dv] as raw row-major arrays. */
  record Mapped(double[] fq, double[] fk, double[] v, int n, int m, int f, int dv) {
    static Mapped of(Tensor q, Tensor k, Tensor v, Object featureMap, String kernel) {
      int d = q.dim(1);
      FeatureMap map = FeatureMap.of(featureMap, d, kernel);
      int n = q.dim(0);
      int m = k.dim(0);
      return new Mapped(map.apply(q.raw(), n), map.apply(k.raw(), m), v.raw(), n, m, map.dim, v.dim(1));
    }
  }

  static int blocks(int n) {
    return (n + ROW_BLOCK - 1) / ROW_BLOCK;
  }

  static double dot(double[] a, int ao, double[] b, int bo, int len) {
    double s = 0;
    for (int i = 0; i < len; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  /** Writes num / den (or num when not normalising; zeros when den is exactly 0) into out at row i. */
  static void finish(double[] num, double den, boolean normalize, double[] out, int oo, int dv) {
    if (!normalize) {
      System.arraycopy(num, 0, out, oo, dv);
    } else if (den != 0) {
      for (int c = 0; c < dv; c++) {
        out[oo + c] = num[c] / den;
      }
    }
  }

  /** Non-causal: state S = φ(K)ᵀV and z = φ(K)ᵀ1 (accumulated key by key), read by every query. */
  private static double[] nonCausal(Mapped x, boolean normalize, boolean recurrent) {
    int f = x.f;
    int dv = x.dv;
    double[] s = new double[f * dv];
    double[] z = new double[f];
    if (recurrent) {
      for (int j = 0; j < x.m; j++) {
        addOuter(s, z, x.fk, j * f, x.v, j * dv, f, dv);
      }
    } else {
      // φ(K)ᵀV column by column of the feature dimension (the parallel matrix product)
      for (int a = 0; a < f; a++) {
        double za = 0;
        for (int j = 0; j < x.m; j++) {
          double fa = x.fk[j * f + a];
          za += fa;
          for (int c = 0; c < dv; c++) {
            s[a * dv + c] += fa * x.v[j * dv + c];
          }
        }
        z[a] = za;
      }
    }
    double[] out = new double[x.n * dv];
    Parallel.forEach(blocks(x.n), b -> {
      double[] num = new double[dv];
      for (int i = b * ROW_BLOCK; i < Math.min(x.n, (b + 1) * ROW_BLOCK); i++) {
        double den = readState(s, z, x.fq, i * f, f, dv, 1.0, num);
        finish(num, den, normalize, out, i * dv, dv);
      }
    });
    return out;
  }

  /** s += φk vᵀ, z += φk. */
  static void addOuter(double[] s, double[] z, double[] fk, int ko, double[] v, int vo, int f, int dv) {
    for (int a = 0; a < f; a++) {
      double fa = fk[ko + a];
      if (fa == 0) {
        continue;
      }
      z[a] += fa;
      int so = a * dv;
      for (int c = 0; c < dv; c++) {
        s[so + c] += fa * v[vo + c];
      }
    }
  }

  /** num = scale · Sᵀφq; returns scale · zᵀφq. */
  static double readState(double[] s, double[] z, double[] fq, int qo, int f, int dv, double scale, double[] num) {
    java.util.Arrays.fill(num, 0);
    double den = 0;
    for (int a = 0; a < f; a++) {
      double qa = fq[qo + a] * scale;
      if (qa == 0) {
        continue;
      }
      den += qa * z[a];
      int so = a * dv;
      for (int c = 0; c < dv; c++) {
        num[c] += qa * s[so + c];
      }
    }
    return den;
  }

  /** Causal recurrence: S_t = λS_{t−1} + φ(k_t)v_tᵀ, z_t = λz_{t−1} + φ(k_t). */
  private static double[] causalRecurrent(Mapped x, double lam, boolean normalize) {
    int f = x.f;
    int dv = x.dv;
    double[] s = new double[f * dv];
    double[] z = new double[f];
    double[] num = new double[dv];
    double[] out = new double[x.n * dv];
    for (int t = 0; t < x.n; t++) {
      if (lam != 1) {
        for (int i = 0; i < s.length; i++) {
          s[i] *= lam;
        }
        for (int a = 0; a < f; a++) {
          z[a] *= lam;
        }
      }
      addOuter(s, z, x.fk, t * f, x.v, t * dv, f, dv);
      double den = readState(s, z, x.fq, t * f, f, dv, 1.0, num);
      finish(num, den, normalize, out, t * dv, dv);
    }
    return out;
  }

  /**
   * Causal parallel: row t of ((φ(Q)φ(K)ᵀ) ⊙ Λ) V, with Λ_ts = λ^(t−s) for s ≤ t and 0 otherwise. The scores
   * of a row are accumulated feature by feature against φ(K)ᵀ (contiguous in s), then weight the rows of V.
   */
  private static double[] causalParallel(Mapped x, double lam, boolean normalize) {
    int f = x.f;
    int dv = x.dv;
    int n = x.n;
    double[] pw = LinearArgs.powers(lam, n);
    double[] fkT = new double[f * n];
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < f; a++) {
        fkT[a * n + s] = x.fk[s * f + a];
      }
    }
    double[] out = new double[n * dv];
    Parallel.forEach(blocks(n), b -> {
      double[] num = new double[dv];
      double[] sc = new double[n];
      for (int t = b * ROW_BLOCK; t < Math.min(n, (b + 1) * ROW_BLOCK); t++) {
        java.util.Arrays.fill(sc, 0, t + 1, 0);
        for (int a = 0; a < f; a++) {
          double qa = x.fq[t * f + a];
          if (qa == 0) {
            continue;
          }
          int ko = a * n;
          for (int s = 0; s <= t; s++) {
            sc[s] += qa * fkT[ko + s];
          }
        }
        java.util.Arrays.fill(num, 0);
        double den = 0;
        for (int s = 0; s <= t; s++) {
          double w = pw[t - s] * sc[s];
          den += w;
          int vo = s * dv;
          for (int c = 0; c < dv; c++) {
            num[c] += w * x.v[vo + c];
          }
        }
        finish(num, den, normalize, out, t * dv, dv);
      }
    });
    return out;
  }
}
