package dev.exp.attention;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Attention masks. A structured mask (none, causal, sliding window, prefix-LM, block-diagonal) gives
 * every query row {@code i} one contiguous interval {@code [lo(i), hi(i))} of visible keys, which lets
 * the engines skip whole key blocks. An explicit 0/1 mask tensor or an additive bias tensor acts
 * per entry on top of that interval (a {@code -inf} bias entry masks the key).
 *
 * <p>Conventions (queries {@code i < n}, keys {@code j < m}):
 * <ul>
 *   <li>{@code causal}: {@code j <= i}, aligned at the upper left when {@code n != m} (as PyTorch's
 *       {@code scaled_dot_product_attention(is_causal=True)}, whose reference uses
 *       {@code ones(L, S).tril(0)}).
 *   <li>{@code sliding} with window {@code w}: {@code i - w < j <= i} (the query's own position and the
 *       {@code w - 1} keys before it).
 *   <li>{@code prefix} with prefix length {@code p}: {@code j < p} or {@code j <= i}.
 *   <li>{@code block} with block size {@code b}: {@code floor(i / b) == floor(j / b)}.
 * </ul>
 */
final class Masks {
  private Masks() {}

  enum Kind { NONE, CAUSAL, SLIDING, PREFIX, BLOCK, EXPLICIT }

  /** A parsed mask for a batch of problems with {@code n} queries and {@code m} keys each. */
  static final class Spec {
    final Kind kind;
    final int param;
    final int n;
    final int m;
    /** Explicit 0/1 mask (raw data of a [..., n, m] tensor) or null. */
    final double[] allowed;
    /** Additive bias (raw data of a [..., n, m] tensor) or null. */
    final double[] bias;
    /** Batch shapes of the mask and bias tensors (null when absent). */
    final int[] allowedBatch;
    final int[] biasBatch;
    /** Per batch index: offsets (in elements) of the [n, m] slices; filled by {@link #bind}. */
    int[] allowedOff;
    int[] biasOff;

    Spec(Kind kind, int param, int n, int m, Tensor allowed, Tensor bias) {
      this.kind = kind;
      this.param = param;
      this.n = n;
      this.m = m;
      this.allowed = allowed == null ? null : allowed.raw();
      this.bias = bias == null ? null : bias.raw();
      this.allowedBatch = allowed == null ? null : Batching.batchOf(allowed.shape());
      this.biasBatch = bias == null ? null : Batching.batchOf(bias.shape());
    }

    /** Whether some entries inside the row intervals may still be masked or shifted. */
    boolean perEntry() {
      return allowed != null || bias != null;
    }

    /** First visible key of query row i (may be >= hi(i): empty row). */
    int lo(int i) {
      switch (kind) {
        case SLIDING:
          return Math.max(0, i - param + 1);
        case BLOCK:
          return (int) Math.min(m, (long) (i / param) * param);
        default:
          return 0;
      }
    }

    /** One past the last visible key of query row i. */
    int hi(int i) {
      switch (kind) {
        case CAUSAL:
        case SLIDING:
          return Math.min(m, i + 1);
        case PREFIX:
          return Math.min(m, Math.max(param, i + 1));
        case BLOCK:
          return (int) Math.min(m, (long) (i / param) * param + param);
        default:
          return m;
      }
    }

    /** Computes the per-batch offsets of the mask and bias slices for the full batch shape. */
    void bind(int[] batch) {
      int nb = TensorArgs.prod(batch, 0, batch.length);
      if (allowed != null) {
        allowedOff = Batching.offsets(allowedBatch, batch, nb, (long) n * m);
      }
      if (bias != null) {
        biasOff = Batching.offsets(biasBatch, batch, nb, (long) n * m);
      }
    }

    /** Short description for error messages. */
    String describe() {
      switch (kind) {
        case SLIDING:
          return "mask \"sliding\" with window " + param;
        case PREFIX:
          return "mask \"prefix\" with prefix " + param;
        case BLOCK:
          return "mask \"block\" with block " + param;
        case EXPLICIT:
          return "the explicit mask tensor";
        default:
          return "mask \"" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\"";
      }
    }
  }

