package dev.exp.attention;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Validated operands of one softmax-attention call, seen as a batch of {@code nb} independent
 * problems {@code q[n, d]}, {@code k[m, d]}, {@code v[m, dv]} with a shared mask. Leading dimensions of
 * q, k, v, the mask tensor and the bias broadcast together (NumPy rules) to the batch shape.
 */
final class Problem {
  final String fn;
  final int[] batch;
  final int nb;
  final int n;
  final int m;
  final int d;
  final int dv;
  final double[] q;
  final double[] k;
  final double[] v;
  final int[] qOff;
  final int[] kOff;
  final int[] vOff;
  final double scale;
  final Masks.Spec mask;
  /** q was a single vector [d]: the output drops the query axis. */
  final boolean singleQuery;

  Problem(String fn, Tensor q, Tensor k, Tensor v, Object mask, Integer window, Integer prefix, Integer block,
      Tensor bias, Double scale) {
    this.fn = fn;
    if (q.rank() < 1 || k.rank() < 2 || v.rank() < 2) {
      throw KernelException.of("%s: q has shape %s, k %s, v %s; expected q [..., n, d] (or one query [d]), "
          + "k [..., m, d] and v [..., m, dv]", fn, Tensor.shapeString(q.shape()), Tensor.shapeString(k.shape()),
          Tensor.shapeString(v.shape()));
    }
    singleQuery = q.rank() == 1;
    int[] qs = singleQuery ? new int[] {1, q.dim(0)} : q.shape();
    int[] ks = k.shape();
    int[] vs = v.shape();
    n = qs[qs.length - 2];
    d = qs[qs.length - 1];
    m = ks[ks.length - 2];
    dv = vs[vs.length - 1];
    if (ks[ks.length - 1] != d) {
      throw KernelException.of("%s: q has shape %s but k has shape %s; the last dimensions (d) must match",
          fn, Tensor.shapeString(q.shape()), Tensor.shapeString(ks));
    }
    if (vs[vs.length - 2] != m) {
      throw KernelException.of("%s: k has shape %s but v has shape %s; k and v need the same number of rows (keys)",
          fn, Tensor.shapeString(ks), Tensor.shapeString(vs));
    }
    if (m == 0) {
      throw KernelException.of("%s: k has shape %s: there must be at least one key", fn, Tensor.shapeString(ks));
    }
    if (d == 0 && scale == null) {
      throw KernelException.of("%s: q has shape %s: the feature dimension d must be at least 1", fn,
          Tensor.shapeString(q.shape()));
    }
    TensorArgs.requireFinite(q, fn, "q");
    TensorArgs.requireFinite(k, fn, "k");
    TensorArgs.requireFinite(v, fn, "v");
    if (scale != null && !Double.isFinite(scale)) {
      throw KernelException.of("%s: scale must be finite, got %s", fn, TensorArgs.fmt(scale));
    }
    this.scale = scale == null ? 1 / Math.sqrt(d) : scale;
    this.mask = Masks.parse(fn, mask, window, prefix, block, bias, n, m);
    int[] b = Batching.batchOf(qs);
    try {
      b = Tensor.broadcastShapes(b, Batching.batchOf(ks));
      b = Tensor.broadcastShapes(b, Batching.batchOf(vs));
      if (this.mask.allowed != null) {
        b = Tensor.broadcastShapes(b, this.mask.allowedBatch);
      }
      if (this.mask.bias != null) {
        b = Tensor.broadcastShapes(b, this.mask.biasBatch);
      }
    } catch (KernelException e) {
      throw KernelException.of("%s: the leading (batch) dimensions of q %s, k %s, v %s%s cannot be broadcast together",
          fn, Tensor.shapeString(q.shape()), Tensor.shapeString(ks), Tensor.shapeString(vs),
          (this.mask.allowed != null ? ", mask " + Tensor.shapeString(this.mask.allowedBatch) + "+[n, m]" : "")
              + (this.mask.bias != null ? ", bias " + Tensor.shapeString(this.mask.biasBatch) + "+[n, m]" : ""));
    }
    batch = b;
    long total = TensorArgs.prod(batch, 0, batch.length);
    if (total * n * Math.max(dv, 1) > Integer.MAX_VALUE - 8) {
      throw KernelException.of("%s: the output would have too many elements", fn);
    }
    nb = (int) total;
    this.q = q.raw();
    this.k = k.raw();
    this.v = v.raw();
    qOff = Batching.offsets(Batching.batchOf(qs), batch, nb, (long) n * d);
    kOff = Batching.offsets(Batching.batchOf(ks), batch, nb, (long) m * d);
    vOff = Batching.offsets(Batching.batchOf(vs), batch, nb, (long) m * dv);
    this.mask.bind(batch);
  }

  /** A zeroed array for the weights (batch × n × m), or a clear error when it would be too large. */
  double[] weightArray() {
    long size = (long) nb * n * m;
    if (size > Integer.MAX_VALUE - 8) {
      throw KernelException.of("%s: the weight matrix of %d × %d × %d entries is too large to return; use "
          + "return_weights: false (the tiled kernel never forms it)", fn, nb, n, m);
    }
    return new double[(int) size];
  }

  /** Shape of the attention output: batch + [n, dv], or batch + [dv] for a single query. */
  int[] outShape() {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + (singleQuery ? 1 : 2));
    if (singleQuery) {
      s[batch.length] = dv;
    } else {
      s[batch.length] = n;
      s[batch.length + 1] = dv;
    }
    return s;
  }

  /** Shape of the weight matrix: batch + [n, m], or batch + [m] for a single query. */
  int[] weightShape() {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + (singleQuery ? 1 : 2));
    if (singleQuery) {
      s[batch.length] = m;
    } else {
      s[batch.length] = n;
      s[batch.length + 1] = m;
    }
    return s;
  }

  /** The error for a query row that sees no key at all. */
  KernelException emptyRow(int b, int i) {
    String where = batch.length == 0 ? "" : " of batch index " + Batching.index(batch, b);
    return KernelException.of("%s: query row %d%s has every key masked (%s%s); softmax over no keys is undefined. "
        + "Give every query at least one visible key (and discard the rows you do not need)",
        fn, i, where, mask.describe(), mask.bias != null && mask.kind != Masks.Kind.EXPLICIT ? " plus the -inf bias entries" : "");
  }

  /** The error for logits that overflow to infinity. */
  static KernelException overflow(Problem p, int b, int i) {
    String where = p.batch.length == 0 ? "" : " of batch index " + Batching.index(p.batch, b);
    return KernelException.of("%s: the logits of query row %d%s overflow to infinity (scale %s); "
        + "q and k are too large", p.fn, i, where, TensorArgs.fmt(p.scale));
  }
}
