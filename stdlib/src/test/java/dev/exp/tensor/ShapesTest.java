package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesTest {
  static Tensor ar(int... shape) {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    return Creation.arange(n, null, 1).reshape(shape);
  }

  @Test
  void reshapeAndFlatten() {
    close(new int[] {2, 3}, ar(6).raw(), Shapes.reshape(ar(6), new int[] {2, -1}), 0);
    close(new int[] {6}, ar(6).raw(), Shapes.flatten(ar(2, 3)), 0);
    assertThrows(KernelException.class, () -> Shapes.reshape(ar(6), new int[] {4, -1}));
  }

  @Test
  void concatAlongAxes() {
    Tensor a = ar(2, 2);
    Tensor b = Tensor.matrix(new double[][] {{9, 9}});
    close(new int[] {3, 2}, new double[] {0, 1, 2, 3, 9, 9}, Shapes.concat(List.of(a, b), 0), 0);
    Tensor c = Tensor.matrix(new double[][] {{7}, {8}});
    close(new int[] {2, 3}, new double[] {0, 1, 7, 2, 3, 8}, Shapes.concat(List.of(a, c), -1), 0);
    KernelException e = assertThrows(KernelException.class, () -> Shapes.concat(List.of(a, c), 0));
    assertTrue(e.getMessage().contains("[2, 1]") && e.getMessage().contains("[2, 2]"), e.getMessage());
  }

  @Test
  void stack() {
    Tensor a = Tensor.vector(1, 2);
    Tensor b = Tensor.vector(3, 4);
    close(new int[] {2, 2}, new double[] {1, 2, 3, 4}, Shapes.stack(List.of(a, b), 0), 0);
    close(new int[] {2, 2}, new double[] {1, 3, 2, 4}, Shapes.stack(List.of(a, b), -1), 0);
    assertThrows(KernelException.class, () -> Shapes.stack(List.of(a, Tensor.vector(1)), 0));
  }

  @Test
  void transposeMatchesBruteForce() {
    Tensor x = Random.randn(new int[] {3, 4, 5}, new Rng(1));
    Tensor t = Shapes.transpose(x, new int[] {2, 0, 1});
    assertArrayEquals(new int[] {5, 3, 4}, t.shape());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 5; k++) {
          assertEquals(x.get(i, j, k), t.get(k, i, j));
        }
      }
    }
    // negative axes count from the end, as in NumPy: [-1, 0, -2] is [2, 0, 1]
    Tensor neg = Shapes.transpose(x, Tensor.vector(new double[] {-1, 0, -2}));
    assertArrayEquals(new int[] {5, 3, 4}, neg.shape());
    assertEquals(x.get(1, 2, 3), neg.get(3, 1, 2));
    assertThrows(KernelException.class, () -> Shapes.transpose(x, Tensor.vector(new double[] {0, 1.5, 2})));
    assertThrows(KernelException.class, () -> Shapes.transpose(x, new int[] {0, 3, 1}), "axis 3 of a rank-3 tensor");
    Tensor r = Shapes.transpose(x, (Tensor) null);
    assertArrayEquals(new int[] {5, 4, 3}, r.shape());
    assertEquals(x.get(1, 2, 3), r.get(3, 2, 1));
    Tensor m = Random.rand(new int[] {37, 70}, new Rng(2));
    Tensor mt = Shapes.transpose(m);
    for (int i = 0; i < 37; i++) {
      for (int j = 0; j < 70; j++) {
        assertEquals(m.get(i, j), mt.get(j, i));
      }
    }
    assertThrows(KernelException.class, () -> Shapes.transpose(x, new int[] {0, 0, 1}));
  }

  @Test
  void squeezeExpand() {
    assertArrayEquals(new int[] {3}, Shapes.squeeze(ar(1, 3, 1), null).shape());
    assertArrayEquals(new int[] {3, 1}, Shapes.squeeze(ar(1, 3, 1), 0).shape());
    assertThrows(KernelException.class, () -> Shapes.squeeze(ar(1, 3, 1), 1));
    assertArrayEquals(new int[] {1, 3}, Shapes.expandDims(ar(3), 0).shape());
    assertArrayEquals(new int[] {3, 1}, Shapes.expandDims(ar(3), -1).shape());
  }

  @Test
  void tileAndRepeat() {
    close(new int[] {6}, new double[] {1, 2, 1, 2, 1, 2}, Shapes.tile(Tensor.vector(1, 2), new int[] {3}), 0);
    close(new int[] {4, 2}, new double[] {0, 1, 2, 3, 0, 1, 2, 3}, Shapes.tile(ar(2, 2), new int[] {2, 1}), 0);
    close(new int[] {2, 4}, new double[] {0, 1, 0, 1, 2, 3, 2, 3}, Shapes.tile(ar(2, 2), new int[] {2}), 0);
    close(new int[] {2, 4}, new double[] {0, 1, 0, 1, 0, 1, 0, 1}, Shapes.tile(Tensor.vector(0, 1), new int[] {2, 2}), 0);
    close(new int[] {4}, new double[] {1, 1, 2, 2}, Shapes.repeatElements(Tensor.vector(1, 2), 2, null), 0);
    close(new int[] {4, 2}, new double[] {0, 1, 0, 1, 2, 3, 2, 3}, Shapes.repeatElements(ar(2, 2), 2, 0), 0);
    close(new int[] {2, 4}, new double[] {0, 0, 1, 1, 2, 2, 3, 3}, Shapes.repeatElements(ar(2, 2), 2, 1), 0);
  }

  @Test
  void flip() {
    close(new int[] {2, 3}, new double[] {3, 4, 5, 0, 1, 2}, Shapes.flip(ar(2, 3), 0), 0);
    close(new int[] {2, 3}, new double[] {2, 1, 0, 5, 4, 3}, Shapes.flip(ar(2, 3), -1), 0);
    close(new int[] {2, 3}, new double[] {5, 4, 3, 2, 1, 0}, Shapes.flip(ar(2, 3), null), 0);
  }
}
