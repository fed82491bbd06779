package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multi-head attention layer: project with W_Q, W_K, W_V (row-vector convention {@code x @ W}), split
 * the projected features into h heads, run softmax attention per head ({@link SoftmaxAttention}'s
 * engines, with the heads as a batch dimension), concatenate the heads and project with W_O.
 */
public final class MultiHeadAttention {
  private MultiHeadAttention() {}

  private static final String FN = "attention.multihead";

  @Kernel(name = "attention.multihead", doc = "Multi-head attention layer: concat_h(softmax_attention(x W_Q^h, "
      + "kv W_K^h, kv W_V^h)) @ W_O. Row-vector convention: tokens are rows and a projection is x @ W, so "
      + "W_Q, W_K are [d_model, h·d_k], W_V is [d_model, h·d_v] and W_O is [h·d_v, d_out] (usually all "
      + "[d_model, d_model] with d_k = d_v = d_model / h). Head t uses columns t·d_k .. (t+1)·d_k − 1 of "
      + "x @ W_Q and x @ W_K (likewise for values), and the heads are concatenated in order before W_O. "
      + "x is [n, d_model] (or [..., n, d_model], leading dimensions are a batch); kv: none is "
      + "self-attention, kv [m, d_kv] gives cross-attention (queries from x, keys and values from kv). "
      + "scale defaults to 1/sqrt(d_k). mask, window, prefix, block and bias are as in attention.softmax "
      + "(a bias [h, n, m] gives each head its own bias). With return_weights: true the result is a record "
      + "{out, weights} with weights [..., h, n, m]. "
      + "Example: attention.multihead(x, wq, wk, wv, wo, heads: 4, mask: \"causal\")")
  public static Object multihead(@Arg("x") Tensor x, @Arg("w_q") Tensor wq, @Arg("w_k") Tensor wk,
      @Arg("w_v") Tensor wv, @Arg("w_o") Tensor wo, @Arg("heads") int heads,
      @Arg(value = "mask", dflt = "\"none\"") Object mask, @Arg(value = "kv", dflt = "none") Tensor kv,
      @Arg(value = "scale", dflt = "none") Double scale, @Arg(value = "window", dflt = "none") Integer window,
      @Arg(value = "prefix", dflt = "none") Integer prefix, @Arg(value = "block", dflt = "none") Integer block,
      @Arg(value = "bias", dflt = "none") Tensor bias,
      @Arg(value = "return_weights", dflt = "false") boolean returnWeights) {
    Tensor src = kv == null ? x : kv;
    if (x.rank() < 2 || src.rank() < 2) {
      throw KernelException.of("%s: x has shape %s%s; expected [n, d_model] or [..., n, d_model]", FN,
          Tensor.shapeString(x.shape()), kv == null ? "" : " and kv " + Tensor.shapeString(kv.shape()));
    }
    if (heads < 1) {
      throw KernelException.of("%s: heads must be >= 1, got %d", FN, heads);
    }
    requireMatrix("w_q", wq, x.dim(x.rank() - 1), "x");
    requireMatrix("w_k", wk, src.dim(src.rank() - 1), kv == null ? "x" : "kv");
    requireMatrix("w_v", wv, src.dim(src.rank() - 1), kv == null ? "x" : "kv");
    if (wq.dim(1) != wk.dim(1)) {
      throw KernelException.of("%s: w_q has shape %s but w_k has shape %s; queries and keys need the same width",
          FN, Tensor.shapeString(wq.shape()), Tensor.shapeString(wk.shape()));
    }
    int dk = perHead("w_q", wq.dim(1), heads);
    int dvh = perHead("w_v", wv.dim(1), heads);
    if (wo.rank() != 2 || wo.dim(0) != wv.dim(1)) {
      throw KernelException.of("%s: w_o has shape %s but the concatenated heads have width %d (w_v has shape %s); "
          + "w_o must be [%d, d_out]", FN, Tensor.shapeString(wo.shape()), wv.dim(1), Tensor.shapeString(wv.shape()),
          wv.dim(1));
    }
    Tensor qh = splitHeads(MatMul.matmul(x, wq), heads, dk);
    Tensor kh = splitHeads(MatMul.matmul(src, wk), heads, dk);
    Tensor vh = splitHeads(MatMul.matmul(src, wv), heads, dvh);
    Problem p = new Problem(FN, qh, kh, vh, mask, window, prefix, block, bias, scale);
    Tensor heads3;
    Tensor weights = null;
    if (returnWeights) {
      double[] out = new double[p.nb * p.n * p.dv];
      double[] w = p.weightArray();
      long empty = TwoPassSoftmax.run(p, out, w);
      if (empty >= 0) {
        throw p.emptyRow((int) (empty / p.n), (int) (empty % p.n));
      }
      heads3 = Tensor.wrap(p.outShape(), out);
      weights = Tensor.wrap(p.weightShape(), w);
    } else {
      heads3 = SoftmaxAttention.tiled(p, TiledSoftmax.DEFAULT_TILE);
    }
    Tensor out = MatMul.matmul(mergeHeads(heads3), wo);
    if (!returnWeights) {
      return out;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("out", out);
    r.put("weights", weights);
    return r;
  }

  private static void requireMatrix(String name, Tensor w, int rows, String input) {
    if (w.rank() != 2 || w.dim(0) != rows) {
      throw KernelException.of("%s: %s has shape %s but %s has %d features; %s must be [%d, h·d_head] (x @ W convention)",
          FN, name, Tensor.shapeString(w.shape()), input, rows, name, rows);
    }
  }

  private static int perHead(String name, int width, int heads) {
    if (width % heads != 0 || width == 0) {
      throw KernelException.of("%s: %s has %d columns, which do not split into %d heads of equal width", FN, name,
          width, heads);
    }
    return width / heads;
  }

  /** [..., n, h·c] to [..., h, n, c]. */
  static Tensor splitHeads(Tensor t, int heads, int c) {
    int[] s = t.shape();
    int n = s[s.length - 2];
    int outer = TensorArgs.prod(s, 0, s.length - 2);
    double[] src = t.raw();
    double[] dst = new double[src.length];
    int w = heads * c;
    for (int b = 0; b < outer; b++) {
      for (int i = 0; i < n; i++) {
        for (int h = 0; h < heads; h++) {
          System.arraycopy(src, (b * n + i) * w + h * c, dst, ((b * heads + h) * n + i) * c, c);
        }
      }
    }
    int[] os = java.util.Arrays.copyOf(s, s.length + 1);
    os[s.length - 2] = heads;
    os[s.length - 1] = n;
    os[s.length] = c;
    return Tensor.wrap(os, dst);
  }

  /** [..., h, n, c] to [..., n, h·c]. */
  static Tensor mergeHeads(Tensor t) {
    int[] s = t.shape();
    int heads = s[s.length - 3];
    int n = s[s.length - 2];
    int c = s[s.length - 1];
    int outer = TensorArgs.prod(s, 0, s.length - 3);
    double[] src = t.raw();
    double[] dst = new double[src.length];
    for (int b = 0; b < outer; b++) {
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(src, ((b * heads + h) * n + i) * c, dst, (b * n + i) * heads * c + h * c, c);
        }
      }
    }
    int[] os = java.util.Arrays.copyOf(s, s.length - 1);
    os[s.length - 3] = n;
    os[s.length - 2] = heads * c;
    return Tensor.wrap(os, dst);
  }
}
