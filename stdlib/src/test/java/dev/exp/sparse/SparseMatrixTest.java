package dev.exp.sparse;

import static dev.exp.solvers.SolverReference.close;
import static dev.exp.solvers.SolverReference.expected;
import static dev.exp.solvers.SolverReference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSR construction and products against SciPy (make_solvers_reference.py) and dense arithmetic. */
class SparseMatrixTest {
  @Test
  void tripletDuplicatesAreSummedAsInScipy() {
    SparseMatrix s = SparseKernels.csr(input("trip_r"), input("trip_c"), input("trip_v"), new int[] {5, 4});
    close(expected("trip_dense"), s.toDense(), 1e-14, "coo->csr");
    assertEquals(expected("trip_nnz").at(0), s.nnz());
    // hand example: (0,0) given twice
    SparseMatrix t = SparseKernels.csr(Tensor.vector(0, 1, 0), Tensor.vector(0, 1, 0), Tensor.vector(2, 3, 4), null);
    assertEquals(2, t.nnz());
    assertEquals(6, t.get(0, 0));
    assertEquals(3, t.get(1, 1));
    assertEquals(List.of(2.0, 2.0), t.field("shape"));
  }

  @Test
  void sparseTimesVectorAndMatrixEqualsDense() {
    SparseMatrix s = SparseKernels.random(30, 20, 0.2, new Rng(4));
    Tensor d = s.toDense();
    Rng rng = new Rng(5);
    double[] x = new double[20];
    double[] xm = new double[20 * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int i = 0; i < xm.length; i++) {
      xm[i] = rng.nextGaussian();
    }
    Tensor xv = Tensor.wrap(new int[] {20}, x);
    Tensor xmat = Tensor.wrap(new int[] {20, 3}, xm);
    close(MatMul.matmul(d, xv), s.apply(xv), 1e-13, "S @ x");
    close(MatMul.matmul(d, xmat), s.apply(xmat), 1e-13, "S @ X");
    assertThrows(KernelException.class, () -> s.apply(Tensor.zeros(30)));
  }

  @Test
  void transposeTrianglesProductsAndSumsMatchDenseAlgebra() {
    SparseMatrix a = SparseKernels.random(15, 15, 0.3, new Rng(6));
    SparseMatrix b = SparseKernels.random(15, 15, 0.3, new Rng(7));
    double[][] da = a.toDense().toMatrix();
    double[][] db = b.toDense().toMatrix();
    double[][] dt = a.transpose().toDense().toMatrix();
    double[][] prod = a.multiply(b).toDense().toMatrix();
    double[][] sum = a.add(b, 2, -1).toDense().toMatrix();
    double[][] lo = a.triangle(false, -1).toDense().toMatrix();
    double[][] up = a.triangle(true, 2).toDense().toMatrix();
    for (int i = 0; i < 15; i++) {
      for (int j = 0; j < 15; j++) {
        assertEquals(da[j][i], dt[i][j], 0);
        double p = 0;
        for (int k = 0; k < 15; k++) {
          p += da[i][k] * db[k][j];
        }
        assertEquals(p, prod[i][j], 1e-13);
        assertEquals(2 * da[i][j] - db[i][j], sum[i][j], 1e-15);
        assertEquals(j - i <= -1 ? da[i][j] : 0, lo[i][j], 0);
        assertEquals(j - i >= 2 ? da[i][j] : 0, up[i][j], 0);
      }
      assertEquals(da[i][i], a.diagonal()[i], 0);
    }
  }

  @Test
  void diagsFollowsScipy() {
    SparseMatrix d = SparseKernels.diags(List.of(input("diag_m1"), input("diag_0"), Tensor.scalar(2.5)),
        Tensor.vector(-1, 0, 2), new int[] {6, 6});
    close(expected("diags_dense"), d.toDense(), 1e-15, "diags");
    KernelException e = assertThrows(KernelException.class,
        () -> SparseKernels.diags(List.of(Tensor.vector(1, 2)), Tensor.vector(0), new int[] {4, 4}));
    assertTrue(e.getMessage().contains("length 2"), e.getMessage());
    SparseMatrix eye = SparseKernels.eye(3, 4, 1);
    assertEquals(3, eye.nnz());
    assertEquals(1, eye.get(2, 3));
    SparseMatrix dv = SparseKernels.diagMatrix(Tensor.vector(1, 2, 3), 0);
    close(Tensor.vector(1, 2, 3), dv.apply(Tensor.vector(1, 1, 1)), 0, "diag(v) @ 1");
  }

  @Test
  void fromDenseKeepsTheNonzerosAndRoundTrips() {
    Tensor m = Tensor.matrix(new double[][] {{0, 1, 0}, {2, 0, 3}});
    SparseMatrix s = SparseKernels.fromDense(m);
    assertEquals(3, s.nnz());
    close(m, s.toDense(), 0, "round trip");
    close(Tensor.vector(0, 1, 3), (Tensor) s.field("indptr"), 0, "indptr");
    close(Tensor.vector(1, 0, 2), (Tensor) s.field("indices"), 0, "indices");
    close(Tensor.vector(1, 2, 3), (Tensor) s.field("data"), 0, "data");
  }
}
