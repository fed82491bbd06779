package dev.exp.sparse;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptObject;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form: row i holds the entries
 * {@code data[indptr[i] .. indptr[i+1])} in the columns {@code indices[...]}, sorted by column, without
 * duplicates (explicit zeros may be stored, as in SciPy). Scripts see it as a value of type "sparse"
 * with fields shape, nnz, data, indices, indptr and format; {@code S @ x} multiplies it with a vector or
 * a dense matrix.
 */
public final class SparseMatrix implements ScriptObject, LinearOperator, dev.exp.kernel.Describable {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final double[] data;
  /** The {@link DiagonalPlan}, {@link #NO_PLAN}, or null before the first product (a benign race). */
  private volatile Object plan;
  private static final Object NO_PLAN = new Object();

  /**
   * Wraps CSR arrays (not copied: the caller hands them over). Column indices must be sorted and
   * unique within each row.
   */
  SparseMatrix(int rows, int cols, int[] indptr, int[] indices, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.data = data;
  }

  /** Number of rows. */
  @Override
  public int rows() {
    return rows;
  }

  /** Number of columns. */
  @Override
  public int cols() {
    return cols;
  }

  /** Number of stored entries. */
  public int nnz() {
    return indptr[rows];
  }

  /** Row pointers (length rows + 1); read only. */
  public int[] indptr() {
    return indptr;
  }

  /** Column indices of the stored entries; read only. */
  public int[] indices() {
    return indices;
  }

  /** Stored values; read only. */
  public double[] data() {
    return data;
  }

  /** The entry (i, j) (0 when not stored), by binary search in row i. */
  public double get(int i, int j) {
    int lo = indptr[i];
    int hi = indptr[i + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = indices[mid];
      if (c == j) {
        return data[mid];
      } else if (c < j) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return 0;
  }

  /** y = A x for arrays of length cols and rows (x and y distinct). */
  public void multiply(double[] x, double[] y) {
    DiagonalPlan d = plan();
    if (d != null) {
      d.multiply(SolverLoops.active(nnz()), indptr, indices, data, x, y, null);
    } else {
      multiplyCsr(x, y);
    }
  }

  /**
   * y = A x and returns xᵀy (square matrices): the fused product of conjugate gradients. The dot
   * product is summed as {@link SolverLoops#dot} sums it, so the result equals {@code dot(x, A x)}.
   */
  public double multiplyDot(double[] x, double[] y) {
    double[] lanes = SolverLoops.newLanes();
    DiagonalPlan d = plan();
    if (d != null) {
      d.multiply(SolverLoops.active(nnz() + rows), indptr, indices, data, x, y, lanes);
    } else {
      multiplyCsr(x, y);
      SolverLoops.active(rows).dotInto(x, y, 0, rows, lanes);
    }
    return SolverLoops.finish(lanes);
  }

  /** The row-by-row CSR product y = A x (the reference of the diagonal plan). */
  void multiplyCsr(double[] x, double[] y) {
    final int[] p = indptr;
    final int[] ix = indices;
    final double[] v = data;
    int k = p[0];
    for (int i = 0; i < rows; i++) {
      final int e = p[i + 1];
      double s = 0;
      for (; k < e; k++) {
        s += v[k] * x[ix[k]];
      }
      y[i] = s;
    }
  }

  /** The diagonal execution plan (inspected on first use), or null when the product runs on CSR. */
  DiagonalPlan plan() {
    Object p = plan;
    if (p == null) {
      DiagonalPlan d = DiagonalPlan.inspect(rows, cols, indptr, indices, data);
      p = d == null ? NO_PLAN : d;
      plan = p;
    }
    return p == NO_PLAN ? null : (DiagonalPlan) p;
  }

  /** The main diagonal (length min(rows, cols)). */
  public double[] diagonal() {
    return diagonal(0);
  }

  /** The k-th diagonal (k > 0 above the main one), as SciPy's {@code diagonal(k)}. */
  public double[] diagonal(int k) {
    int len = k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols);
    double[] d = new double[Math.max(0, len)];
    for (int t = 0; t < d.length; t++) {
      int i = k >= 0 ? t : t - k;
      d[t] = get(i, i + k);
    }
    return d;
  }

