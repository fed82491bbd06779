package dev.exp.attention;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code attention} namespace, softmax part: scaled dot-product attention with masks (A01) and
 * its tiled online-softmax evaluation (A02). Shapes, masks and batching are validated by
 * {@link Problem} and {@link Masks}; the arithmetic is in {@link TiledSoftmax} and
 * {@link TwoPassSoftmax}.
 */
public final class SoftmaxAttention {
  private SoftmaxAttention() {}

  static final String MASK_DOC = "mask: \"none\" | \"causal\" (query i sees keys j <= i; when n != m the mask is "
      + "aligned at the upper left, j <= i, as in PyTorch scaled_dot_product_attention(is_causal=True), "
      + "not at the lower right as in KV-cache decoding) | \"sliding\" (window: w, causal sliding window "
      + "i - w < j <= i: the query's own position and the w - 1 keys before it) | \"prefix\" (prefix: p, "
      + "prefix-LM: keys j < p are visible to every query, the others causally, j <= i) | \"block\" (block: b, "
      + "block-diagonal: floor(i / b) == floor(j / b)) | a 0/1 tensor [n, m] or [..., n, m] (1 = attend, "
      + "0 = masked). bias: an additive tensor [n, m] or [..., n, m] added to the scaled logits (-inf masks "
      + "an entry; finite otherwise); it combines with any mask. A query row whose keys are all masked is an "
      + "error naming the row (PyTorch returns NaN there). ";

  @Kernel(name = "attention.softmax", doc = "Scaled dot-product softmax attention: softmax(scale·q·kᵀ + bias, "
      + "masked) · v, row by row. Shapes: q [n, d] (or one query [d], which the masks treat as query row 0), "
      + "k [m, d], v [m, dv] give [n, dv] ([dv]); leading dimensions of q, k, v, mask and bias broadcast as a batch (e.g. heads: q [h, n, d], "
      + "k [h, m, d], v [h, m, dv] give [h, n, dv]). scale defaults to 1/sqrt(d). " + MASK_DOC
      + "Numerically stable: the row maximum is subtracted before exp, so logits of size 1e3 are fine. "
      + "Without return_weights it runs the tiled online-softmax kernel (see attention.softmax_tiled: exact, "
      + "O(n·dv) memory, never forms the n×m matrix); with return_weights: true it returns a record "
      + "{out, weights} with weights [..., n, m] (rows sum to 1, masked entries 0), computed two-pass; the two "
      + "outputs agree up to rounding (1e-12 relative). "
      + "causal: true is the same as mask: \"causal\" (as in attention.linear). "
      + "Example: attention.softmax(q, k, v, mask: \"causal\"); attention.softmax(q, k, v, mask: \"sliding\", "
      + "window: 128)")
  public static Object softmax(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v,
      @Arg(value = "mask", dflt = "\"none\"") Object mask, @Arg(value = "scale", dflt = "none") Double scale,
      @Arg(value = "window", dflt = "none") Integer window, @Arg(value = "prefix", dflt = "none") Integer prefix,
      @Arg(value = "block", dflt = "none") Integer block, @Arg(value = "bias", dflt = "none") Tensor bias,
      @Arg(value = "return_weights", dflt = "false") boolean returnWeights,
      @Arg(value = "causal", dflt = "false") boolean causal) {
    if (causal) {
      // as in attention.linear: causal: true is mask: "causal"
      if (!"none".equals(mask) && !"causal".equals(mask)) {
        throw new KernelException("attention.softmax: causal: true is mask: \"causal\"; it cannot be combined with "
            + "another mask (got mask: " + (mask instanceof String s ? "\"" + s + "\"" : "a tensor") + ")");
      }
      mask = "causal";
    }
    Problem p = new Problem("attention.softmax", q, k, v, mask, window, prefix, block, bias, scale);
    if (!returnWeights) {
      return tiled(p, TiledSoftmax.DEFAULT_TILE);
    }
    double[] out = new double[p.nb * p.n * p.dv];
    double[] w = p.weightArray();
    check(p, TwoPassSoftmax.run(p, out, w));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("out", Tensor.wrap(p.outShape(), out));
    r.put("weights", Tensor.wrap(p.weightShape(), w));
    return r;
  }

  /** {@link #softmax} without the causal flag (for Java callers). */
  public static Object softmax(Tensor q, Tensor k, Tensor v, Object mask, Double scale, Integer window, Integer prefix,
      Integer block, Tensor bias, boolean returnWeights) {
    return softmax(q, k, v, mask, scale, window, prefix, block, bias, returnWeights, false);
  }

  @Kernel(name = "attention.softmax_tiled", doc = "Softmax attention by online softmax over key tiles "
      + "(FlashAttention-style); the same result as attention.softmax (up to rounding, 1e-12 relative) with "
      + "the same shapes, masks and bias. For each block of 64 queries, keys are visited in tiles of `tile` "
      + "keys (rounded up to a multiple of 4), keeping per row a running max mx, normaliser l and unnormalised output o: mx' = max(mx, max_j s_j), "
      + "l = l·exp(mx − mx') + Σ exp(s_j − mx'), o = o·exp(mx − mx') + Σ exp(s_j − mx')·v_j; out = o / l. "
      + "Extra memory is a packed copy of k and v, one 64×tile logit tile per thread and three numbers per "
      + "query row, O(m·d + n·tile) in all: the n×m matrix is never formed. Key tiles outside every row's "
      + "visible interval are skipped (causal does half "
      + "the work; sliding window and block masks cost O(n·window) and O(n·block)). Query blocks run in parallel. "
      + MASK_DOC + "Example: attention.softmax_tiled(q, k, v, mask: \"causal\", tile: 128)")
  public static Tensor softmaxTiled(@Arg("q") Tensor q, @Arg("k") Tensor k, @Arg("v") Tensor v,
      @Arg(value = "mask", dflt = "\"none\"") Object mask, @Arg(value = "scale", dflt = "none") Double scale,
      @Arg(value = "window", dflt = "none") Integer window, @Arg(value = "prefix", dflt = "none") Integer prefix,
      @Arg(value = "block", dflt = "none") Integer block, @Arg(value = "bias", dflt = "none") Tensor bias,
      @Arg(value = "tile", dflt = "64") int tile) {
    if (tile < 1 || tile > 4096) {
      throw KernelException.of("attention.softmax_tiled: tile must be between 1 and 4096 keys, got %d", tile);
    }
    Problem p = new Problem("attention.softmax_tiled", q, k, v, mask, window, prefix, block, bias, scale);
    return tiled(p, tile);
  }

  static Tensor tiled(Problem p, int tile) {
    double[] out = new double[p.nb * p.n * p.dv];
    check(p, TiledSoftmax.run(p, out, tile));
    return Tensor.wrap(p.outShape(), out);
  }

  private static void check(Problem p, long emptyRow) {
    if (emptyRow >= 0) {
      throw p.emptyRow((int) (emptyRow / p.n), (int) (emptyRow % p.n));
    }
  }
}
