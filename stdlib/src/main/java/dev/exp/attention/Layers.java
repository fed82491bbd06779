package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import org.hipparchus.special.Erf;

/**
 * The non-attention pieces of a transformer block: layer norm, RMS norm, GELU and the position-wise
 * feed-forward network. All act on the last axis of their input; leading axes are rows.
 */
public final class Layers {
  private Layers() {}

  private static final double SQRT1_2 = Math.sqrt(0.5);
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final int CHUNK = 4096;

  @Kernel(name = "attention.layer_norm", doc = "Layer normalisation over the last axis: y = (x − mean) / "
      + "sqrt(var + eps) · gamma + beta, with the biased variance (divide by the axis length, as PyTorch's "
      + "LayerNorm). gamma and beta have the length of the last axis (none: 1 and 0). "
      + "Example: attention.layer_norm(x, gamma: g, beta: b)")
  public static Tensor layerNorm(@Arg("x") Tensor x, @Arg(value = "gamma", dflt = "none") Tensor gamma,
      @Arg(value = "beta", dflt = "none") Tensor beta, @Arg(value = "eps", dflt = "1e-5") double eps) {
    String fn = "attention.layer_norm";
    int d = lastAxis(fn, x);
    double[] g = affine(fn, "gamma", gamma, d);
    double[] b = affine(fn, "beta", beta, d);
    requireEps(fn, eps);
    double[] in = x.raw();
    double[] out = new double[in.length];
    int rows = d == 0 ? 0 : in.length / d;
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      double mean = 0;
      for (int c = 0; c < d; c++) {
        mean += in[o + c];
      }
      mean /= d;
      double var = 0;
      for (int c = 0; c < d; c++) {
        double t = in[o + c] - mean;
        var += t * t;
      }
      var /= d;
      double inv = 1 / Math.sqrt(var + eps);
      for (int c = 0; c < d; c++) {
        double y = (in[o + c] - mean) * inv;
        out[o + c] = (g == null ? y : y * g[c]) + (b == null ? 0 : b[c]);
      }
    }
    return Tensor.wrap(x.shape(), out);
  }

  @Kernel(name = "attention.rms_norm", doc = "RMS normalisation over the last axis: y = x / sqrt(mean(x²) + eps) "
      + "· gamma (no centring, no bias; Zhang & Sennrich 2019, as in LLaMA). gamma has the length of the last "
      + "axis (none: 1). Example: attention.rms_norm(x, gamma: g)")
  public static Tensor rmsNorm(@Arg("x") Tensor x, @Arg(value = "gamma", dflt = "none") Tensor gamma,
      @Arg(value = "eps", dflt = "1e-6") double eps) {
    String fn = "attention.rms_norm";
    int d = lastAxis(fn, x);
    double[] g = affine(fn, "gamma", gamma, d);
    requireEps(fn, eps);
    double[] in = x.raw();
    double[] out = new double[in.length];
    int rows = d == 0 ? 0 : in.length / d;
    for (int r = 0; r < rows; r++) {
      int o = r * d;
      double ss = 0;
      for (int c = 0; c < d; c++) {
        ss += in[o + c] * in[o + c];
      }
      double inv = 1 / Math.sqrt(ss / d + eps);
      for (int c = 0; c < d; c++) {
        out[o + c] = in[o + c] * inv * (g == null ? 1 : g[c]);
      }
    }
    return Tensor.wrap(x.shape(), out);
  }

  @Kernel(name = "attention.gelu", doc = "GELU activation, element-wise. Exact (default): x·Φ(x) = "
      + "x/2 · erfc(−x/√2), Φ the standard normal CDF (computed with erfc so that large negative x keep full "
      + "relative accuracy). approximate: true gives the tanh form 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) "
      + "(GPT-2, PyTorch approximate=\"tanh\"). Example: attention.gelu(1) is Φ(1) = 0.84134474606854 (to 14 digits; within 2 ulp of SciPy)")
  public static Tensor gelu(@Arg("x") Tensor x, @Arg(value = "approximate", dflt = "false") boolean approximate) {
    double[] in = x.raw();
    double[] out = new double[in.length];
    int chunks = (in.length + CHUNK - 1) / CHUNK;
    Parallel.forEach(chunks, t -> {
      int e = Math.min(in.length, (t + 1) * CHUNK);
      for (int i = t * CHUNK; i < e; i++) {
        out[i] = approximate ? geluTanh(in[i]) : geluExact(in[i]);
      }
    });
    return Tensor.wrap(x.shape(), out);
  }

  static double geluExact(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    return 0.5 * x * Erf.erfc(-x * SQRT1_2);
  }

  static double geluTanh(double x) {
    return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
  }

  @Kernel(name = "attention.feed_forward", doc = "Position-wise feed-forward network: act(x @ w1 + b1) @ w2 + b2. "
      + "x [..., d_model], w1 [d_model, d_ff], b1 [d_ff], w2 [d_ff, d_out], b2 [d_out]; b1 and b2 may be none "
      + "(no bias). activation: \"gelu\" (exact), \"gelu_tanh\", \"relu\", \"silu\" (x·sigmoid(x)) or "
      + "\"identity\". Example: attention.feed_forward(x, w1, b1, w2, b2, activation: \"relu\")")
  public static Tensor feedForward(@Arg("x") Tensor x, @Arg("w1") Tensor w1, @Arg("b1") Tensor b1,
      @Arg("w2") Tensor w2, @Arg("b2") Tensor b2, @Arg(value = "activation", dflt = "\"gelu\"") String activation) {
    String fn = "attention.feed_forward";
    int d = lastAxis(fn, x);
    if (w1.rank() != 2 || w1.dim(0) != d) {
      throw KernelException.of("%s: x has shape %s but w1 has shape %s; w1 must be [%d, d_ff]", fn,
          Tensor.shapeString(x.shape()), Tensor.shapeString(w1.shape()), d);
    }
    if (w2.rank() != 2 || w2.dim(0) != w1.dim(1)) {
      throw KernelException.of("%s: w1 has shape %s but w2 has shape %s; w2 must be [%d, d_out]", fn,
          Tensor.shapeString(w1.shape()), Tensor.shapeString(w2.shape()), w1.dim(1));
    }
    java.util.function.DoubleUnaryOperator act;
    switch (activation) {
      case "gelu":
        act = Layers::geluExact;
        break;
      case "gelu_tanh":
        act = Layers::geluTanh;
        break;
      case "relu":
        act = v -> v > 0 ? v : (v == v ? 0 : v);
        break;
      case "silu":
        act = v -> v / (1 + Math.exp(-v));
        break;
      case "identity":
        act = v -> v;
        break;
      default:
        throw KernelException.of("%s: unknown activation \"%s\"; expected \"gelu\", \"gelu_tanh\", \"relu\", "
            + "\"silu\" or \"identity\"", fn, activation);
    }
    Tensor h = MatMul.matmul(x, w1);
    addBias(fn, "b1", h, b1);
    double[] hd = h.raw();
    int chunks = (hd.length + CHUNK - 1) / CHUNK;
    java.util.function.DoubleUnaryOperator f = act;
    Parallel.forEach(chunks, t -> {
      int e = Math.min(hd.length, (t + 1) * CHUNK);
      for (int i = t * CHUNK; i < e; i++) {
        hd[i] = f.applyAsDouble(hd[i]);
      }
    });
    Tensor y = MatMul.matmul(h, w2);
    addBias(fn, "b2", y, b2);
    return y;
  }

  /** Adds a bias vector along the last axis, in place (t is a fresh result). */
  private static void addBias(String fn, String name, Tensor t, Tensor bias) {
    if (bias == null) {
      return;
    }
    int w = t.dim(t.rank() - 1);
    if (bias.rank() != 1 || bias.dim(0) != w) {
      throw KernelException.of("%s: %s has shape %s; expected [%d] (or none)", fn, name, Tensor.shapeString(bias.shape()), w);
    }
    double[] d = t.raw();
    double[] b = bias.raw();
    for (int i = 0; i < d.length; i++) {
      d[i] += b[i % w];
    }
  }

  private static int lastAxis(String fn, Tensor x) {
    if (x.rank() < 1) {
      throw KernelException.of("%s: x must have at least one axis, got a scalar", fn);
    }
    return x.dim(x.rank() - 1);
  }

  private static double[] affine(String fn, String name, Tensor t, int d) {
    if (t == null) {
      return null;
    }
    if (t.rank() != 1 || t.dim(0) != d) {
      throw KernelException.of("%s: %s has shape %s but the last axis of x has length %d; expected [%d]", fn, name,
          Tensor.shapeString(t.shape()), d, d);
    }
    return t.raw();
  }

  private static void requireEps(String fn, double eps) {
    if (!(eps >= 0) || Double.isInfinite(eps)) {
      throw KernelException.of("%s: eps must be a finite number >= 0, got %s", fn, TensorArgs.fmt(eps));
    }
  }
}