  /**
   * Parses the mask arguments of an attention kernel. {@code mask} is a string kind or a 0/1 tensor;
   * {@code window}, {@code prefix} and {@code block} are the parameters of the sliding, prefix and
   * block kinds and are rejected with any other kind.
   */
  static Spec parse(String fn, Object mask, Integer window, Integer prefix, Integer block, Tensor bias, int n, int m) {
    Kind kind;
    Tensor allowed = null;
    if (mask == null) {
      kind = Kind.NONE;
    } else if (mask instanceof String s) {
      switch (s) {
        case "none":
          kind = Kind.NONE;
          break;
        case "causal":
          kind = Kind.CAUSAL;
          break;
        case "sliding":
          kind = Kind.SLIDING;
          break;
        case "prefix":
          kind = Kind.PREFIX;
          break;
        case "block":
          kind = Kind.BLOCK;
          break;
        default:
          throw KernelException.of("%s: unknown mask \"%s\"; expected \"none\", \"causal\", \"sliding\", \"prefix\", "
              + "\"block\" or a 0/1 tensor of shape [..., %d, %d]", fn, s, n, m);
      }
    } else if (mask instanceof Tensor || mask instanceof java.util.List<?>) {
      kind = Kind.EXPLICIT;
      allowed = TensorArgs.toTensor(mask, fn + ": mask");
      requireMatrixShape(fn, "mask", allowed, n, m);
      double[] a = allowed.raw();
      for (int i = 0; i < a.length; i++) {
        if (a[i] != 0 && a[i] != 1) {
          throw KernelException.of("%s: the mask tensor must hold 0 (masked) or 1 (attend), but entry %d is %s",
              fn, i, TensorArgs.fmt(a[i]));
        }
      }
    } else {
      throw KernelException.of("%s: mask must be a string (\"none\", \"causal\", \"sliding\", \"prefix\", \"block\") "
          + "or a 0/1 tensor, got %s", fn, Values.describe(mask));
    }
    requireOnlyWith(fn, "window", window, kind == Kind.SLIDING, "sliding");
    requireOnlyWith(fn, "prefix", prefix, kind == Kind.PREFIX, "prefix");
    requireOnlyWith(fn, "block", block, kind == Kind.BLOCK, "block");
    int param = 0;
    if (kind == Kind.SLIDING) {
      param = requirePositive(fn, "window", window, "sliding", 1);
    } else if (kind == Kind.PREFIX) {
      param = requirePositive(fn, "prefix", prefix, "prefix", 0);
    } else if (kind == Kind.BLOCK) {
      param = requirePositive(fn, "block", block, "block", 1);
    }
    if (bias != null) {
      requireMatrixShape(fn, "bias", bias, n, m);
      double[] b = bias.raw();
      for (int i = 0; i < b.length; i++) {
        if (Double.isNaN(b[i]) || b[i] == Double.POSITIVE_INFINITY) {
          throw KernelException.of("%s: bias entry %d is %s; the bias must be finite or -inf (masked)",
              fn, i, TensorArgs.fmt(b[i]));
        }
      }
    }
    return new Spec(kind, param, n, m, allowed, bias);
  }

  private static void requireMatrixShape(String fn, String what, Tensor t, int n, int m) {
    int[] s = t.shape();
    if (s.length < 2 || s[s.length - 2] != n || s[s.length - 1] != m) {
      throw KernelException.of("%s: %s has shape %s but the attention has %d queries and %d keys; expected [%d, %d] "
          + "or [..., %d, %d]", fn, what, Tensor.shapeString(s), n, m, n, m, n, m);
    }
  }

  private static void requireOnlyWith(String fn, String arg, Integer value, boolean used, String kind) {
    if (value != null && !used) {
      throw KernelException.of("%s: %s: %d is only used with mask: \"%s\"", fn, arg, value, kind);
    }
  }

  private static int requirePositive(String fn, String arg, Integer value, String kind, int min) {
    if (value == null) {
      throw KernelException.of("%s: mask \"%s\" needs %s: (an integer >= %d)", fn, kind, arg, min);
    }
    if (value < min) {
      throw KernelException.of("%s: %s must be >= %d, got %d", fn, arg, min, value);
    }
    return value;
  }
}
