package dev.exp.linalg;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Stoppable;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.blas.Blas;
import dev.exp.tensor.blas.JavaLapack;
import dev.exp.tensor.blas.Lapack;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The {@code linalg} namespace, part 2: matrix decompositions. QR, Cholesky, SVD and the symmetric
 * eigen-decomposition run on LAPACK ({@link NativeDecompositions}) when the native BLAS is active and the
 * matrix is at least {@link Blas#LAPACK_MIN} on a side, and on EJML otherwise; LU runs on EJML. The general
 * eigen-decomposition is always LAPACK's DGEEV: native under the same condition, otherwise F2J's pure-Java
 * translation of reference LAPACK ({@link JavaLapack}).
 */
public final class Decompositions {
  private Decompositions() {}

  // ------------------------------------------------------------------ LU

  @Kernel(name = "linalg.lu", doc = "LU decomposition with partial pivoting, A = P L U (SciPy convention). "
      + "Returns a record {p, l, u}: p a permutation matrix, l unit lower triangular, u upper triangular. "
      + "For an m×n matrix with k = min(m, n): p is m×m, l is m×k, u is k×n. A singular A is fine (u has a zero "
      + "on its diagonal).")
  public static Map<String, Object> lu(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.lu", "A");
    int rows = m.numRows;
    int cols = m.numCols;
    int k = Math.min(rows, cols);
    double[] l = new double[rows * k];
    double[] u = new double[k * cols];
    double[] p = new double[rows * rows];
    if (rows == 0 || cols == 0) {
      for (int i = 0; i < rows; i++) {
        p[i * rows + i] = 1;
      }
    } else {
      LUDecompositionAlt_DDRM dec = new LUDecompositionAlt_DDRM();
      if (!Stoppable.call((long) rows * cols * k, () -> dec.decompose(m))) {
        throw KernelException.of("linalg.lu: decomposition of a matrix of shape %s failed", Tensor.shapeString(a.shape()));
      }
      DMatrixRMaj lu = dec.getLU();
      int[] piv = dec.getPivot();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double v = lu.get(i, j);
          if (j < i) {
            if (j < k) {
              l[i * k + j] = v;
            }
          } else if (i < k) {
            u[i * cols + j] = v;
          }
        }
        if (i < k) {
          l[i * k + i] = 1;
        }
      }
      // (PA)[i] = A[piv[i]], so A = Pᵀ L U and SciPy's p = Pᵀ: p[piv[i], i] = 1
      for (int i = 0; i < rows; i++) {
        p[piv[i] * rows + i] = 1;
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("p", Tensor.wrap(new int[] {rows, rows}, p));
    r.put("l", Tensor.wrap(new int[] {rows, k}, l));
    r.put("u", Tensor.wrap(new int[] {k, cols}, u));
    return r;
  }

  // ------------------------------------------------------------------ QR

  @Kernel(name = "linalg.qr", doc = "Reduced QR decomposition by Householder reflections, A = Q R. "
      + "Returns a record {q, r}: for an m×n matrix with k = min(m, n), q is m×k with orthonormal columns and "
      + "r is k×n upper triangular.")
  public static Map<String, Object> qr(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.qr", "A");
    int rows = m.numRows;
    int cols = m.numCols;
    int k = Math.min(rows, cols);
    Tensor q;
    Tensor r;
    if (k == 0) {
      q = Tensor.zeros(rows, 0);
      r = Tensor.zeros(0, cols);
    } else if (Blas.lapackFor(Math.max(rows, cols))) {
      Tensor[] qrt = NativeDecompositions.qr(m);
      q = qrt[0];
      r = qrt[1];
    } else {
      QRDecomposition<DMatrixRMaj> dec = DecompositionFactory_DDRM.qr(rows, cols);
      if (!Stoppable.call(2L * rows * cols * k, () -> dec.decompose(m))) {
        throw KernelException.of("linalg.qr: decomposition of a matrix of shape %s failed", Tensor.shapeString(a.shape()));
      }
      q = Mat.tensor(dec.getQ(null, true));
      DMatrixRMaj rm = dec.getR(null, true);
      for (int i = 0; i < rm.numRows; i++) {
        for (int j = 0; j < Math.min(i, rm.numCols); j++) {
          rm.set(i, j, 0);
        }
      }
      r = Mat.tensor(rm);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("q", q);
    out.put("r", r);
    return out;
  }

  // ------------------------------------------------------------------ Cholesky

  @Kernel(name = "linalg.cholesky", doc = "Cholesky factor of a symmetric positive definite matrix: lower triangular "
      + "L with A = L Lᵀ. A non-symmetric (beyond a relative tolerance of 1e-10) or not positive definite A is an error.")
  public static Tensor cholesky(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.square(a, "linalg.cholesky", "A");
    int n = m.numRows;
    Mat.requireSymmetric(m, "linalg.cholesky", "A");
    if (n == 0) {
      return Tensor.zeros(0, 0);
    }
    Mat.symmetrize(m);
    DMatrixRMaj t;
    if (Blas.lapackFor(n)) {
      t = NativeDecompositions.choleskyLower(m);
      if (t == null) {
        throw KernelException.of("linalg.cholesky: A (shape [%d, %d]) is not positive definite", n, n);
      }
    } else {
      CholeskyDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.chol(n, true);
      if (!Stoppable.call((long) n * n * n / 3, () -> dec.decompose(m))) {
        throw KernelException.of("linalg.cholesky: A (shape [%d, %d]) is not positive definite", n, n);
      }
      t = dec.getT(null);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        t.set(i, j, 0);
      }
      double d = t.get(i, i);
      if (!(d > 0) || !Double.isFinite(d)) {
        throw KernelException.of("linalg.cholesky: A (shape [%d, %d]) is not positive definite", n, n);
      }
    }
    return Mat.tensor(t);
  }

  // ------------------------------------------------------------------ SVD

  /** Singular values (descending) and, when asked for, U (m×r) and V (n×r, not transposed). */
  static final class Svd {
    final double[] s;
    final DMatrixRMaj u;
    final DMatrixRMaj v;

    Svd(double[] s, DMatrixRMaj u, DMatrixRMaj v) {
      this.s = s;
      this.u = u;
      this.v = v;
    }
  }

  /** SVD of a finite matrix (copied already); singular values sorted descending, vectors permuted along. */
  static Svd svdOf(DMatrixRMaj m, boolean vectors, boolean full) {
    int rows = m.numRows;
    int cols = m.numCols;
    int k = Math.min(rows, cols);
    if (k == 0) {
      DMatrixRMaj u = full ? eye(rows) : new DMatrixRMaj(rows, 0);
      DMatrixRMaj v = full ? eye(cols) : new DMatrixRMaj(cols, 0);
      return new Svd(new double[0], u, v);
    }
    if (Blas.lapackFor(Math.max(rows, cols))) {
      return NativeDecompositions.svd(m, vectors, full);
    }
    SingularValueDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.svd(rows, cols, vectors, vectors, !full);
    if (!Stoppable.call(10L * rows * cols * k, () -> dec.decompose(m))) {
      throw KernelException.of("linalg.svd: the SVD of a matrix of shape [%d, %d] did not converge", rows, cols);
    }
    double[] raw = dec.getSingularValues();
    int ns = dec.numberOfSingularValues();
    Integer[] ord = new Integer[ns];
    for (int i = 0; i < ns; i++) {
      ord[i] = i;
    }
    java.util.Arrays.sort(ord, (x, y) -> Double.compare(raw[y], raw[x]));
    double[] s = new double[ns];
    for (int i = 0; i < ns; i++) {
      s[i] = raw[ord[i]];
    }
    if (!vectors) {
      return new Svd(s, null, null);
    }
    DMatrixRMaj u = dec.getU(null, false);
    DMatrixRMaj v = dec.getV(null, false);
    return new Svd(s, permuteColumns(u, ord), permuteColumns(v, ord));
  }

  private static DMatrixRMaj eye(int n) {
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      e.set(i, i, 1);
    }
    return e;
  }

  /** Column j < ord.length of the result is column ord[j] of m; the remaining columns stay. */
  private static DMatrixRMaj permuteColumns(DMatrixRMaj m, Integer[] ord) {
    DMatrixRMaj out = m.copy();
    for (int j = 0; j < ord.length; j++) {
      for (int i = 0; i < m.numRows; i++) {
        out.set(i, j, m.get(i, ord[j]));
      }
    }
    return out;
  }

  @Kernel(name = "linalg.svd", doc = "Singular value decomposition A = U diag(s) Vᵀ. "
      + "Returns a record {u, s, vt}: s holds the k = min(m, n) singular values in descending order; with "
      + "full_matrices false (default) u is m×k and vt is k×n, with full_matrices true u is m×m and vt is n×n. "
      + "Singular vectors are determined up to sign. Example: let r = linalg.svd(A); r.u @ diag(r.s) @ r.vt")
  public static Map<String, Object> svd(@Arg("A") Tensor a,
      @Arg(value = "full_matrices", dflt = "false") boolean fullMatrices) {
    DMatrixRMaj m = Mat.matrix(a, "linalg.svd", "A");
    Svd svd = svdOf(m, true, fullMatrices);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("u", Mat.tensor(svd.u));
    out.put("s", Tensor.vector(svd.s));
    out.put("vt", dev.exp.tensor.Shapes.transpose(Mat.tensor(svd.v)));
    return out;
  }

  // ------------------------------------------------------------------ eigen

  @Kernel(name = "linalg.eigh", doc = "Eigen-decomposition of a real symmetric matrix: A = V diag(w) Vᵀ. "
      + "Returns a record {values, vectors}: values ascending, vectors an orthogonal matrix whose column i is the "
      + "unit eigenvector of values[i] (sign arbitrary). A is checked for symmetry (relative tolerance 1e-10) and "
      + "then symmetrised.")
  public static Map<String, Object> eigh(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.square(a, "linalg.eigh", "A");
    int n = m.numRows;
    Mat.requireSymmetric(m, "linalg.eigh", "A");
    Mat.symmetrize(m);
    double[] w = new double[n];
    double[] vec = new double[n * n];
    if (n > 0 && Blas.lapackFor(n)) {
      NativeDecompositions.eigh(m, w, vec);
    } else if (n > 0) {
      EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(n, true, true);
      if (!Stoppable.call(10L * n * n * n, () -> dec.decompose(m))) {
        throw KernelException.of("linalg.eigh: the eigen-decomposition of A (shape [%d, %d]) did not converge", n, n);
      }
      Integer[] ord = new Integer[n];
      double[] vals = new double[n];
      for (int i = 0; i < n; i++) {
        ord[i] = i;
        vals[i] = dec.getEigenvalue(i).real;
      }
      java.util.Arrays.sort(ord, (x, y) -> Double.compare(vals[x], vals[y]));
      for (int j = 0; j < n; j++) {
        w[j] = vals[ord[j]];
        DMatrixRMaj v = dec.getEigenVector(ord[j]);
        if (v == null) {
          throw KernelException.of("linalg.eigh: no eigenvector found for eigenvalue %s", dev.exp.tensor.TensorArgs.fmt(w[j]));
        }
        double nrm = 0;
        for (int i = 0; i < n; i++) {
          nrm += v.get(i) * v.get(i);
        }
        nrm = Math.sqrt(nrm);
        for (int i = 0; i < n; i++) {
          vec[i * n + j] = v.get(i) / nrm;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.vector(w));
    out.put("vectors", Tensor.wrap(new int[] {n, n}, vec));
    return out;
  }

  @Kernel(name = "linalg.eig", doc = "Eigenvalues and eigenvectors of a general square matrix, which may be complex. "
      + "Returns a record {values, vectors} of complex128 tensors: values[i] is eigenvalue i and column i of "
      + "vectors (vectors[:, i]) its eigenvector, so A v = λ v. Complex eigenvalues come in conjugate pairs (+im "
      + "first); vectors have unit 2-norm and are scaled so that their largest component is real and positive. "
      + "Computed by LAPACK's dgeev at every size (native OpenBLAS, or its pure-Java translation), as NumPy: "
      + "values are in LAPACK's order, not sorted, and a repeated eigenvalue gets LAPACK's vectors (the "
      + "identity gives the identity; a defective A such as [[1, 1], [0, 1]] gives nearly parallel vectors, "
      + "each an eigenvector). Use linalg.eigh for symmetric matrices. Example: "
      + "linalg.eig([[0, -1], [1, 0]]).values is [1i, -1i]")
  public static Map<String, Object> eig(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.square(a, "linalg.eig", "A");
    int n = m.numRows;
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] vr = new double[n * n];
    double[] vi = new double[n * n];
    if (n > 0) {
      dgeev(m, wr, wi, vr, vi);
    }
    double[] cr = new double[n];
    double[] ci = new double[n];
    for (int j = 0; j < n; j++) { // both paths: unit 2-norm, largest component real and positive
      for (int i = 0; i < n; i++) {
        cr[i] = vr[i * n + j];
        ci[i] = vi[i * n + j];
      }
      normalize(cr, ci);
      for (int i = 0; i < n; i++) {
        vr[i * n + j] = cr[i];
        vi[i * n + j] = ci[i];
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.complex(Tensor.vector(wr), Tensor.vector(wi)));
    out.put("vectors", Tensor.complex(Tensor.wrap(new int[] {n, n}, vr), Tensor.wrap(new int[] {n, n}, vi)));
    return out;
  }

  /**
   * LAPACK's DGEEV on A (n >= 1; m is a fresh copy and is overwritten): native LAPACK when {@link
   * Blas#lapackFor}(n), else the pure-Java F2J translation of reference LAPACK ({@link JavaLapack}), so
   * both give LAPACK's eigenvalues in LAPACK's order (as NumPy), conjugate pairs with the positive
   * imaginary part first. vr/vi[i·n + j] = component i of eigenvector j, not yet normalised to the
   * kernel's convention.
   */
  private static void dgeev(DMatrixRMaj m, double[] wr, double[] wi, double[] vr, double[] vi) {
    int n = m.numRows;
    double[] v = new double[n * n];
    boolean nat = Blas.lapackFor(n);
    int info = nat ? Lapack.dgeev(n, m.data, wr, wi, v)
        : Stoppable.call(10L * n * n * n, () -> JavaLapack.dgeev(n, m.data, wr, wi, v));
    if (info > 0) {
      throw KernelException.of("linalg.eig: the eigen-decomposition of A (shape [%d, %d]) did not converge", n, n);
    }
    if (info != 0) {
      throw KernelException.of("linalg.eig: LAPACK dgeev (%s) failed on a matrix of shape [%d, %d] (info %d)",
          nat ? "native" : "Java", n, n, info);
    }
    for (int j = 0; j < n; j++) {
      if (wi[j] == 0) {
        for (int i = 0; i < n; i++) {
          vr[i * n + j] = v[i * n + j];
        }
      } else if (j + 1 < n) { // a pair (j, j + 1): x ± i y with x, y in columns j, j + 1
        for (int i = 0; i < n; i++) {
          double x = v[i * n + j];
          double y = v[i * n + j + 1];
          vr[i * n + j] = x;
          vi[i * n + j] = y;
          vr[i * n + j + 1] = x;
          vi[i * n + j + 1] = -y;
        }
        j++;
      }
    }
  }

  /** Unit 2-norm, largest component real and positive. */
  private static void normalize(double[] re, double[] im) {
    int n = re.length;
    double nrm = 0;
    int big = 0;
    double bigAbs = -1;
    for (int i = 0; i < n; i++) {
      double a2 = re[i] * re[i] + im[i] * im[i];
      nrm += a2;
      if (a2 > bigAbs * (1 + 1e-12)) {
        bigAbs = a2;
        big = i;
      }
    }
    nrm = Math.sqrt(nrm);
    if (nrm == 0) {
      return;
    }
    double pr = re[big] / Math.sqrt(bigAbs);
    double pi = -im[big] / Math.sqrt(bigAbs); // conj phase of the largest component
    for (int i = 0; i < n; i++) {
      double r = (re[i] * pr - im[i] * pi) / nrm;
      double m = (re[i] * pi + im[i] * pr) / nrm;
      re[i] = r;
      im[i] = m;
    }
    im[big] = 0;
  }
}