  /** {@code A @ x} for x of shape [cols] or [cols, m]. */
  @Override
  public Tensor apply(Tensor x) {
    if (x.isComplex()) {
      throw new KernelException("a sparse matrix multiplies real vectors or matrices, got a complex tensor");
    }
    if (x.rank() == 1 && x.dim(0) == cols) {
      double[] y = new double[rows];
      multiply(x.raw(), y);
      return Tensor.wrap(new int[] {rows}, y);
    }
    if (x.rank() == 2 && x.dim(0) == cols) {
      int m = x.dim(1);
      double[] xv = x.raw();
      double[] y = new double[rows * m];
      for (int i = 0; i < rows; i++) {
        int yo = i * m;
        for (int k = indptr[i], e = indptr[i + 1]; k < e; k++) {
          double a = data[k];
          int xo = indices[k] * m;
          for (int j = 0; j < m; j++) {
            y[yo + j] += a * xv[xo + j];
          }
        }
      }
      return Tensor.wrap(new int[] {rows, m}, y);
    }
    throw KernelException.of("cannot multiply a sparse matrix of shape [%d, %d] with a tensor of shape %s "
        + "(needs [%d] or [%d, m])", rows, cols, Tensor.shapeString(x.shape()), cols, cols);
  }

  /** The dense [rows, cols] tensor. */
  public Tensor toDense() {
    double[] d = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        d[i * cols + indices[k]] += data[k];
      }
    }
    return Tensor.wrap(new int[] {rows, cols}, d);
  }

  /** The transpose, in CSR (a counting sort of the entries by column). */
  public SparseMatrix transpose() {
    int nnz = nnz();
    int[] tp = new int[cols + 1];
    for (int k = 0; k < nnz; k++) {
      tp[indices[k] + 1]++;
    }
    for (int j = 0; j < cols; j++) {
      tp[j + 1] += tp[j];
    }
    int[] next = java.util.Arrays.copyOf(tp, cols);
    int[] ti = new int[nnz];
    double[] td = new double[nnz];
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        int p = next[indices[k]]++;
        ti[p] = i;
        td[p] = data[k];
      }
    }
    return new SparseMatrix(cols, rows, tp, ti, td);
  }

  /** The entries with j - i >= k (upper) or j - i <= k (lower). */
  public SparseMatrix triangle(boolean upper, int k) {
    int[] p = new int[rows + 1];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      for (int q = indptr[i]; q < indptr[i + 1]; q++) {
        int off = indices[q] - i;
        if (upper ? off >= k : off <= k) {
          count++;
        }
      }
      p[i + 1] = count;
    }
    int[] ix = new int[count];
    double[] dv = new double[count];
    int t = 0;
    for (int i = 0; i < rows; i++) {
      for (int q = indptr[i]; q < indptr[i + 1]; q++) {
        int off = indices[q] - i;
        if (upper ? off >= k : off <= k) {
          ix[t] = indices[q];
          dv[t++] = data[q];
        }
      }
    }
    return new SparseMatrix(rows, cols, p, ix, dv);
  }

  /** alpha · A. */
  public SparseMatrix scale(double alpha) {
    double[] d = new double[data.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = alpha * data[k];
    }
    return new SparseMatrix(rows, cols, indptr, indices, d);
  }

  /** alpha · A + beta · B (same shape), merging the sorted rows. */
  public SparseMatrix add(SparseMatrix b, double alpha, double beta) {
    if (b.rows != rows || b.cols != cols) {
      throw KernelException.of("cannot add sparse matrices of shapes [%d, %d] and [%d, %d]", rows, cols, b.rows, b.cols);
    }
    int[] p = new int[rows + 1];
    int[] ix = new int[nnz() + b.nnz()];
    double[] dv = new double[ix.length];
    int t = 0;
    for (int i = 0; i < rows; i++) {
      int ka = indptr[i];
      int ea = indptr[i + 1];
      int kb = b.indptr[i];
      int eb = b.indptr[i + 1];
      while (ka < ea || kb < eb) {
        int ca = ka < ea ? indices[ka] : Integer.MAX_VALUE;
        int cb = kb < eb ? b.indices[kb] : Integer.MAX_VALUE;
        if (ca == cb) {
          ix[t] = ca;
          dv[t++] = alpha * data[ka++] + beta * b.data[kb++];
        } else if (ca < cb) {
          ix[t] = ca;
          dv[t++] = alpha * data[ka++];
        } else {
          ix[t] = cb;
          dv[t++] = beta * b.data[kb++];
        }
      }
      p[i + 1] = t;
    }
    return new SparseMatrix(rows, cols, p, java.util.Arrays.copyOf(ix, t), java.util.Arrays.copyOf(dv, t));
  }

  /** A · B (Gustavson's row-by-row product with a dense accumulator). */
  public SparseMatrix multiply(SparseMatrix b) {
    if (cols != b.rows) {
      throw KernelException.of("cannot multiply sparse matrices of shapes [%d, %d] and [%d, %d]", rows, cols, b.rows,
          b.cols);
    }
    int m = b.cols;
    double[] acc = new double[m];
    int[] mark = new int[m];
    java.util.Arrays.fill(mark, -1);
    int[] cols2 = new int[m];
    int[] p = new int[rows + 1];
    int[] ix = new int[Math.max(16, nnz() + b.nnz())];
    double[] dv = new double[ix.length];
    int t = 0;
    for (int i = 0; i < rows; i++) {
      int cnt = 0;
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        double a = data[k];
        int r = indices[k];
        for (int q = b.indptr[r]; q < b.indptr[r + 1]; q++) {
          int c = b.indices[q];
          if (mark[c] != i) {
            mark[c] = i;
            acc[c] = 0;
            cols2[cnt++] = c;
          }
          acc[c] += a * b.data[q];
        }
      }
      java.util.Arrays.sort(cols2, 0, cnt);
      if (t + cnt > ix.length) {
        int len = Math.max(ix.length * 2, t + cnt);
        ix = java.util.Arrays.copyOf(ix, len);
        dv = java.util.Arrays.copyOf(dv, len);
      }
      for (int q = 0; q < cnt; q++) {
        ix[t] = cols2[q];
        dv[t++] = acc[cols2[q]];
      }
      p[i + 1] = t;
    }
    return new SparseMatrix(rows, m, p, java.util.Arrays.copyOf(ix, t), java.util.Arrays.copyOf(dv, t));
  }

  /** {@link #asymmetricEntry()}'s answer plus two (0: not computed yet; a benign race). */
  private volatile int asymmetry;

  /**
   * The position in {@link #data()} of the first stored entry (row by row) with |a_ij − a_ji| > 1e-10 ·
   * max|a| (the symmetry test of the symmetric solvers, as linalg.eigh's), or -1 when A is symmetric;
   * computed once (O(nnz log)) and kept, since the matrix is immutable. A non-square matrix gives 0 when it
   * has entries.
   */
  public int asymmetricEntry() {
    int c = asymmetry;
    if (c == 0) {
      c = 2 + findAsymmetry();
      asymmetry = c;
    }
    return c - 2;
  }

  private int findAsymmetry() {
    if (rows != cols) {
      return nnz() > 0 ? 0 : -1;
    }
    double max = 0;
    for (double v : data) {
      max = Math.max(max, Math.abs(v));
    }
    double tol = 1e-10 * Math.max(max, Double.MIN_NORMAL);
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        if (!(Math.abs(data[k] - get(indices[k], i)) <= tol)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Whether A equals its transpose entry by entry (within tol · max|a|). */
  public boolean isSymmetric(double tol) {
    if (rows != cols) {
      return false;
    }
    double max = 0;
    for (double v : data) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        if (Math.abs(data[k] - get(indices[k], i)) > tol * max) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String description() {
    return "a sparse matrix of shape [" + rows() + ", " + cols() + "]";
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
      case "shape" -> List.of((double) rows, (double) cols);
      case "nnz" -> (double) nnz();
      case "format" -> "csr";
      case "data" -> Tensor.wrap(new int[] {nnz()}, java.util.Arrays.copyOf(data, nnz()));
      case "indices" -> ints(indices, nnz());
      case "indptr" -> ints(indptr, rows + 1);
      default -> null;
    };
  }

  private static Tensor ints(int[] a, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i];
    }
    return Tensor.wrap(new int[] {n}, d);
  }

  @Override
  public String summary() {
    double density = rows == 0 || cols == 0 ? 0 : (double) nnz() / ((double) rows * cols);
    return String.format(Locale.ROOT, "<sparse %dx%d csr: %d stored entries, density %.3g>", rows, cols, nnz(), density);
  }

  @Override
  public String toString() {
    return summary();
  }
}
