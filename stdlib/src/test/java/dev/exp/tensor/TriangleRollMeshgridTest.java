package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.exp.kernel.KernelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tril, triu, roll and meshgrid against NumPy 2.4.6 values and their identities. */
class TriangleRollMeshgridTest {
  /** numpy.arange(1, 25).reshape(2, 3, 4): a stack of two 3×4 matrices. */
  private static Tensor stack() {
    return Creation.arange(1, 25.0, 1).reshape(2, 3, 4);
  }

  @Test
  void trianglesOfAStackMatchNumpy() {
    int[] s = {2, 3, 4};
    // numpy.tril(M), numpy.triu(M, 1), numpy.tril(M, -1), numpy.triu(M, -2) for M above
    close(s, new double[] {1, 0, 0, 0, 5, 6, 0, 0, 9, 10, 11, 0, 13, 0, 0, 0, 17, 18, 0, 0, 21, 22, 23, 0},
        Shapes.tril(stack(), 0), 0);
    close(s, new double[] {0, 2, 3, 4, 0, 0, 7, 8, 0, 0, 0, 12, 0, 14, 15, 16, 0, 0, 19, 20, 0, 0, 0, 24},
        Shapes.triu(stack(), 1), 0);
    close(s, new double[] {0, 0, 0, 0, 5, 0, 0, 0, 9, 10, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 21, 22, 0, 0},
        Shapes.tril(stack(), -1), 0);
    close(stack(), Shapes.triu(stack(), -2), 0);   // numpy.triu(M, -2) keeps all of a 3-row matrix
  }

  @Test
  void triuPlusTrilMinusTheDiagonalIsX() {
    java.util.Random g = new java.util.Random(2);
    for (int trial = 0; trial < 20; trial++) {
      int m = 1 + g.nextInt(6);
      int n = 1 + g.nextInt(6);
      double[] v = new double[m * n];
      for (int i = 0; i < v.length; i++) {
        v[i] = g.nextGaussian();
      }
      Tensor x = Tensor.wrap(new int[] {m, n}, v);
      Tensor diag = Shapes.triu(Shapes.tril(x, 0), 0);
      Tensor sum = Tensor.zip(Tensor.zip(Shapes.triu(x, 0), Shapes.tril(x, 0), Double::sum), diag, (a, b) -> a - b);
      close(x, sum, 0);
      int k = g.nextInt(9) - 4;
      close(x, Tensor.zip(Shapes.triu(x, k), Shapes.tril(x, k - 1), Double::sum), 0);   // a partition of the entries
    }
  }

  @Test
  void trianglesOfAVectorAreAnError() {
    KernelException e = assertThrows(KernelException.class, () -> Shapes.tril(Tensor.vector(1, 2, 3), 0));
    assertEquals("tril: x must be a matrix or a stack of matrices (rank >= 2), got shape [3]", e.getMessage());
    e = assertThrows(KernelException.class, () -> Shapes.triu(Tensor.scalar(1), 0));
    assertEquals("triu: x must be a matrix or a stack of matrices (rank >= 2), got shape []", e.getMessage());
  }

  @Test
  void trianglesKeepComplexParts() {
    Tensor z = Tensor.complex(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}),
        Tensor.matrix(new double[][] {{5, 6}, {7, 8}}));
    Tensor l = Shapes.tril(z, 0);
    assertEquals(true, l.isComplex());
    // numpy.tril([[1+5j, 2+6j], [3+7j, 4+8j]]) == [[1+5j, 0], [3+7j, 4+8j]]
    double[] want = {1, 5, 0, 0, 3, 7, 4, 8};
    double[] got = l.complexRaw();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 0, "at " + i);
    }
  }

  @Test
  void rollMatchesNumpy() {
    int[] s = {2, 3, 4};
    // numpy.roll(M, 1, axis=1)
    close(s, new double[] {9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 23, 24, 13, 14, 15, 16, 17, 18, 19, 20},
        Shapes.roll(stack(), 1, 1), 0);
    // numpy.roll(M, -5): the flattened values, shape kept
    close(s, new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 1, 2, 3, 4, 5},
        Shapes.roll(stack(), -5, null), 0);
    // numpy.roll(M, 7, axis=-1): 7 mod 4 = 3
    close(s, new double[] {2, 3, 4, 1, 6, 7, 8, 5, 10, 11, 12, 9, 14, 15, 16, 13, 18, 19, 20, 17, 22, 23, 24, 21},
        Shapes.roll(stack(), 7, -1), 0);
  }

  @Test
  void rollIdentities() {
    Tensor x = stack();
    close(x, Shapes.roll(x, 3, 1), 0);    // by the axis length: the identity
    close(x, Shapes.roll(x, -24, null), 0);
    close(x, Shapes.roll(x, 0, 0), 0);
    close(x, Shapes.roll(Shapes.roll(x, 2, 2), -2, 2), 0);   // inverse shifts cancel
    close(Shapes.roll(x, 5, 2), Shapes.roll(Shapes.roll(x, 2, 2), 3, 2), 0);   // shifts add
    close(new int[] {0}, new double[0], Shapes.roll(Tensor.zeros(0), 3, null), 0);
    KernelException e = assertThrows(KernelException.class, () -> Shapes.roll(x, 1, 3));
    assertEquals(true, e.getMessage().contains("axis"), e.getMessage());
  }

  @Test
  void meshgridMatchesNumpyInBothIndexings() {
    // X, Y = numpy.meshgrid([1, 2, 3], [4, 5]): shape (2, 3)
    List<Tensor> g = Creation.meshgrid(Tensor.vector(1, 2, 3), Tensor.vector(4, 5), "xy");
    close(new int[] {2, 3}, new double[] {1, 2, 3, 1, 2, 3}, g.get(0), 0);
    close(new int[] {2, 3}, new double[] {4, 4, 4, 5, 5, 5}, g.get(1), 0);
    // numpy.meshgrid([1, 2, 3], [4, 5], indexing='ij'): shape (3, 2), the transposes of the "xy" pair
    g = Creation.meshgrid(Tensor.vector(1, 2, 3), Tensor.vector(4, 5), "ij");
    close(new int[] {3, 2}, new double[] {1, 1, 2, 2, 3, 3}, g.get(0), 0);
    close(new int[] {3, 2}, new double[] {4, 5, 4, 5, 4, 5}, g.get(1), 0);
    KernelException e = assertThrows(KernelException.class,
        () -> Creation.meshgrid(Tensor.vector(1), Tensor.vector(2), "yx"));
    assertEquals("meshgrid: indexing must be \"xy\" or \"ij\", got \"yx\"", e.getMessage());
  }
}
