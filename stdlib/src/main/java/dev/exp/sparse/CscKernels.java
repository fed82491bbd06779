package dev.exp.sparse;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** Script kernels of compressed sparse column matrices (S02): building, converting, products. */
public final class CscKernels {
  private CscKernels() {}

  @Kernel(name = "sparse.csc", doc = "A sparse matrix in compressed sparse column form from triplets: entry values[k] "
      + "at (rows[k], cols[k]); duplicates are summed and explicit zeros kept (as SciPy's coo_matrix(...).tocsc()). "
      + "shape [m, n] defaults to one more than the largest row and column index. Fields shape, nnz, format (\"csc\"), "
      + "data, indices (row indices) and indptr (column pointers), as SciPy's csc_matrix; S @ x multiplies it with a "
      + "vector [n] or a matrix [n, k]; iterative solvers accept it as an operator. Example: "
      + "sparse.csc([0, 1, 1], [0, 1, 1], [2, 3, 4], shape: [2, 2])")
  public static CscMatrix csc(@Arg("rows") Tensor rows, @Arg("cols") Tensor cols, @Arg("values") Tensor values,
      @Arg(value = "shape", dflt = "none") int[] shape) {
    if (shape != null && shape.length != 2) {
      throw KernelException.of("sparse.csc: shape must be [rows, cols], got %s", java.util.Arrays.toString(shape));
    }
    int[] swapped = shape == null ? null : new int[] {shape[1], shape[0]};
    SparseMatrix t;
    try {
      t = SparseKernels.csr(cols, rows, values, swapped);
    } catch (KernelException e) {
      String m = e.getMessage().replace("sparse.csr", "sparse.csc");
      throw new KernelException(m);
    }
    return new CscMatrix(t);
  }

  @Kernel(name = "sparse.to_csc", doc = "The compressed sparse column form of a sparse (CSR) matrix or of a dense "
      + "matrix. Example: sparse.to_csc(sparse.poisson1d(4)).format is \"csc\"")
  public static CscMatrix toCsc(@Arg("s") SparseMatrix s) {
    return CscMatrix.of(s);
  }

  @Kernel(name = "sparse.to_csc", doc = "The compressed sparse column form of a sparse (CSR) matrix or of a dense "
      + "matrix. Example: sparse.to_csc(eye(3))")
  public static CscMatrix toCscDense(@Arg("a") Tensor a) {
    return CscMatrix.of(SparseKernels.fromDense(a));
  }

  @Kernel(name = "sparse.to_csr", doc = "The compressed sparse row form of a CSC matrix (the form every other sparse "
      + "kernel takes). Example: sparse.to_csr(sparse.csc([0], [1], [5])).format is \"csr\"")
  public static SparseMatrix toCsr(@Arg("s") CscMatrix s) {
    return s.toCsr();
  }

  @Kernel(name = "sparse.to_dense", doc = "The dense [m, n] tensor of a CSC matrix. Example: "
      + "sparse.to_dense(sparse.csc([0, 1], [1, 0], [2, 3]))")
  public static Tensor toDense(@Arg("s") CscMatrix s) {
    return s.toDense();
  }

  @Kernel(name = "sparse.transpose", doc = "The transpose of a CSC matrix: the CSR matrix with the same arrays (no copy, "
      + "as SciPy's csc.T). Example: sparse.transpose(c).format is \"csr\"")
  public static SparseMatrix transpose(@Arg("s") CscMatrix s) {
    return s.transposeCsr();
  }
}
