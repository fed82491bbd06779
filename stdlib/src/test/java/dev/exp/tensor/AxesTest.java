package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import org.junit.jupiter.api.Test;

/** Reductions over several axes (NumPy's tuple of axes) against brute-force loops. */
class AxesTest {
  private final Tensor x = Random.randn(new int[] {3, 4, 5}, new Rng(7));

  @Test
  void sumAndMeanOverTwoAxesAreTheLoopsOverThem() {
    Tensor s = (Tensor) AxisReductions.sum(x, Axes.of(0, 2), false);
    Tensor m = (Tensor) AxisReductions.mean(x, Axes.of(2, 0), false);
    assertArrayEquals(new int[] {4}, s.shape());
    for (int j = 0; j < 4; j++) {
      double want = 0;
      for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 5; k++) {
          want += x.get(i, j, k);
        }
      }
      assertEquals(want, s.get(j), 1e-12);
      assertEquals(want / 15, m.get(j), 1e-12);
    }
  }

  @Test
  void varianceOverSeveralAxesIsOverTheirValuesTogetherNotAVarianceOfVariances() {
    Tensor v = (Tensor) AxisReductions.var(x, Axes.of(-1, 1), 1, true);
    assertArrayEquals(new int[] {3, 1, 1}, v.shape());
    for (int i = 0; i < 3; i++) {
      double mean = 0;
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 5; k++) {
          mean += x.get(i, j, k) / 20;
        }
      }
      double ss = 0;
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 5; k++) {
          ss += (x.get(i, j, k) - mean) * (x.get(i, j, k) - mean);
        }
      }
      assertEquals(ss / 19, v.get(i, 0, 0), 1e-12);
    }
  }

  @Test
  void extremesAndLogicOverSeveralAxes() {
    Tensor mx = (Tensor) AxisReductions.max(x, Axes.of(0, 1), false);
    for (int k = 0; k < 5; k++) {
      double want = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 4; j++) {
          want = Math.max(want, x.get(i, j, k));
        }
      }
      assertEquals(want, mx.get(k));
    }
    Tensor pos = x.map(v -> v > 0 ? 1 : 0);
    Tensor cnt = (Tensor) AxisReductions.countNonzero(pos, Axes.of(1, 2), false);
    Tensor anyPos = (Tensor) AxisReductions.any(pos, Axes.of(1, 2), false);
    for (int i = 0; i < 3; i++) {
      int c = 0;
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 5; k++) {
          c += x.get(i, j, k) > 0 ? 1 : 0;
        }
      }
      assertEquals(c, cnt.get(i));
      assertEquals(c > 0 ? 1 : 0, anyPos.get(i));
    }
  }

  @Test
  void everyAxisIsTheWholeReductionAndOneAxisIsTheUsualOne() {
    assertEquals((Double) Reductions.sum(x, null, false), (Double) AxisReductions.sum(x, Axes.of(0, 1, 2), false), 1e-12);
    assertEquals(Boolean.FALSE, AxisReductions.all(Tensor.wrap(new int[] {2, 2}, new double[] {1, 0, 1, 1}), Axes.of(0, 1), false),
        "all the axes of a matrix: a bool, as with axis none");
    Tensor whole = (Tensor) AxisReductions.sum(x, Axes.of(2, 1, 0), true);
    assertArrayEquals(new int[] {1, 1, 1}, whole.shape());
    Tensor one = (Tensor) AxisReductions.sum(x, Axes.of(1), false);
    assertArrayEquals(new int[] {3, 5}, one.shape());
  }

  @Test
  void repeatedOrOutOfRangeAxesAreErrors() {
    KernelException twice = assertThrows(KernelException.class, () -> AxisReductions.sum(x, Axes.of(0, -3), false));
    assertTrue(twice.getMessage().contains("axis 0 is given twice"), twice.getMessage());
    KernelException range = assertThrows(KernelException.class, () -> AxisReductions.sum(x, Axes.of(0, 3), false));
    assertTrue(range.getMessage().contains("axis 3 is out of range for a tensor of rank 3"), range.getMessage());
  }
}
