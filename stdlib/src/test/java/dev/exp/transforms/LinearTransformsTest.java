package dev.exp.transforms;

import static dev.exp.fft.Reference.assertMatchesReference;
import static dev.exp.fft.Reference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.fft.Reference;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Haar wavelets and Kronecker products against NumPy/SciPy; sketches by their exact properties. */
class LinearTransformsTest {
  @Test
  void haarMatchesTheFilterBankMatrices() {
    assertMatchesReference("haar_h24", Haar.haar(input("h24"), null), 1e-13);
    assertMatchesReference("haar_h24_l1", Haar.haar(input("h24"), 1), 1e-13);
    assertMatchesReference("haar2_hm", Haar.haar2(input("hm"), null), 1e-13);
    assertMatchesReference("haar2_hm_l1", Haar.haar2(input("hm"), 1), 1e-13);
    Reference.same(input("h24"), Haar.ihaar(Haar.haar(input("h24"), null), null), 1e-13, "ihaar∘haar");
    Reference.same(input("hm"), Haar.ihaar2(Haar.haar2(input("hm"), null), null), 1e-13, "ihaar2∘haar2");
  }

  @Test
  void kroneckerProductsMatchNumpyAndScipy() {
    assertMatchesReference("kron_ka_kb", Kronecker.kron(input("ka"), input("kb")), 1e-14);
    assertMatchesReference("kron_vec", Kronecker.kron(Tensor.vector(input("ka").toMatrix()[0]), Tensor.vector(input("kb").toMatrix()[1])),
        1e-14);
    assertMatchesReference("khatri_rao_ka_kc", Kronecker.khatriRao(input("ka"), input("kc")), 1e-14);
    assertMatchesReference("kron_matvec", Kronecker.kronMatvec(input("ka"), input("kb"), input("kv")), 1e-13);

    // a product too large for the budget (or for one array) is a memory-limit error before allocating
    dev.exp.kernel.MemoryLimitException big = org.junit.jupiter.api.Assertions.assertThrows(
        dev.exp.kernel.MemoryLimitException.class, () -> Kronecker.kron(Tensor.zeros(1 << 16), Tensor.zeros(1 << 16)));
    assertTrue(big.getMessage().startsWith("the result (1 × 4294967296 values)"), big.getMessage());
  }

  @Test
  void sketchesSolveConsistentSystemsExactlyAndSrhtWithAllRowsIsOrthogonal() {
    Rng r = new Rng(1);
    int n = 300;
    int d = 5;
    double[] a = new double[n * d];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
    }
    double[] x = {1, -2, 0.5, 3, -1};
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        b[i] += a[i * d + j] * x[j];
      }
    }
    Tensor at = Tensor.wrap(new int[] {n, d}, a);
    for (String kind : new String[] {"gaussian", "srht", "countsketch"}) {
      Map<String, Object> s = Sketches.sketchLstsq(at, Tensor.vector(b), 40, kind, new Rng(2));
      Reference.same(Tensor.vector(x), (Tensor) s.get("x"), 1e-10, kind + " sketch-and-solve of b = A·x");
      assertTrue((Double) s.get("residual") < 1e-9, kind);
      // the sketch equals S @ A for the matrix drawn with the same seed
      Tensor sa = Sketches.sketch(at, 40, kind, new Rng(3));
      double[] sm = Sketches.sketchMatrix(40, n, kind, new Rng(3)).raw();
      double[] expect = new double[40 * d];
      for (int i = 0; i < 40; i++) {
        for (int k = 0; k < n; k++) {
          for (int j = 0; j < d; j++) {
            expect[i * d + j] += sm[i * n + k] * a[k * d + j];
          }
        }
      }
      Reference.same(Tensor.wrap(new int[] {40, d}, expect), sa, 1e-12, kind + " S·A");
    }
    // SRHT keeping all N = 512 rows is an orthogonal map of the zero-padded columns: norms are preserved
    Tensor full = Sketches.sketch(at, 512, "srht", new Rng(4));
    double na = 0;
    double ns = 0;
    for (double v : a) {
      na += v * v;
    }
    for (double v : full.raw()) {
      ns += v * v;
    }
    assertEquals(na, ns, 1e-9 * na);
  }
}
