package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static dev.exp.tensor.Check.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementWiseTest {
  @Test
  void numbersStayNumbers() {
    assertEquals(Math.E, (Double) ElementWise.exp(1.0), 1e-15);
    assertEquals(3.0, ElementWise.sqrt(9.0));
    assertEquals(Boolean.TRUE, ElementWise.isnan(Double.NaN));
    assertEquals(Boolean.FALSE, ElementWise.isfinite(Double.POSITIVE_INFINITY));
    close(new int[] {2}, new double[] {1, 2}, t(ElementWise.sqrt(Tensor.vector(1, 4))), 0);
    close(new int[] {2}, new double[] {0, 1}, t(ElementWise.log(List.of(1.0, Math.E))), 1e-15);
  }

  @Test
  void closedForms() {
    Tensor x = Tensor.vector(-2, -0.5, 0, 0.5, 3);
    close(new double[] {2, 0.5, 0, 0.5, 3}, t(ElementWise.abs(x)), 0);
    close(new double[] {-1, -1, 0, 1, 1}, t(ElementWise.sign(x)), 0);
    close(new double[] {0, 0, 0, 0.5, 3}, t(ElementWise.relu(x)), 0);
    close(new double[] {-2, -1, 0, 0, 3}, t(ElementWise.floor(x)), 0);
    close(new double[] {-2, -0.0, 0, 1, 3}, t(ElementWise.ceil(x)), 0);
    close(new double[] {4, 0.25, 0, 0.25, 9}, t(ElementWise.square(x)), 0);
    close(new double[] {Math.tanh(-2), Math.tanh(-0.5), 0, Math.tanh(0.5), Math.tanh(3)}, t(ElementWise.tanh(x)), 1e-15);
    assertEquals(1e-20, (Double) ElementWise.log1p(1e-20), 1e-35);
    assertEquals(1e-20, (Double) ElementWise.expm1(1e-20), 1e-35);
    assertEquals(10.0, ElementWise.log2(1024.0));
    assertEquals(3.0, (Double) ElementWise.log10(1000.0), 1e-15);
    assertEquals(1.0, (Double) ElementWise.sin(Math.PI / 2), 1e-15);
    assertEquals(-1.0, (Double) ElementWise.cos(Math.PI), 1e-15);
    assertEquals(1.0, (Double) ElementWise.tan(Math.PI / 4), 1e-15);
    assertEquals(Math.log(2), (Double) ElementWise.softplus(0.0), 1e-15);
    assertEquals(1000.0, (Double) ElementWise.softplus(1000.0), 1e-12);
  }

  @Test
  void sigmoidStable() {
    close(new double[] {0, 0.5, 1}, t(ElementWise.sigmoid(Tensor.vector(-1000, 0, 1000))), 0);
    assertEquals(1 / (1 + Math.exp(-2)), ElementWise.sigmoid(2.0), 1e-16);
    assertEquals(Math.exp(-30) / (1 + Math.exp(-30)), ElementWise.sigmoid(-30.0), 1e-28);
    // sigmoid(-x) = 1 - sigmoid(x)
    assertEquals(1 - ElementWise.sigmoid(1.3), ElementWise.sigmoid(-1.3), 1e-16);
  }

  @Test
  void roundHalfToEven() {
    close(new double[] {0, 2, 2, -0.0, -2, 4}, t(ElementWise.round(Tensor.vector(0.5, 1.5, 2.5, -0.5, -1.5, 3.7), 0)), 0);
    assertEquals(1.23, (Double) ElementWise.round(1.234, 2), 1e-15);
  }

  @Test
  void broadcastingBinaries() {
    Tensor col = Tensor.matrix(new double[][] {{1}, {5}});
    Tensor row = Tensor.vector(0, 3, 6);
    close(new int[] {2, 3}, new double[] {1, 3, 6, 5, 5, 6}, t(ElementWise.maximum(col, row)), 0);
    close(new int[] {2, 3}, new double[] {0, 1, 1, 0, 3, 5}, t(ElementWise.minimum(col, row)), 0);
    assertEquals(3.0, ElementWise.maximum(2.0, 3.0));
    assertTrue(Double.isNaN(t(ElementWise.maximum(Tensor.vector(Double.NaN), 1.0)).at(0)));
    assertThrows(KernelException.class, () -> ElementWise.maximum(Tensor.vector(1, 2), Tensor.vector(1, 2, 3)));
    close(new double[] {0, 0.5, 1}, t(ElementWise.clip(Tensor.vector(-3, 0.5, 9), 0.0, 1.0)), 0);
    close(new double[] {-3, 0.5, 1}, t(ElementWise.clip(Tensor.vector(-3, 0.5, 9), null, 1.0)), 0);
    // NumPy: np.clip(x, lo, hi) == np.minimum(np.maximum(x, lo), hi), bounds broadcast, a nan bound gives nan
    Tensor m = Tensor.matrix(new double[][] {{1, 5}, {3, -2}});
    close(new int[] {2, 2}, new double[] {1, 5, 3, 2}, t(ElementWise.clip(m, Tensor.vector(0, 2), null)), 0);
    close(new int[] {2, 2}, new double[] {1, 4, 2, 2}, t(ElementWise.clip(m, Tensor.vector(0, 2), Tensor.vector(2, 4))), 0);
    Tensor nan = t(ElementWise.clip(Tensor.vector(1, 2), Double.NaN, 1.0));
    assertTrue(Double.isNaN(nan.at(0)) && Double.isNaN(nan.at(1)));
    assertTrue(Double.isNaN(t(ElementWise.clip(Tensor.vector(Double.NaN), 0.0, 1.0)).at(0)), "a nan value stays nan");
    assertEquals(1.0, ElementWise.clip(7.0, 0.0, 1.0));
    assertThrows(KernelException.class, () -> ElementWise.clip(m, 2.0, 1.0));
  }

  @Test
  void whereKeepsTheExactBitsOfTheChosenValues() {
    // numpy.where([1, 0, nan, 0, -0.0], [-0.0, 2, inf, 4, 5], nan) == [-0.0, nan, inf, nan, nan]
    Tensor r = Indexing.where(Tensor.vector(1, 0, Double.NaN, 0, -0.0), Tensor.vector(-0.0, 2, Double.POSITIVE_INFINITY, 4, 5),
        Tensor.scalar(Double.NaN));
    double[] expected = {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(r.at(i)), "element " + i);
    }
    // a scalar condition broadcasts too: numpy.where(0, [1, 2], [3, 4]) == [3, 4]
    close(new int[] {2}, new double[] {3, 4}, Indexing.where(Tensor.scalar(0), Tensor.vector(1, 2), Tensor.vector(3, 4)), 0);
  }

  @Test
  void whereBroadcasts() {
    Tensor cond = Tensor.vector(1, 0, 1);
    Tensor a = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
    close(new int[] {2, 3}, new double[] {1, -1, 3, 4, -1, 6}, Indexing.where(cond, a, Tensor.scalar(-1)), 0);
    Tensor c2 = Tensor.matrix(new double[][] {{1}, {0}});
    close(new int[] {2, 3}, new double[] {1, 2, 3, 0, 0, 0}, Indexing.where(c2, a, Tensor.scalar(0)), 0);
  }

  @Test
  void oneHot() {
    close(new int[] {2, 3}, new double[] {1, 0, 0, 0, 0, 1}, Indexing.oneHot(Tensor.vector(0, 2), 3), 0);
    close(new int[] {2, 1, 2}, new double[] {0, 1, 1, 0}, Indexing.oneHot(Tensor.matrix(new double[][] {{1}, {0}}), 2), 0);
    KernelException e = assertThrows(KernelException.class, () -> Indexing.oneHot(Tensor.vector(0, 1.5), 3));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(KernelException.class, () -> Indexing.oneHot(Tensor.vector(3), 3));
    assertThrows(KernelException.class, () -> Indexing.oneHot(Tensor.vector(-1), 3));
  }

  @Test
  void take() {
    Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    close(new int[] {2, 2}, new double[] {5, 6, 1, 2}, Indexing.take(m, Tensor.vector(2, 0), 0), 0);
    close(new int[] {3, 1}, new double[] {2, 4, 6}, Indexing.take(m, Tensor.vector(-1), 1), 0);
    close(new int[] {2}, new double[] {4, 1}, Indexing.take(m, Tensor.vector(3, 0), null), 0);
    assertThrows(KernelException.class, () -> Indexing.take(m, Tensor.vector(3), 0));
  }

  @Test
  void scans() {
    close(new int[] {4}, new double[] {1, 3, 6, 10}, ElementWise.cumsum(Tensor.vector(1, 2, 3, 4), null), 0);
    Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    close(new int[] {4}, new double[] {1, 3, 6, 10}, ElementWise.cumsum(m, null), 0);
    close(new int[] {2, 2}, new double[] {1, 2, 4, 6}, ElementWise.cumsum(m, 0), 0);
    close(new int[] {2, 2}, new double[] {1, 2, 3, 12}, ElementWise.cumprod(m, 1), 0);
    close(new int[] {3}, new double[] {3, 5, 7}, ElementWise.diff(Tensor.vector(1, 4, 9, 16), 1, -1), 0);
    close(new int[] {2}, new double[] {2, 2}, ElementWise.diff(Tensor.vector(1, 4, 9, 16), 2, -1), 0);
    close(new int[] {1, 2}, new double[] {2, 2}, ElementWise.diff(m, 1, 0), 0);
  }
}
