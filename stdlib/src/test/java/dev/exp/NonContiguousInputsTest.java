package dev.exp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.exp.attention.Layers;
import dev.exp.attention.LinearAttention;
import dev.exp.attention.SoftmaxAttention;
import dev.exp.data.KGram;
import dev.exp.data.MarkovKernels;
import dev.exp.io.TableFiles;
import dev.exp.linalg.Decompositions;
import dev.exp.linalg.Linalg;
import dev.exp.metrics.Information;
import dev.exp.metrics.Losses;
import dev.exp.plot.PlotKernels;
import dev.exp.random.Rng;
import dev.exp.stats.Stats;
import dev.exp.table.TableKernels;
import dev.exp.tensor.Random;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.Views;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kernel family given non-contiguous views (negative strides, transposes) returns exactly what
 * it returns for the contiguous copy of the same values.
 */
class NonContiguousInputsTest {
  /** The same values as {@code t}, as a view with negative strides over reversed storage. */
  static Tensor flipped(Tensor t) {
    Tensor v = Views.flipAll(Views.flipAll(t).copy());
    assertFalse(v.isContiguous() && t.size() > 1, "test helper must give a non-contiguous view");
    return v;
  }

  /** The same values as matrix {@code t}, as the transpose of its transpose's copy. */
  static Tensor transposed(Tensor t) {
    Tensor v = Views.transpose(Views.transpose(t).copy());
    assertFalse(v.isContiguous(), "test helper must give a non-contiguous view");
    return v;
  }

  static Tensor randn(long seed, int... shape) {
    return Random.randn(shape, new Rng(seed));
  }

  static void same(Object expected, Object actual) {
    if (expected instanceof Map<?, ?> m) {
      Map<?, ?> a = (Map<?, ?>) actual;
      assertEquals(m.keySet(), a.keySet());
      for (Object k : m.keySet()) {
        same(m.get(k), a.get(k));
      }
      return;
    }
    assertEquals(expected, actual);
  }

  @Test
  void attention() {
    Tensor q = randn(1, 7, 4);
    Tensor k = randn(2, 7, 4);
    Tensor v = randn(3, 7, 3);
    same(SoftmaxAttention.softmax(q, k, v, "causal", null, null, null, null, null, false),
        SoftmaxAttention.softmax(transposed(q), flipped(k), transposed(v), "causal", null, null, null, null, null, false));
    same(LinearAttention.linear(q, k, v, "elu1", true, "parallel", true, null, 64),
        LinearAttention.linear(flipped(q), transposed(k), flipped(v), "elu1", true, "parallel", true, null, 64));
    same(Layers.layerNorm(q, null, null, 1e-5), Layers.layerNorm(transposed(q), null, null, 1e-5));
  }

  @Test
  void linalg() {
    Tensor a = randn(4, 5, 5);
    Tensor b = randn(5, 5, 2);
    same(Linalg.solve(a, b), Linalg.solve(transposed(a), flipped(b)));
    same(Linalg.det(a), Linalg.det(flipped(a)));
    same(Linalg.inv(a), Linalg.inv(transposed(a)));
    same(Decompositions.svd(a, false), Decompositions.svd(transposed(a), false));
    Tensor spd = dev.exp.tensor.MatMul.matmul(a, Views.transpose(a));
    same(Decompositions.eigh(spd), Decompositions.eigh(flipped(spd)));
    same(Decompositions.cholesky(spd), Decompositions.cholesky(transposed(spd)));
    same(Decompositions.qr(a), Decompositions.qr(flipped(a)));
    same(Decompositions.eig(a), Decompositions.eig(transposed(a)));
  }

  @Test
  void metricsAndStats() {
    Tensor p = Tensor.matrix(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.1, 0.3}});
    Tensor r = Tensor.matrix(new double[][] {{0.25, 0.25, 0.5}, {0.5, 0.25, 0.25}});
    same(Information.kl(p, r, null), Information.kl(flipped(p), transposed(r), null));
    same(Losses.mse(p, r), Losses.mse(transposed(p), flipped(r)));
    Tensor x = randn(6, 20);
    Tensor y = randn(7, 20);
    same(Stats.ttest(x, y, false), Stats.ttest(flipped(x), flipped(y), false));
    same(Stats.meanCi(x, 0.95), Stats.meanCi(flipped(x), 0.95));
    same(Stats.quantileKernel(x, Tensor.vector(0.1, 0.5)), Stats.quantileKernel(flipped(x), flipped(Tensor.vector(0.1, 0.5))));
  }

  @Test
  void data() {
    Tensor seq = Tensor.vector(0, 1, 1, 0, 1, 0, 0, 1, 1, 1);
    same(KGram.kgramCounts(seq, 2, 2), KGram.kgramCounts(flipped(seq), 2, 2));
    Map<String, Object> src = MarkovKernels.flipSource(0.1);
    same(MarkovKernels.markovConditional(src, seq), MarkovKernels.markovConditional(src, flipped(seq)));
  }

  @Test
  void tablesIoAndPlots() {
    Tensor col = Tensor.vector(3, 1, 4, 1, 5);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("x", col);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("x", flipped(col));
    assertEquals(TableFiles.toCsv(TableKernels.table(a)), TableFiles.toCsv(TableKernels.table(b)));
    Tensor m = randn(8, 3, 4);
    assertEquals(TableFiles.toCsv(m), TableFiles.toCsv(transposed(m)));
    assertEquals(PlotKernels.line(m, null, null, "", null, null, null, 640, 420).toSvg(),
        PlotKernels.line(transposed(m), null, null, "", null, null, null, 640, 420).toSvg());
    assertEquals(PlotKernels.scatter(col, col, "", null, null, null, 640, 420).toSvg(),
        PlotKernels.scatter(flipped(col), flipped(col), "", null, null, null, 640, 420).toSvg());
  }
}
