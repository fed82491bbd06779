package dev.exp.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** CSC matrices against SciPy's csc_matrix (values printed by SciPy 1.17 for these literal inputs). */
class CscTest {
  static double[] raw(Object t) {
    return ((Tensor) t).raw();
  }

  @Test
  void arraysAndProductsMatchScipy() {
    // A = [[1, 0, 2], [0, 0, 3], [4, 5, 6]]; scipy.sparse.csc_matrix(A)
    Tensor a = Tensor.wrap(new int[] {3, 3}, new double[] {1, 0, 2, 0, 0, 3, 4, 5, 6});
    CscMatrix c = CscKernels.toCscDense(a);
    assertArrayEquals(new double[] {1, 4, 5, 2, 3, 6}, raw(c.field("data")));
    assertArrayEquals(new double[] {0, 2, 2, 0, 1, 2}, raw(c.field("indices")));
    assertArrayEquals(new double[] {0, 2, 3, 6}, raw(c.field("indptr")));
    assertEquals("csc", c.field("format"));
    Tensor x = Tensor.vector(1, 2, 3);
    assertArrayEquals(new double[] {7, 9, 32}, c.apply(x).raw());                  // c @ x
    assertArrayEquals(new double[] {13, 15, 26}, CscKernels.transpose(c).apply(x).raw());   // c.T @ x
    assertArrayEquals(a.raw(), c.toDense().raw());
    assertArrayEquals(a.raw(), CscKernels.toCsr(c).toDense().raw());
  }

  @Test
  void tripletsSumDuplicatesAsScipy() {
    // coo_matrix(([1, 2, 3, 4], ([0, 1, 1, 2], [2, 0, 0, 1])), shape=(3, 4)).tocsc()
    CscMatrix c = CscKernels.csc(Tensor.vector(0, 1, 1, 2), Tensor.vector(2, 0, 0, 1), Tensor.vector(1, 2, 3, 4),
        new int[] {3, 4});
    assertArrayEquals(new double[] {5, 4, 1}, raw(c.field("data")));
    assertArrayEquals(new double[] {1, 2, 0}, raw(c.field("indices")));
    assertArrayEquals(new double[] {0, 1, 2, 3, 3}, raw(c.field("indptr")));
    assertEquals(3, c.rows());
    assertEquals(4, c.cols());
    // the round trip through CSR keeps every entry
    assertArrayEquals(c.toDense().raw(), CscKernels.toCsc(CscKernels.toCsr(c)).toDense().raw());
    KernelException e = assertThrows(KernelException.class,
        () -> CscKernels.csc(Tensor.vector(0), Tensor.vector(5), Tensor.vector(1), new int[] {2, 2}));
    assertEquals(true, e.getMessage().startsWith("sparse.csc"), e.getMessage());
  }
}
