package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/** Rotary position embedding (RoPE, Su et al. "RoFormer"), A21. */
public final class Rope {
  private Rope() {}

  private static final String FN = "attention.rope";

  @Kernel(name = "attention.rope", doc = "Rotary position embedding: rotates feature pairs of each token by "
      + "angle p·θ_i, θ_i = base^(−2i/d) for i = 0, 1, …, d/2 − 1, where p is the token's position: "
      + "(a, b) -> (a·cos − b·sin, a·sin + b·cos). layout: \"interleaved\" (default; RoFormer, the original "
      + "paper, and Meta's LLaMA code) pairs features (2i, 2i+1); \"half\" (GPT-NeoX, Hugging Face LLaMA "
      + "\"rotate_half\") pairs features (i, i + d/2). The two layouts are the same rotation up to a permutation "
      + "of the features. x is [n, d] or [..., n, d] (d even); positions [n] default to 0 .. n − 1 and may be "
      + "any numbers. A single token [d] takes positions: p (default 0). Rotations preserve each pair's norm, "
      + "and ⟨rope(q, p), rope(k, r)⟩ depends only on p − r. Example: attention.rope(q, layout: \"half\")")
  public static Tensor rope(@Arg("x") Tensor x, @Arg(value = "positions", dflt = "none") Tensor positions,
      @Arg(value = "base", dflt = "10000") double base,
      @Arg(value = "layout", dflt = "\"interleaved\"") String layout) {
    if (x.rank() < 1) {
      throw KernelException.of("%s: x must be [d] or [..., n, d], got a scalar", FN);
    }
    boolean half;
    if (layout.equals("interleaved")) {
      half = false;
    } else if (layout.equals("half")) {
      half = true;
    } else {
      throw KernelException.of("%s: unknown layout \"%s\"; expected \"interleaved\" (pairs 2i, 2i+1) or \"half\" "
          + "(pairs i, i + d/2)", FN, layout);
    }
    if (!(base > 0) || Double.isInfinite(base)) {
      throw KernelException.of("%s: base must be a finite number > 0, got %s", FN, TensorArgs.fmt(base));
    }
    int d = x.dim(x.rank() - 1);
    if (d % 2 != 0) {
      throw KernelException.of("%s: x has shape %s; the feature dimension d = %d must be even (features rotate in pairs)",
          FN, Tensor.shapeString(x.shape()), d);
    }
    int n = x.rank() == 1 ? 1 : x.dim(x.rank() - 2);
    double[] pos = new double[n];
    if (positions == null) {
      for (int i = 0; i < n; i++) {
        pos[i] = i;
      }
    } else {
      if (positions.size() != n || positions.rank() > 1) {
        throw KernelException.of("%s: positions has shape %s but x has %d tokens (shape %s); expected [%d]", FN,
            Tensor.shapeString(positions.shape()), n, Tensor.shapeString(x.shape()), n);
      }
      TensorArgs.requireFinite(positions, FN, "positions");
      pos = positions.raw();
    }
    int h = d / 2;
    double[] cos = new double[n * h];
    double[] sin = new double[n * h];
    for (int i = 0; i < h; i++) {
      double theta = Math.pow(base, -2.0 * i / d);
      for (int t = 0; t < n; t++) {
        double a = pos[t] * theta;
        cos[t * h + i] = Math.cos(a);
        sin[t * h + i] = Math.sin(a);
      }
    }
    double[] in = x.raw();
    double[] out = new double[in.length];
    int rows = d == 0 ? 0 : in.length / d;
    for (int r = 0; r < rows; r++) {
      int t = r % n;
      int o = r * d;
      for (int i = 0; i < h; i++) {
        int ia = half ? o + i : o + 2 * i;
        int ib = half ? o + i + h : o + 2 * i + 1;
        double c = cos[t * h + i];
        double s = sin[t * h + i];
        double a = in[ia];
        double b = in[ib];
        out[ia] = a * c - b * s;
        out[ib] = a * s + b * c;
      }
    }
    return Tensor.wrap(x.shape(), out);
  }
}
