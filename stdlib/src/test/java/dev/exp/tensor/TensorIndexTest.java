package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** Indexing with points, slices and integer tensors; expected values from NumPy (pasted). */
class TensorIndexTest {
  static Tensor ar(int... shape) {
    return ShapesTest.ar(shape);
  }

  static Tensor idx2() {
    return Tensor.matrix(new double[][] {{2, 0}, {1, 1}});
  }

  @Test
  void basicIndexingIsAView() {
    Tensor m = ar(3, 4);
    Tensor v = TensorIndex.get(m, new Object[] {new Slice(1L, null, 1), 2L});
    assertSame(m.storage(), v.storage());
    close(new int[] {2}, new double[] {6, 10}, v, 0);
    assertEquals(11.0, m.storage()[TensorIndex.elementPosition(m, new long[] {-1, -1})]);
    assertThrows(KernelException.class, () -> TensorIndex.elementPosition(m, new long[] {3, 0}));
    KernelException e = assertThrows(KernelException.class, () -> TensorIndex.get(m, new Object[] {0L, 4L}));
    assertTrue(e.getMessage().contains("axis 1 of length 4"), e.getMessage());
    assertThrows(KernelException.class, () -> TensorIndex.get(m, new Object[] {0L, 0L, 0L}));
  }

  @Test
  void gatherFromAStridedVectorView() {
    // numpy: a = arange(12.).reshape(3, 4); a[:, 1][[2, -1, 0]] == [9, 9, 1]; a[1, ::-2][[[0, 1], [1, 1]]] == [[7, 5], [5, 5]]
    Tensor m = ar(3, 4);
    Tensor column = TensorIndex.get(m, new Object[] {new Slice(null, null, 1), 1L});
    close(new int[] {3}, new double[] {9, 9, 1}, TensorIndex.get(column, new Object[] {Tensor.vector(2, -1, 0)}), 0);
    Tensor backwards = TensorIndex.get(m, new Object[] {1L, new Slice(null, null, -2)});
    close(new int[] {2, 2}, new double[] {7, 5, 5, 5},
        TensorIndex.get(backwards, new Object[] {Tensor.matrix(new double[][] {{0, 1}, {1, 1}})}), 0);
    KernelException e = assertThrows(KernelException.class, () -> TensorIndex.get(column, new Object[] {Tensor.vector(0, 3)}));
    assertTrue(e.getMessage().contains("index 3 is out of range for axis 0 of length 3"), e.getMessage());
    e = assertThrows(KernelException.class, () -> TensorIndex.get(column, new Object[] {Tensor.vector(0.5)}));
    assertTrue(e.getMessage().contains("must hold integers, got 0.5"), e.getMessage());
  }

  @Test
  void twoDimensionalIntegerIndexKeepsItsShape() {
    Tensor m = ar(3, 4);
    // m[idx] with idx = [[2, 0], [1, 1]]: shape (2, 2, 4)
    Tensor a = TensorIndex.get(m, new Object[] {idx2()});
    close(new int[] {2, 2, 4}, new double[] {8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7}, a, 0);
    assertNotSame(m.storage(), a.storage());
    // m[:, idx]: shape (3, 2, 2)
    Tensor b = TensorIndex.get(m, new Object[] {Slice.ALL, idx2()});
    close(new int[] {3, 2, 2}, new double[] {2, 0, 1, 1, 6, 4, 5, 5, 10, 8, 9, 9}, b, 0);
    // m[1:, [3, 0]]
    Tensor c = TensorIndex.get(m, new Object[] {new Slice(1L, null, 1), Tensor.vector(3, 0)});
    close(new int[] {2, 2}, new double[] {7, 4, 11, 8}, c, 0);
    // negative indices count from the end, as take does
    close(new int[] {2, 4}, new double[] {8, 9, 10, 11, 0, 1, 2, 3},
        TensorIndex.get(m, new Object[] {Tensor.vector(-1, 0)}), 0);
    close(Indexing.take(m, idx2(), 0), a, 0);
    assertThrows(KernelException.class, () -> TensorIndex.get(m, new Object[] {Tensor.vector(0.5)}));
    assertThrows(KernelException.class, () -> TensorIndex.get(m, new Object[] {Tensor.vector(3)}));
  }

  @Test
  void setWritesACopyUnlessOwned() {
    Tensor m = ar(2, 3);
    Tensor out = TensorIndex.set(m, new Object[] {Slice.ALL, new Slice(null, null, -2)}, Tensor.vector(7, 9), false);
    close(new int[] {2, 3}, new double[] {9, 1, 7, 9, 4, 7}, out, 0);
    close(new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5}, m, 0);   // the input is unchanged
    Tensor same = TensorIndex.set(out, new Object[] {1L}, Tensor.scalar(-1), true);
    assertSame(out, same);
    close(new int[] {2, 3}, new double[] {9, 1, 7, -1, -1, -1}, out, 0);
    // a view is never written in place, even when asked
    Tensor view = Views.row(m, 0);
    Tensor w = TensorIndex.set(view, new Object[] {0L}, Tensor.scalar(100), true);
    assertNotSame(view, w);
    close(new double[] {0, 1, 2, 3, 4, 5}, m, 0);
    close(new double[] {100, 1, 2}, w, 0);
    // fancy assignment
    Tensor f = TensorIndex.set(m, new Object[] {Tensor.vector(1, 0), 0L}, Tensor.vector(10, 20), false);
    close(new int[] {2, 3}, new double[] {20, 1, 2, 10, 4, 5}, f, 0);
    KernelException e = assertThrows(KernelException.class,
        () -> TensorIndex.set(m, new Object[] {0L}, Tensor.vector(1, 2), false));
    assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
  }

  @Test
  void complexValuesWidenTheTarget() {
    Tensor m = Tensor.vector(1, 2, 3);
    Tensor z = TensorIndex.set(m, new Object[] {1L}, Tensor.wrapComplex(new int[0], new double[] {0, 5}), false);
    assertTrue(z.isComplex());
    assertArrayEquals(new double[] {1, 0, 0, 5, 3, 0}, z.complexRaw());
    Tensor r = TensorIndex.get(z, new Object[] {new Slice(null, null, -1)});
    assertArrayEquals(new double[] {3, 0, 0, 5, 1, 0}, r.complexRaw());
    Tensor g = TensorIndex.get(z, new Object[] {Tensor.vector(1, 1)});
    assertArrayEquals(new double[] {0, 5, 0, 5}, g.complexRaw());
  }

  @Test
  void emptySelections() {
    Tensor m = ar(3, 4);
    Tensor e = TensorIndex.get(m, new Object[] {new Slice(2L, 2L, 1)});
    assertArrayEquals(new int[] {0, 4}, e.shape());
    Tensor f = TensorIndex.get(m, new Object[] {Tensor.zeros(0)});
    assertArrayEquals(new int[] {0, 4}, f.shape());
    Tensor s = TensorIndex.set(m, new Object[] {new Slice(3L, null, 1)}, Tensor.scalar(1), false);
    close(m, s, 0);
  }
}
