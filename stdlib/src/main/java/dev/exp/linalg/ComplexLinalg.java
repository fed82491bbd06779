package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.decompose.lu.LUDecompositionAlt_ZDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * {@code linalg.solve}, {@code linalg.inv} and {@code linalg.det} of complex128 matrices, on EJML's
 * complex LU with partial pivoting (pure Java, one matrix at a time). "Nearly singular" is decided as
 * for real matrices, from the reciprocal 1-norm condition number, here computed exactly from the
 * inverse: 1 / (‖A‖₁‖A⁻¹‖₁) below machine epsilon is an error.
 */
final class ComplexLinalg {
  private ComplexLinalg() {}

  static Tensor solve(Tensor a, Tensor b) {
    ZMatrixRMaj m = square(a, "linalg.solve", "A");
    int n = m.numRows;
    if (b.rank() < 1 || b.rank() > 2 || b.dim(0) != n) {
      throw KernelException.of("linalg.solve: A has shape %s but b has shape %s: b must be a vector of length %d or "
          + "a matrix with %d rows", Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()), n, n);
    }
    int k = b.rank() == 1 ? 1 : b.dim(1);
    ZMatrixRMaj rhs = new ZMatrixRMaj(n, k);
    rhs.data = interleaved(b, "linalg.solve", "b");
    Factor f = factor(m, a, "linalg.solve");
    ZMatrixRMaj x = new ZMatrixRMaj(n, k);
    f.lu().solve(rhs, x);
    return Tensor.wrapComplex(b.rank() == 1 ? new int[] {n} : new int[] {n, k}, x.data);
  }

  static Tensor inv(Tensor a) {
    ZMatrixRMaj m = square(a, "linalg.inv", "A");
    return Tensor.wrapComplex(a.shape().clone(), factor(m, a, "linalg.inv").inverse().data);
  }

  static Object det(Tensor a) {
    ZMatrixRMaj m = square(a, "linalg.det", "A");
    if (m.numRows == 0) {
      return 1.0;
    }
    LUDecompositionAlt_ZDRM lu = new LUDecompositionAlt_ZDRM();
    lu.decompose(m);
    Complex_F64 d = lu.computeDeterminant();
    return new Complex(d.real + 0.0, d.imaginary + 0.0);   // a singular matrix gives 0, not -0
  }

  /** The LU solver of a matrix and its inverse (which the singularity test computes). */
  private record Factor(LinearSolverDense<ZMatrixRMaj> lu, ZMatrixRMaj inverse) {}

  /** LU of m and its inverse, after the singularity test. */
  private static Factor factor(ZMatrixRMaj m, Tensor a, String fn) {
    int n = m.numRows;
    double norm1 = norm1(m);
    LinearSolverDense<ZMatrixRMaj> lu = org.ejml.dense.row.factory.LinearSolverFactory_ZDRM.lu(n);
    ZMatrixRMaj inv = new ZMatrixRMaj(n, n);
    boolean ok = n == 0 || lu.setA(m.copy());
    if (ok && n > 0) {
      ZMatrixRMaj eye = new ZMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        eye.data[2 * (i * n + i)] = 1;
      }
      lu.solve(eye, inv);
    }
    double rcond = n == 0 ? Double.POSITIVE_INFINITY : ok ? 1 / (norm1 * norm1(inv)) : 0;
    if (!(rcond >= Mat.EPS)) {
      throw KernelException.of("%s: A (shape %s, complex128) is singular (or nearly: rcond = %s)", fn,
          Tensor.shapeString(a.shape()), dev.exp.kernel.Numbers.significant(Double.isNaN(rcond) ? 0 : rcond, 2));
    }
    return new Factor(lu, inv);
  }

  /** Largest column sum of |a_ij|. */
  private static double norm1(ZMatrixRMaj m) {
    int n = m.numRows;
    double best = 0;
    for (int j = 0; j < m.numCols; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        int p = 2 * (i * m.numCols + j);
        s += Math.hypot(m.data[p], m.data[p + 1]);
      }
      best = Math.max(best, s);
    }
    return best;
  }

  private static ZMatrixRMaj square(Tensor a, String fn, String arg) {
    if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
      String what = a.rank() > 2 ? " (stacks of complex matrices are not supported; solve each matrix)" : "";
      throw KernelException.of("%s: %s must be a square matrix, got shape %s%s", fn, arg, Tensor.shapeString(a.shape()),
          what);
    }
    ZMatrixRMaj m = new ZMatrixRMaj(a.dim(0), a.dim(1));
    m.data = interleaved(a, fn, arg);
    return m;
  }

  /** The values of a real or complex tensor as a fresh interleaved (re, im) array; non-finite values are an error. */
  private static double[] interleaved(Tensor t, String fn, String arg) {
    double[] z = t.isComplex() ? t.complexRaw().clone() : new double[2 * t.size()];
    if (!t.isComplex()) {
      double[] r = t.raw();
      for (int i = 0; i < r.length; i++) {
        z[2 * i] = r[i];
      }
    }
    for (int i = 0; i < z.length; i++) {
      if (!Double.isFinite(z[i])) {
        throw KernelException.of("%s: %s has a non-finite entry at flat index %d (%s)", fn, arg, i / 2,
            dev.exp.kernel.Numbers.format(z[i]));
      }
    }
    return z;
  }
}
