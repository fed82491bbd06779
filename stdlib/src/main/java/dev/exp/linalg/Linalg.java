package dev.exp.linalg;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Reductions;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The {@code linalg} namespace, part 1: solves, inverse, determinant, least squares, pseudo-inverse,
 * rank, condition number and small matrix utilities. Decompositions are in {@link Decompositions}.
 * All inputs must be finite; errors name the offending shapes.
 */
public final class Linalg {
  private Linalg() {}

  @Kernel(name = "linalg.solve", doc = "Solves A x = b for a square, nonsingular A (LU with partial pivoting). "
      + "b is a vector (result: a vector) or a matrix whose columns are right-hand sides (result: a matrix). "
      + "Stacks as in NumPy 2: A [..., n, n] is a stack of matrices; a vector b [n] is solved against each (result "
      + "[..., n]); otherwise b is a stack [..., n, k] whose leading axes broadcast with A's (result [..., n, k]; for "
      + "one vector per matrix give b the shape [..., n, 1]). "
      + "A is first equilibrated as LAPACK's dgeequb (rows, then columns, scaled by powers of 2, which is exact), so "
      + "a badly scaled but well-conditioned system is solved; a singular or nearly singular one (estimated "
      + "reciprocal 1-norm condition number of the equilibrated A below machine epsilon) is an error that reports "
      + "the estimate and names the matrix of a stack. A complex A or b (one matrix, not a stack) is solved by complex LU "
      + "(EJML) with the same singularity test. Example: linalg.solve(A, b)")
  public static Tensor solve(@Arg("A") Tensor a, @Arg("b") Tensor b) {
    if (a.isComplex() || b.isComplex()) {
      return ComplexLinalg.solve(a, b);
    }
    if (a.rank() == 2 && b.rank() <= 2) {
      int n = a.dim(0);
      if (b.rank() < 1 || b.dim(0) != n) {
        throw KernelException.of("linalg.solve: A has shape %s but b has shape %s: b must be a vector of length %d or a matrix with %d rows",
            Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()), n, n);
      }
      int k = b.rank() == 1 ? 1 : b.dim(1);
      double[] x = solveOne(a, "A", b, b.raw(), k);
      return b.rank() == 1 ? Tensor.wrap(new int[] {n}, x) : Tensor.wrap(new int[] {n, k}, x);
    }
    Stack sa = Stack.square(a, "linalg.solve", "A");
    int n = sa.rows;
    if (b.rank() == 1) {
      if (b.dim(0) != n) {
        throw KernelException.of("linalg.solve: A has shape %s but b has shape %s: a vector b needs length %d",
            Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()), n);
      }
      double[] out = new double[sa.count * n];
      for (int i = 0; i < sa.count; i++) {
        System.arraycopy(solveOne(sa.matrix(i), sa.name("A", i), b, b.raw(), 1), 0, out, i * n, n);
      }
      return Tensor.wrap(sa.shape(n), out);
    }
    if (b.rank() < 1 || b.dim(b.rank() - 2) != n) {
      throw KernelException.of("linalg.solve: A has shape %s but b has shape %s: b must be a vector [%d] or a stack "
          + "[..., %d, k] (for one vector per matrix give b the shape [..., %d, 1])", Tensor.shapeString(a.shape()),
          Tensor.shapeString(b.shape()), n, n, n);
    }
    int[] batch;
    try {
      batch = Tensor.broadcastShapes(java.util.Arrays.copyOf(a.shape(), a.rank() - 2),
          java.util.Arrays.copyOf(b.shape(), b.rank() - 2));
    } catch (RuntimeException e) {
      throw KernelException.of("linalg.solve: the stacks of A (shape %s) and b (shape %s) do not broadcast",
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    Stack as = Stack.of(a, batch);
    Stack bs = Stack.of(b, batch);
    int k = bs.cols;
    double[] out = new double[as.count * n * k];
    for (int i = 0; i < as.count; i++) {
      Tensor bi = bs.matrix(i);
      System.arraycopy(solveOne(as.matrix(i), as.name("A", i), bi, bi.raw(), k), 0, out, i * n * k, n * k);
    }
    return Tensor.wrap(as.shape(n, k), out);
  }

  /** x with A x = b for one square matrix A (named {@code arg} in errors) and k right-hand sides. */
  private static double[] solveOne(Tensor a, String arg, Tensor b, double[] rhs, int k) {
    DMatrixRMaj m = Mat.square(a, "linalg.solve", arg);
    TensorArgs.requireFinite(b, "linalg.solve", "b");
    int n = m.numRows;
    // equilibrate, as LAPACK's dgeequb/dgesvx: R A C with power-of-two row and column scalings (exact),
    // so a badly scaled but well-conditioned system (diag(1e-20, 1)) is solved, not called singular
    double[] r = new double[n];
    double[] c = new double[n];
    Equilibration.scale(m.data, n, r, c);
    double[] scaled = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        scaled[i * k + j] = rhs[i * k + j] * r[i];
      }
    }
    LuFactor lu = LuFactor.of(m);
    LuFactor.requireNonsingular(lu.rcondEstimate(), "linalg.solve", arg, n);
    double[] x = lu.solveMatrix(scaled, k);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[i * k + j] *= c[i];
      }
    }
    return x;
  }

  @Kernel(name = "linalg.inv", doc = "Inverse of a square, nonsingular matrix (LU with partial pivoting), or of each "
      + "matrix of a stack [..., n, n]. A singular or nearly singular matrix (reciprocal 1-norm condition number "
      + "below machine epsilon) is an error. A complex matrix (one, not a stack) is inverted by complex LU.")
  public static Tensor inv(@Arg("A") Tensor a) {
    if (a.isComplex()) {
      return ComplexLinalg.inv(a);
    }
    if (a.rank() == 2) {
      return Tensor.wrap(a.shape().clone(), invOne(a, "A"));
    }
    Stack s = Stack.square(a, "linalg.inv", "A");
    int size = s.rows * s.rows;
    double[] out = new double[s.count * size];
    for (int i = 0; i < s.count; i++) {
      System.arraycopy(invOne(s.matrix(i), s.name("A", i)), 0, out, i * size, size);
    }
    return Tensor.wrap(s.shape(s.rows, s.rows), out);
  }

  private static double[] invOne(Tensor a, String arg) {
    DMatrixRMaj m = Mat.square(a, "linalg.inv", arg);
    int n = m.numRows;
    LuFactor lu = LuFactor.of(m);
    if (lu.exactlySingular()) {
      LuFactor.requireNonsingular(0, "linalg.inv", arg, n);
    }
    double[] eye = new double[n * n];
    for (int i = 0; i < n; i++) {
      eye[i * n + i] = 1;
    }
    double[] out = lu.solveMatrix(eye, n);
    double invNorm = 0;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += Math.abs(out[i * n + j]);
      }
      invNorm = Math.max(invNorm, s);
    }
    double rcond = n == 0 ? Double.POSITIVE_INFINITY : 1 / (lu.norm1 * invNorm);
    LuFactor.requireNonsingular(Double.isFinite(invNorm) ? rcond : 0, "linalg.inv", arg, n);
    return out;
  }

  @Kernel(name = "linalg.det", doc = "Determinant of a square matrix (from the LU factorisation; 0 for a singular "
      + "matrix, 1 for a 0×0 matrix); of a stack [..., n, n], the tensor [...] of the determinants; of a complex "
      + "matrix, a complex number.")
  public static Object determinant(@Arg("A") Tensor a) {
    if (a.isComplex()) {
      return ComplexLinalg.det(a);
    }
    if (a.rank() == 2) {
      return det(a);
    }
    Stack s = Stack.square(a, "linalg.det", "A");
    double[] out = new double[s.count];
    for (int i = 0; i < s.count; i++) {
      out[i] = detOne(s.matrix(i), s.name("A", i));
    }
    return Tensor.wrap(s.batch, out);
  }

  /** The determinant of a square matrix (plain Java use; scripts call {@link #determinant}, which takes stacks). */
  public static double det(Tensor a) {
    return detOne(a, "A");
  }

  private static double detOne(Tensor a, String arg) {
    DMatrixRMaj m = Mat.square(a, "linalg.det", arg);
    if (m.numRows == 0) {
      return 1;
    }
    return LuFactor.of(m).det() + 0.0;   // a singular matrix gives 0, not -0
  }

  @Kernel(name = "linalg.slogdet", doc = "Sign and natural log of |det(A)|, without overflow: record {sign, logabsdet}. "
      + "For a singular matrix sign is 0 and logabsdet is -inf. For a stack [..., n, n] both fields are tensors [...].")
  public static Map<String, Object> slogdet(@Arg("A") Tensor a) {
    if (a.rank() == 2) {
      double[] sl = slogdetOne(a, "A");
      return signAndLog(sl[0], sl[1]);
    }
    Stack s = Stack.square(a, "linalg.slogdet", "A");
    double[] sign = new double[s.count];
    double[] log = new double[s.count];
    for (int i = 0; i < s.count; i++) {
      double[] sl = slogdetOne(s.matrix(i), s.name("A", i));
      sign[i] = sl[0];
      log[i] = sl[1];
    }
    return signAndLog(Tensor.wrap(s.batch, sign), Tensor.wrap(s.batch.clone(), log));
  }

  private static Map<String, Object> signAndLog(Object sign, Object log) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sign", sign);
    r.put("logabsdet", log);
    return r;
  }

  private static double[] slogdetOne(Tensor a, String arg) {
    DMatrixRMaj m = Mat.square(a, "linalg.slogdet", arg);
    int n = m.numRows;
    double sign = 1;
    double log = 0;
    if (n > 0) {
      LuFactor lu = LuFactor.of(m);
      sign = permSign(lu);
      for (int i = 0; i < n; i++) {
        double u = lu.lu[i * n + i];
        sign *= Math.signum(u);
        log += Math.log(Math.abs(u));
      }
      if (sign == 0) {
        log = Double.NEGATIVE_INFINITY;
      }
    }
    return new double[] {sign, log};
  }

  private static double permSign(LuFactor lu) {
    boolean[] seen = new boolean[lu.n];
    int sign = 1;
    for (int i = 0; i < lu.n; i++) {
      if (!seen[i]) {
        int len = 0;
        for (int j = i; !seen[j]; j = lu.piv[j]) {
          seen[j] = true;
          len++;
        }
        if (len % 2 == 0) {
          sign = -sign;
        }
      }
    }
    return sign;
  }

  // ------------------------------------------------------------------ SVD-based

  /** Singular values of a finite matrix, descending. */
  public static double[] singularValues(Tensor a) {
    return Decompositions.svdOf(Mat.matrix(a, "singular values", "A"), false, false).s;
  }

  @Kernel(name = "linalg.lstsq", doc = "Least-squares solution of A x ≈ b (minimum-norm when A is rank deficient), via SVD. "
      + "b is a vector or a matrix of right-hand sides (rows must match A's rows). Singular values below "
      + "rcond * max(s) are treated as zero; rcond none means machine epsilon * max(m, n) (as NumPy). "
      + "Returns a record {x, residuals, rank, s}: residuals is the squared 2-norm of b - A x (a number for a "
      + "vector b, a vector with one value per column otherwise; always computed, unlike NumPy), rank the "
      + "effective rank and s the singular values of A, descending. Example: linalg.lstsq(X, y).x")
  public static Map<String, Object> lstsq(@Arg("A") Tensor a, @Arg("b") Tensor b,
      @Arg(value = "rcond", dflt = "none") Double rcond) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.lstsq", "A");
    int rows = m.numRows;
    int cols = m.numCols;
    if (b.rank() < 1 || b.rank() > 2 || b.dim(0) != rows) {
      throw KernelException.of("linalg.lstsq: A has shape %s but b has shape %s: b must be a vector of length %d or a matrix with %d rows",
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()), rows, rows);
    }
    TensorArgs.requireFinite(b, "linalg.lstsq", "b");
    Decompositions.Svd svd = Decompositions.svdOf(m, true, false);
    double cutoff = cutoff(svd.s, rcond == null ? Mat.EPS * Math.max(rows, cols) : rcond);
    int k = b.rank() == 1 ? 1 : b.dim(1);
    Tensor b2 = b.reshape(rows, k);
    // x = V diag(1/s) Uᵀ b over the kept singular values
    int r = svd.s.length;
    double[] u = svd.u.data; // rows × r
    double[] v = svd.v.data; // cols × r
    double[] bd = b2.raw();
    double[] x = new double[cols * k];
    int rank = 0;
    for (int t = 0; t < r; t++) {
      if (svd.s[t] <= cutoff || svd.s[t] == 0) {
        continue;
      }
      rank++;
      for (int j = 0; j < k; j++) {
        double c = 0;
        for (int i = 0; i < rows; i++) {
          c += u[i * r + t] * bd[i * k + j];
        }
        c /= svd.s[t];
        for (int i = 0; i < cols; i++) {
          x[i * k + j] += v[i * r + t] * c;
        }
      }
    }
    Tensor xt = Tensor.wrap(new int[] {cols, k}, x);
    Tensor resid = Tensor.zip(dev.exp.tensor.MatMul.matmul(a, xt), b2, (p, q) -> (q - p) * (q - p));
    Tensor res = Reductions.sum(resid, 0, false);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", b.rank() == 1 ? xt.reshape(cols) : xt);
    out.put("residuals", b.rank() == 1 ? (Object) res.at(0) : res);
    out.put("rank", (double) rank);
    out.put("s", Tensor.vector(svd.s));
    return out;
  }

  private static double cutoff(double[] s, double rcond) {
    return s.length == 0 ? 0 : rcond * s[0];
  }

  @Kernel(name = "linalg.pinv", doc = "Moore–Penrose pseudo-inverse via SVD. "
      + "Singular values at or below rcond * max(s) are treated as zero; rcond none means machine epsilon * max(m, n).")
  public static Tensor pinv(@Arg("A") Tensor a, @Arg(value = "rcond", dflt = "none") Double rcond) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.pinv", "A");
    int rows = m.numRows;
    int cols = m.numCols;
    Decompositions.Svd svd = Decompositions.svdOf(m, true, false);
    double cut = cutoff(svd.s, rcond == null ? Mat.EPS * Math.max(rows, cols) : rcond);
    int r = svd.s.length;
    double[] out = new double[cols * rows];
    double[] u = svd.u.data;
    double[] v = svd.v.data;
    for (int t = 0; t < r; t++) {
      if (svd.s[t] <= cut || svd.s[t] == 0) {
        continue;
      }
      double inv = 1 / svd.s[t];
      for (int i = 0; i < cols; i++) {
        double vi = v[i * r + t] * inv;
        for (int j = 0; j < rows; j++) {
          out[i * rows + j] += vi * u[j * r + t];
        }
      }
    }
    return Tensor.wrap(new int[] {cols, rows}, out);
  }

  @Kernel(name = "linalg.rank", doc = "Numerical rank: the number of singular values above tol. "
      + "tol none means max(s) * max(m, n) * machine epsilon (as NumPy matrix_rank). A vector has rank 1 unless all zero.")
  public static int rank(@Arg("A") Tensor a, @Arg(value = "tol", dflt = "none") Double tol) {
    if (a.rank() < 2) {
      TensorArgs.requireFinite(a, "linalg.rank", "A");
      for (double v : a.raw()) {
        if (v != 0) {
          return 1;
        }
      }
      return 0;
    }
    DMatrixRMaj m = Mat.matrix(a, "linalg.rank", "A");
    double[] s = Decompositions.svdOf(m, false, false).s;
    double t = tol != null ? tol : (s.length == 0 ? 0 : s[0] * Math.max(m.numRows, m.numCols) * Mat.EPS);
    int r = 0;
    for (double v : s) {
      if (v > t) {
        r++;
      }
    }
    return r;
  }

  @Kernel(name = "linalg.cond", doc = "2-norm condition number: largest over smallest singular value "
      + "(inf for a singular matrix). Works for non-square matrices too.")
  public static double cond(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.cond", "A");
    double[] s = Decompositions.svdOf(m, false, false).s;
    if (s.length == 0) {
      throw KernelException.of("linalg.cond: A has shape %s: need a non-empty matrix", Tensor.shapeString(a.shape()));
    }
    double min = s[s.length - 1];
    if (min == 0) {
      return Double.POSITIVE_INFINITY;
    }
    // an exactly singular square matrix (a zero pivot in LU) is inf, although the computed smallest
    // singular value is usually a rounding error (about eps · max(s)) rather than exactly 0
    if (m.numRows == m.numCols && LuFactor.of(Mat.matrix(a, "linalg.cond", "A")).exactlySingular()) {
      return Double.POSITIVE_INFINITY;
    }
    return s[0] / min;
  }

  // ------------------------------------------------------------------ small utilities

  @Kernel(name = "linalg.trace", doc = "Sum of the main diagonal of a matrix.")
  public static double trace(@Arg("A") Tensor a) {
    if (a.rank() != 2) {
      throw KernelException.of("linalg.trace: A must be a matrix, got shape %s", Tensor.shapeString(a.shape()));
    }
    int r = a.dim(0);
    int c = a.dim(1);
    double s = 0;
    double[] d = a.raw();
    for (int i = 0; i < Math.min(r, c); i++) {
      s += d[i * c + i];
    }
    return s;
  }

  @Kernel(name = "linalg.kron", doc = "Kronecker product of two vectors or matrices: the block matrix [a[i, j] * b]. "
      + "Two vectors give a vector; a vector with a matrix is treated as a one-row matrix.")
  public static Tensor kron(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    if (a.rank() > 2 || b.rank() > 2 || a.rank() == 0 || b.rank() == 0) {
      throw KernelException.of("linalg.kron: a and b must be vectors or matrices, got shapes %s and %s",
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    boolean vec = a.rank() == 1 && b.rank() == 1;
    Tensor a2 = a.rank() == 1 ? a.reshape(1, a.size()) : a;
    Tensor b2 = b.rank() == 1 ? b.reshape(1, b.size()) : b;
    int ar = a2.dim(0);
    int ac = a2.dim(1);
    int br = b2.dim(0);
    int bc = b2.dim(1);
    long rowsL = (long) ar * br;
    long colsL = (long) ac * bc;
    dev.exp.kernel.Budget.doubles(rowsL * colsL, "the result (" + rowsL + " × " + colsL + " values)");
    if (rowsL * colsL > Integer.MAX_VALUE - 8) {
      throw KernelException.of("linalg.kron: the result would have too many elements (%d × %d)", rowsL, colsL);
    }
    int rows = (int) rowsL;
    int cols = (int) colsL;
    double[] x = a2.raw();
    double[] y = b2.raw();
    double[] d = new double[rows * cols];
    for (int i = 0; i < ar; i++) {
      for (int j = 0; j < ac; j++) {
        double v = x[i * ac + j];
        for (int p = 0; p < br; p++) {
          int row = i * br + p;
          for (int q = 0; q < bc; q++) {
            d[row * cols + j * bc + q] = v * y[p * bc + q];
          }
        }
      }
    }
    Tensor t = Tensor.wrap(new int[] {rows, cols}, d);
    return vec ? t.reshape(cols) : t;
  }

  @Kernel(name = "linalg.outer", doc = "Outer product of two vectors, the matrix a[i] * b[j] (same as the global outer).")
  public static Tensor outer(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    return dev.exp.tensor.MatMul.outer(a, b);
  }

  @Kernel(name = "linalg.norm", doc = "Vector or matrix norm; the same as the global norm(x, p, axis, keepdims). "
      + "p none: 2-norm of a vector, Frobenius norm of a matrix; p = ±1, ±2, ±inf, \"fro\" or \"nuc\" for matrix norms.")
  public static Object norm(@Arg("x") Tensor x, @Arg(value = "p", dflt = "none") Object p,
      @Arg(value = "axis", dflt = "none") Integer axis, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Reductions.norm(x, p, axis, keepdims);
  }
}
