package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.Csr;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;

/** z = M⁻¹ r for a preconditioner M: Jacobi, SSOR(ω), IC(0), or a user operator / function. */
interface Preconditioner {
  /** z = M⁻¹ r (z and r are distinct arrays). */
  void apply(double[] r, double[] z);

  /** The named preconditioner of the matrix a ("jacobi", "ssor" with omega, "ic0", "none"). */
  static Preconditioner named(String name, LinearOperator a, double omega, String fn) {
    if (name.equals("none")) {
      return (r, z) -> System.arraycopy(r, 0, z, 0, r.length);
    }
    SparseMatrix s = Csr.entries(a, fn, "a (with preconditioner \"" + name + "\")");
    return switch (name) {
      case "jacobi" -> new Jacobi(s, fn);
      case "ssor" -> new Ssor(s, omega, fn);
      case "ic0" -> new IncompleteCholesky(s, fn);
      default -> throw KernelException.of("%s: preconditioner must be \"jacobi\", \"ssor\", \"ic0\" or \"none\" "
          + "(or pass a function r -> M⁻¹r as m_inv), got \"%s\"", fn, name);
    };
  }

  /** A user's M⁻¹ (a matrix, sparse matrix or function r -> M⁻¹ r). */
  static Preconditioner of(LinearOperator mInv, int n, String fn) {
    if (mInv.rows() >= 0 && (mInv.rows() != n || mInv.cols() != n)) {
      throw KernelException.of("%s: m_inv has shape [%d, %d]; it must be [%d, %d]", fn, mInv.rows(), mInv.cols(), n, n);
    }
    if (mInv instanceof SparseMatrix s) {
      return s::multiply;
    }
    return (r, z) -> {
      Tensor t = mInv.apply(Tensor.wrap(new int[] {n}, r.clone()));
      System.arraycopy(t.raw(), 0, z, 0, n);
    };
  }

  /** The diagonal of s, all entries nonzero (positive when positive is set). */
  static double[] diagonal(SparseMatrix s, String fn, String what, boolean positive) {
    double[] d = s.diagonal();
    for (int i = 0; i < d.length; i++) {
      if (positive ? !(d[i] > 0) : d[i] == 0 || Double.isNaN(d[i])) {
        throw KernelException.of("%s: %s needs a %s diagonal, but a[%d, %d] = %s", fn, what,
            positive ? "positive" : "nonzero", i, i, d[i]);
      }
    }
    return d;
  }

  /** M = D. */
  final class Jacobi implements Preconditioner {
    private final double[] inv;

    Jacobi(SparseMatrix s, String fn) {
      double[] d = diagonal(s, fn, "the Jacobi preconditioner", false);
      inv = new double[d.length];
      for (int i = 0; i < d.length; i++) {
        inv[i] = 1 / d[i];
      }
    }

    @Override
    public void apply(double[] r, double[] z) {
      for (int i = 0; i < r.length; i++) {
        z[i] = r[i] * inv[i];
      }
    }
  }

  /** M = ω/(2−ω) · (D/ω + L) D⁻¹ (D/ω + U): z = M⁻¹r is one SSOR iteration (forward then backward sweep) from 0. */
  final class Ssor implements Preconditioner {
    private final SparseMatrix s;
    private final double[] d;
    private final double omega;

    Ssor(SparseMatrix s, double omega, String fn) {
      if (!(omega > 0 && omega < 2)) {
        throw KernelException.of("%s: SSOR needs 0 < omega < 2, got %s", fn, omega);
      }
      this.s = s;
      this.d = diagonal(s, fn, "the SSOR preconditioner", false);
      this.omega = omega;
    }

    @Override
    public void apply(double[] r, double[] z) {
      int[] p = s.indptr();
      int[] ix = s.indices();
      double[] v = s.data();
      int n = r.length;
      // (D/ω + L) y = r
      for (int i = 0; i < n; i++) {
        double t = r[i];
        for (int k = p[i]; k < p[i + 1]; k++) {
          int j = ix[k];
          if (j >= i) {
            break;
          }
          t -= v[k] * z[j];
        }
        z[i] = t * omega / d[i];
      }
      // w = D y, then (D/ω + U) z = w, scaled by (2−ω)/ω
      double c = (2 - omega) / omega;
      for (int i = n - 1; i >= 0; i--) {
        double t = z[i] * d[i];
        for (int k = p[i + 1] - 1; k >= p[i]; k--) {
          int j = ix[k];
          if (j <= i) {
            break;
          }
          t -= v[k] * z[j];
        }
        z[i] = t * omega / d[i];
      }
      for (int i = 0; i < n; i++) {
        z[i] *= c;
      }
    }
  }
}
