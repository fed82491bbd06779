package dev.exp.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.fft.Reference;
import dev.exp.kernel.Fn;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generators (D07) against their own definitions' dense transforms, exact recovery of noiseless
 * sparse functions from a stated number of queries (T05, T07), and Monte Carlo values within their
 * confidence intervals of the exact values (N08).
 */
class SparseRecoveryTest {
  static Tensor t(Object o) {
    return (Tensor) o;
  }

  @Test
  void sparseSetFunctionTabulatedByZetaMatchesPointEvaluation() {
    Map<String, Object> g = SparseFunctions.sparseSetFunction(8, 6, 3, 1, new Rng(1));
    Tensor table = Lattice.zeta(t(g.get("mobius")), "subset");
    for (int s = 0; s < 256; s += 5) {
      double[] x = new double[8];
      for (int i = 0; i < 8; i++) {
        x[i] = s >> i & 1;
      }
      double v = (Double) SparseFunctions.sparseEval(g, Tensor.vector(x), 0, null);
      assertEquals(table.at(s), v, 1e-12, "coalition " + s);
    }
    for (double m : t(g.get("masks")).raw()) {
      int size = Integer.bitCount((int) m);
      assertTrue(size >= 1 && size <= 3, "order of " + m);
    }
  }

  @Test
  void sparseQaryFunctionHasExactlyItsSpectrum() {
    Map<String, Object> g = SparseFunctions.sparseQaryFunction(3, 4, 7, 1, false, new Rng(2));
    Tensor spectrum = t(g.get("spectrum"));
    Tensor f = Qary.iqft(spectrum, null, "forward");
    double[] z = f.complexRaw();
    for (int k = 0; k < 81; k += 4) {
      int[] d = SparseFunctions.digits(k, 3, 4);
      double[] x = {d[0], d[1], d[2], d[3]};
      Tensor v = t(SparseFunctions.sparseEval(g, Tensor.vector(x), 0, null));
      assertEquals(z[2 * k], v.complexRaw()[0], 1e-12);
      assertEquals(z[2 * k + 1], v.complexRaw()[1], 1e-12);
    }
    Map<String, Object> real = SparseFunctions.sparseQaryFunction(4, 3, 9, 1, true, new Rng(3));
    assertTrue(SparseFunctions.sparseEval(real, Tensor.vector(1, 2, 3), 0, null) instanceof Double, "real-valued");
    assertEquals(9, t(real.get("freqs")).dim(0));
  }

  @Test
  void sparseMobiusRecoversEveryCoefficientWithFewQueries() {
    for (long seed = 1; seed <= 5; seed++) {
      Map<String, Object> g = SparseFunctions.sparseSetFunction(12, 12, 3, 1, new Rng(seed));
      Fn f = a -> SparseFunctions.sparseEval(g, (Tensor) a[0], 0, null);
      Map<String, Object> r = SparseMobius.sparseMobius(f, 12, 12, null, 3, 1e-9, new Rng(100 + seed));
      assertArrayEquals(t(g.get("masks")).raw(), t(r.get("masks")).raw(), "support, seed " + seed);
      Reference.same(t(g.get("coefs")), t(r.get("coefs")), 1e-12, "coefficients, seed " + seed);
      assertEquals(0.0, r.get("unresolved"));
      double q = (Double) r.get("queries");
      assertTrue(q <= 0.25 * 4096, "queries " + q);
    }
  }

  @Test
  void sparseQaryAndWalshRecoveryAreExact() {
    for (long seed = 1; seed <= 5; seed++) {
      Map<String, Object> g = SparseFunctions.sparseQaryFunction(4, 6, 10, 1, false, new Rng(seed));
      Fn f = a -> SparseFunctions.sparseEval(g, (Tensor) a[0], 0, null);
      Map<String, Object> r = SparseFourier.sparseQft(f, 4, 6, 10, null, 3, 1e-6, new Rng(200 + seed));
      assertArrayEquals(t(g.get("freqs")).raw(), t(r.get("freqs")).raw(), "support, seed " + seed);
      Reference.same(t(g.get("coefs")), t(r.get("coefs")), 1e-12, "coefficients, seed " + seed);
      assertTrue((Double) r.get("queries") <= 0.25 * 4096, "queries " + r.get("queries"));
    }
    // a real 8-sparse function on {0,1}^10 through sparse_wht, checked against the dense WHT
    Map<String, Object> g = SparseFunctions.sparseQaryFunction(2, 10, 8, 1, true, new Rng(9));
    Fn f = a -> SparseFunctions.sparseEval(g, (Tensor) a[0], 0, null);
    Map<String, Object> r = SparseFourier.sparseWht(f, 10, 8, null, 3, 1e-6, new Rng(10));
    double[] table = new double[1024];
    for (int x = 0; x < 1024; x++) {
      int[] d = SparseFunctions.digits(x, 2, 10);
      double[] xv = new double[10];
      for (int i = 0; i < 10; i++) {
        xv[i] = d[i];
      }
      table[x] = (Double) SparseFunctions.sparseEval(g, Tensor.vector(xv), 0, null);
    }
    double[] spec = Walsh.wht(Tensor.vector(table), "natural", "forward").raw();
    double[] freqs = t(r.get("freqs")).raw();
    double[] coefs = t(r.get("coefs")).raw();
    int nonzero = 0;
    for (double v : spec) {
      nonzero += Math.abs(v) > 1e-12 ? 1 : 0;
    }
    assertEquals(nonzero, coefs.length, "support size");
    for (int j = 0; j < coefs.length; j++) {
      int k = 0;
      for (int i = 0; i < 10; i++) {
        k = 2 * k + (int) freqs[j * 10 + i];
      }
      assertEquals(spec[k], coefs[j], 1e-12, "coefficient at " + k);
    }
    assertTrue((Double) r.get("queries") < 1024);
  }

  @Test
  void sampledShapleyAndBanzhafCoverTheExactValues() {
    Map<String, Object> g = SparseFunctions.sparseSetFunction(8, 10, 3, 1, new Rng(7));
    Tensor a = t(g.get("mobius"));
    double[] phi = Interactions.shapley(a).raw();
    double[] beta = Interactions.banzhaf(a).raw();
    Fn f = x -> SparseFunctions.sparseEval(g, (Tensor) x[0], 0, null);
    Map<String, Object> s = Sampling.shapleySample(f, 8, 2000, 0.95, new Rng(8));
    Map<String, Object> b = Sampling.banzhafSample(f, 8, 4000, 0.95, new Rng(9));
    double[] sv = t(s.get("values")).raw();
    double[] se = t(s.get("se")).raw();
    double[] bv = t(b.get("values")).raw();
    double[] bse = t(b.get("se")).raw();
    for (int i = 0; i < 8; i++) {
      assertTrue(Math.abs(sv[i] - phi[i]) <= 4 * se[i] + 1e-12, "Shapley " + i + ": " + sv[i] + " vs " + phi[i]);
      assertTrue(Math.abs(bv[i] - beta[i]) <= 4 * bse[i] + 1e-12, "Banzhaf " + i + ": " + bv[i] + " vs " + beta[i]);
    }
    assertEquals(2000.0 * 9, s.get("queries"));
    // every permutation sample is efficient: the sampled values sum to v(N) − v(∅) exactly
    double total = 0;
    for (double v : sv) {
      total += v;
    }
    Tensor table = Lattice.zeta(a, "subset");
    assertEquals(table.at(255) - table.at(0), total, 1e-10);
  }
}
