package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** NumPy broadcasting on literal cases (expected values computed with NumPy and pasted), views included. */
class BroadcastTest {
  static Tensor ar(int... shape) {
    return ShapesTest.ar(shape);
  }

  @Test
  void columnPlusRow() {
    Tensor a = Tensor.matrix(new double[][] {{1}, {2}, {3}});
    Tensor b = Tensor.vector(10, 20);
    close(new int[] {3, 2}, new double[] {11, 21, 12, 22, 13, 23}, Tensor.zip(a, b, Double::sum), 0);
  }

  @Test
  void threeDimensionsAgainstAColumn() {
    Tensor c = ar(2, 1, 3);
    Tensor d = ar(4, 1).map(x -> 10 * x);
    close(new int[] {2, 4, 3}, new double[] {0, 1, 2, -10, -9, -8, -20, -19, -18, -30, -29, -28, 3, 4, 5, -7, -6, -5,
        -17, -16, -15, -27, -26, -25}, Tensor.zip(c, d, (x, y) -> x - y), 0);
  }

  @Test
  void viewsBroadcast() {
    Tensor e = Views.flip(ar(3), 0);
    Tensor b = e.broadcastTo(new int[] {2, 3});
    assertSame(e.storage(), b.storage());
    close(new int[] {2, 3}, new double[] {2, 1, 0, 2, 1, 0}, b, 0);
    Tensor mt = Views.transpose(ar(2, 3));
    close(new int[] {3, 2}, new double[] {0, -3, 1, -4, 2, -5}, Tensor.zip(mt, Tensor.vector(1, -1), (x, y) -> x * y), 0);
  }

  @Test
  void emptyAndUnitShapes() {
    assertArrayEquals(new int[] {0, 3}, Tensor.zip(Tensor.zeros(0, 3), ar(3), Double::sum).shape());
    close(new int[] {4, 3}, new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3},
        Tensor.zip(Tensor.full(new int[] {1, 3}, 1), ar(4, 1), (x, y) -> x * y), 0);
    KernelException ex = assertThrows(KernelException.class, () -> Tensor.broadcastShapes(new int[] {2, 3}, new int[] {2}));
    assertTrue(ex.getMessage().contains("[2, 3]") && ex.getMessage().contains("[2]"), ex.getMessage());
    assertThrows(KernelException.class, () -> ar(3).broadcastTo(new int[] {3, 2}));
  }
}
