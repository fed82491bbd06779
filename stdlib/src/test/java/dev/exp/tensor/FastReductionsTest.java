package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.loops.Loops;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Vectorised reductions: vector = scalar bit for bit, and both against exact (BigDecimal) sums. */
class FastReductionsTest {
  static final Loops V = Loops.vectorOrNull();
  static final Loops S = Loops.scalar();

  static double exactSum(double[] a, int off, int st, int n) {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(a[off + i * st])) {
        return Double.NaN;
      }
      s = s.add(new BigDecimal(a[off + i * st]));
    }
    return s.round(MathContext.DECIMAL128).doubleValue();
  }

  @Test
  void sumsAreBitIdenticalOnBothLoopsAndWithinAnUlpOfTheExactSum() {
    assertNotNull(V);
    SplittableRandom r = new SplittableRandom(5);
    for (int n : new int[] {0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099}) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6); // wide dynamic range, cancellation
      }
      Tensor t = Tensor.wrap(new int[] {n}, d);
      double vs = FastReductions.sum(V, t);
      double ss = FastReductions.sum(S, t);
      assertEquals(Double.doubleToLongBits(ss), Double.doubleToLongBits(vs), "n = " + n);
      double exact = exactSum(d, 0, 1, n);
      assertTrue(Math.abs(vs - exact) <= Math.ulp(exact), "n = " + n + ": " + vs + " vs exact " + exact);
    }
  }

  @Test
  void specialValuesInSums() {
    for (Loops l : new Loops[] {S, V}) {
      assertEquals(Double.POSITIVE_INFINITY, FastReductions.sum(l, Tensor.vector(1, Double.POSITIVE_INFINITY, 2, 3, 4, 5, 6, 7, 8)));
      assertTrue(Double.isNaN(FastReductions.sum(l, Tensor.vector(1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))));
      assertTrue(Double.isNaN(FastReductions.sum(l, Tensor.vector(1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN))));
      // 1e100 + 1 - 1e100 = 1 with compensation (NumPy's pairwise sum gives 0 here)
      assertEquals(1.0, FastReductions.sum(l, Tensor.vector(1e100, 1, -1e100)));
    }
  }

  @Test
  void axisSumsMeansAndExtremesAgainstBruteForceOnBothLoops() {
    SplittableRandom r = new SplittableRandom(9);
    int[] shape = {3, 37, 5};
    double[] d = new double[3 * 37 * 5];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextInt(50) == 0 ? Double.NaN : r.nextDouble() * 100 - 50;
    }
    Tensor x = Tensor.wrap(shape, d);
    for (int ax = 0; ax < 3; ax++) {
      TensorArgs.Lanes l = TensorArgs.Lanes.of(shape, ax);
      Tensor vs = FastReductions.sumAxis(V, x, ax, false, false);
      Tensor ss = FastReductions.sumAxis(S, x, ax, false, false);
      assertArrayEquals(ss.raw(), vs.raw(), 0.0);
      Tensor mx = FastReductions.extremeAxis(V, x, ax, true, true);
      assertArrayEquals(FastReductions.extremeAxis(S, x, ax, true, true).raw(), mx.raw(), 0.0);
      Tensor mn = FastReductions.extremeAxis(V, x, ax, false, false);
      Tensor mean = FastReductions.sumAxis(V, x, ax, false, true);
      for (int lane = 0; lane < l.count(); lane++) {
        double want = exactSum(d, l.start(lane), l.stride(), l.n());
        double got = vs.raw()[lane];
        assertTrue(Double.isNaN(want) ? Double.isNaN(got) : Math.abs(got - want) <= Math.ulp(want), ax + "/" + lane);
        double m = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (int i = 0; i < l.n(); i++) {
          double v = d[l.start(lane) + i * l.stride()];
          nan |= Double.isNaN(v);
          m = Math.max(m, v);
          lo = Math.min(lo, v);
        }
        assertEquals(nan ? Double.NaN : m, mx.raw()[lane]);
        assertEquals(nan ? Double.NaN : lo, mn.raw()[lane]);
        assertEquals(got / l.n(), mean.raw()[lane]);
      }
    }
  }

  @Test
  void extremesOfStridedViewsReadInPlace() {
    double[] d = {5, -1, 9, 2, Double.NaN, 7, 3, 8};
    // every other element, reversed: 8, 7, 2, -1 ... offset 7 stride -2 -> d[7], d[5], d[3], d[1]
    Tensor v = Tensor.view(DType.FLOAT64, new int[] {4}, new int[] {-2}, 7, d);
    for (Loops l : new Loops[] {S, V}) {
      assertEquals(8.0, FastReductions.extreme(l, v, true, "max"));
      assertEquals(-1.0, FastReductions.extreme(l, v, false, "min"));
      assertTrue(Double.isNaN(FastReductions.extreme(l, Tensor.view(DType.FLOAT64, new int[] {2, 2}, new int[] {4, 1}, 0,
          new double[] {1, 2, 0, 0, Double.NaN, 3}), true, "max")));
    }
    KernelException e = assertThrows(KernelException.class, () -> FastReductions.extreme(S, Tensor.zeros(0), true, "max"));
    assertTrue(e.getMessage().contains("max: cannot reduce an empty tensor"));
  }
}
