package dev.exp.sparse;

import dev.exp.kernel.ScriptObject;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * An immutable sparse matrix in compressed sparse column (CSC) form, as SciPy's {@code csc_matrix}:
 * column j holds the entries {@code data[indptr[j] .. indptr[j+1])} in the rows {@code indices[...]},
 * sorted by row. The arrays are exactly the CSR arrays of the transpose, which is how it is stored
 * ({@link #transposeCsr()}); products go through the CSR form of the matrix itself, made on first use,
 * so {@code C @ x} costs what a CSR product costs. Scripts see a value of type "sparse" with format
 * "csc".
 */
public final class CscMatrix implements ScriptObject, LinearOperator, dev.exp.kernel.Describable {
  /** The CSR form of Aᵀ: its rows are the columns of A. */
  private final SparseMatrix t;
  /** The CSR form of A, for products (made on first use; a benign race). */
  private volatile SparseMatrix csr;

  CscMatrix(SparseMatrix transposeCsr) {
    this.t = transposeCsr;
  }

  /** The CSC form of a CSR matrix. */
  public static CscMatrix of(SparseMatrix a) {
    return new CscMatrix(a.transpose());
  }

  /** The CSR matrix of Aᵀ (the same arrays as this CSC form). */
  public SparseMatrix transposeCsr() {
    return t;
  }

  /** This matrix in CSR form. */
  public SparseMatrix toCsr() {
    SparseMatrix c = csr;
    if (c == null) {
      c = t.transpose();
      csr = c;
    }
    return c;
  }

  @Override
  public int rows() {
    return t.cols();
  }

  @Override
  public int cols() {
    return t.rows();
  }

  /** Number of stored entries. */
  public int nnz() {
    return t.nnz();
  }

  /** {@code A @ x} for x of shape [cols] or [cols, m]. */
  @Override
  public Tensor apply(Tensor x) {
    return toCsr().apply(x);
  }

  /** The dense [rows, cols] tensor. */
  public Tensor toDense() {
    return toCsr().toDense();
  }

  @Override
  public String description() {
    return "a CSC sparse matrix of shape [" + rows() + ", " + cols() + "]";
  }

  @Override
  public String typeName() {
    return "sparse";
  }

  @Override
  public List<String> fieldNames() {
    return List.of("shape", "nnz", "format", "data", "indices", "indptr");
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "shape" -> List.of((double) rows(), (double) cols());
      case "format" -> "csc";
      case "nnz", "data", "indices", "indptr" -> t.field(name);
      default -> null;
    };
  }

  @Override
  public String summary() {
    double density = rows() == 0 || cols() == 0 ? 0 : (double) nnz() / ((double) rows() * cols());
    return String.format(Locale.ROOT, "<sparse %dx%d csc: %d stored entries, density %.3g>", rows(), cols(), nnz(),
        density);
  }

  @Override
  public String toString() {
    return summary();
  }
}
