package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** Views share storage (no copy) and read the same values NumPy's basic indexing gives (pasted). */
class ViewsTest {
  static Tensor ar(int... shape) {
    return ShapesTest.ar(shape);
  }

  @Test
  void slicesWithNegativeStepsMatchNumpy() {
    Tensor x = ar(2, 3, 4);
    // x[:, ::-1, 1:4:2]
    Tensor v = Views.slice(Views.slice(x, 1, new Slice(null, null, -1)), 2, new Slice(1L, 4L, 2));
    assertSame(x.storage(), v.storage());
    close(new int[] {2, 3, 2}, new double[] {9, 11, 5, 7, 1, 3, 21, 23, 17, 19, 13, 15}, v, 0);
    // x[1, :, ::-3]
    Tensor w = Views.slice(Views.select(x, 0, 1), 1, new Slice(null, null, -3));
    close(new int[] {3, 2}, new double[] {15, 12, 19, 16, 23, 20}, w, 0);
  }

  @Test
  void sliceBoundsFollowNumpy() {
    Tensor a = ar(10);
    close(new double[] {8, 5, 2}, Views.slice(a, 0, new Slice(8L, 1L, -3)), 0);
    close(new double[] {9, 5, 1}, Views.slice(a, 0, new Slice(-1L, -11L, -4)), 0);
    close(new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, Views.slice(a, 0, new Slice(null, -12L, -1)), 0);
    close(new double[] {5, 6, 7, 8, 9}, Views.slice(a, 0, new Slice(5L, 100L, 1)), 0);
    close(new double[] {0, 1}, Views.slice(a, 0, new Slice(-100L, 2L, 1)), 0);
    assertEquals(0, Views.slice(a, 0, new Slice(7L, 3L, 1)).size());
    assertThrows(KernelException.class, () -> new Slice(null, null, 0));
  }

  @Test
  void transposeOfAPermutedSliceMatchesNumpy() {
    Tensor x = ar(2, 3, 4);
    // x.transpose(2, 0, 1)[1:, :, ::-1]
    Tensor p = Views.permute(x, new int[] {2, 0, 1});
    Tensor v = Views.slice(Views.slice(p, 0, new Slice(1L, null, 1)), 2, new Slice(null, null, -1));
    assertSame(x.storage(), v.storage());
    close(new int[] {3, 2, 3}, new double[] {9, 5, 1, 21, 17, 13, 10, 6, 2, 22, 18, 14, 11, 7, 3, 23, 19, 15}, v, 0);
    // m.T[::2] for m = arange(12).reshape(3, 4)
    Tensor mt = Views.slice(Views.transpose(ar(3, 4)), 0, new Slice(null, null, 2));
    close(new int[] {2, 3}, new double[] {0, 4, 8, 2, 6, 10}, mt, 0);
    assertFalse(mt.isContiguous());
  }

  @Test
  void slicesOfSlicesAndRows() {
    Tensor m = ar(6, 5);
    Tensor s = Views.slice(Views.slice(m, 0, new Slice(1L, 5L, 1)), 0, new Slice(null, null, -2));
    // rows 4 and 2 of m
    close(new int[] {2, 5}, new double[] {20, 21, 22, 23, 24, 10, 11, 12, 13, 14}, s, 0);
    Tensor r = Views.row(s, -1);
    close(new int[] {5}, new double[] {10, 11, 12, 13, 14}, r, 0);
    assertTrue(r.isContiguous());
    assertSame(m.storage(), r.storage());
    assertThrows(KernelException.class, () -> Views.row(s, 2));
  }

  @Test
  void expandSqueezeFlipAreViews() {
    Tensor x = ar(3, 1, 2);
    Tensor e = Views.expandDims(x, -1);
    assertArrayEquals(new int[] {3, 1, 2, 1}, e.shape());
    assertSame(x.storage(), e.storage());
    Tensor s = Views.squeezeAll(e);
    assertArrayEquals(new int[] {3, 2}, s.shape());
    close(x.raw(), s, 0);
    Tensor base = ar(2, 3);
    Tensor f = Views.flipAll(base);
    assertSame(base.storage(), f.storage());
    close(new int[] {2, 3}, new double[] {5, 4, 3, 2, 1, 0}, f, 0);
    assertThrows(KernelException.class, () -> Views.squeeze(x, 0));
    // squeeze of a non-contiguous view stays a view
    Tensor t = Views.squeeze(Views.transpose(x), 1);
    assertSame(x.storage(), t.storage());
    close(new int[] {2, 3}, new double[] {0, 2, 4, 1, 3, 5}, t, 0);
  }

  @Test
  void emptyAndDegenerateShapes() {
    Tensor z = Tensor.zeros(0, 3);
    assertArrayEquals(new int[] {3, 0}, Views.transpose(z).shape());
    assertEquals(0, Views.slice(z, 1, new Slice(1L, null, 1)).raw().length);
    Tensor row = ar(1, 4);
    close(new int[] {4, 1}, new double[] {0, 1, 2, 3}, Views.transpose(row), 0);
    Tensor col = ar(4, 1);
    close(new int[] {1, 4}, new double[] {0, 1, 2, 3}, Views.transpose(col), 0);
    close(new int[] {2, 1}, new double[] {3, 1}, Views.slice(col, 0, new Slice(null, 0L, -2)), 0);
  }

  @Test
  void reshapeOfAViewCopiesOnlyWhenNotContiguous() {
    Tensor m = ar(4, 6);
    Tensor rows = Views.slice(m, 0, new Slice(1L, 3L, 1));
    Tensor r = rows.reshape(3, 4);
    assertSame(m.storage(), r.storage());
    close(new int[] {3, 4}, new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, r, 0);
    Tensor cols = Views.slice(m, 1, new Slice(null, null, 3));
    Tensor c = cols.reshape(-1);
    close(new int[] {8}, new double[] {0, 3, 6, 9, 12, 15, 18, 21}, c, 0);
  }

  @Test
  void kernelsGiveViewsAndCopiesTheSameValues() {
    Tensor x = Views.slice(Views.transpose(ar(4, 3)), 1, new Slice(null, null, -1));   // non-contiguous [3, 4]
    Tensor copy = x.copy();
    assertTrue(copy.isContiguous());
    close(Shapes.transpose(copy), Shapes.transpose(x), 0);
    close(Shapes.flip(copy, 1), Shapes.flip(x, 1), 0);
    close(Shapes.tile(copy, new int[] {2, 1}), Shapes.tile(x, new int[] {2, 1}), 0);
    close(Shapes.concat(java.util.List.of(copy, copy), 1), Shapes.concat(java.util.List.of(x, x), 1), 0);
    close(Reductions.sum(copy, 0, false), Reductions.sum(x, 0, false), 0);
    close(MatMul.matmul(copy, Views.transpose(copy)), MatMul.matmul(x, Views.transpose(x)), 1e-15);
    close(Indexing.take(copy, Tensor.vector(2, 0), 1), Indexing.take(x, Tensor.vector(2, 0), 1), 0);
  }
}
