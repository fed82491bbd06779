package dev.exp.linalg;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.blas.Blas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The {@code linalg} namespace, part 2: matrix decompositions. QR, Cholesky, SVD and the symmetric
 * eigen-decomposition and the general eigen-decomposition run on LAPACK ({@link NativeDecompositions}) when
 * the native BLAS is active and the matrix is at least {@link Blas#LAPACK_MIN} on a side, and on EJML
 * otherwise; LU runs on EJML.
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
      if (!dec.decompose(m)) {
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
      if (!dec.decompose(m)) {
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
      if (!dec.decompose(m)) {
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
    if (!dec.decompose(m)) {
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
      if (!dec.decompose(m)) {
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
      + "Values are in no particular order (as NumPy); use linalg.eigh for symmetric matrices. Example: "
      + "linalg.eig([[0, -1], [1, 0]]).values is [1i, -1i]")
  public static Map<String, Object> eig(@Arg("A") Tensor a) {
    DMatrixRMaj m = Mat.square(a, "linalg.eig", "A");
    int n = m.numRows;
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] vr = new double[n * n];
    double[] vi = new double[n * n];
    if (n > 0 && Blas.lapackFor(n)) {
      NativeDecompositions.eig(m, wr, wi, vr, vi);
    } else if (n > 0) {
      ejmlEig(m, wr, wi, vr, vi);
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
   * The Java side of {@link #eig} (n >= 1): EJML's eigenvalues in its order, conjugate pairs put as (+im,
   * −im); EJML's eigenvectors for real eigenvalues, inverse iteration for the others (the −im member of a
   * pair gets the conjugate of the +im member's vector). vr/vi[i·n + j] = component i of vector j.
   */
  private static void ejmlEig(DMatrixRMaj m, double[] wr, double[] wi, double[] vr, double[] vi) {
    int n = m.numRows;
    DMatrixRMaj orig = m.copy();
    EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(n, true, false);
    if (!dec.decompose(m)) {
      throw KernelException.of("linalg.eig: the eigen-decomposition of A (shape [%d, %d]) did not converge", n, n);
    }
    for (int j = 0; j < n; j++) {
      Complex_F64 c = dec.getEigenvalue(j);
      wr[j] = c.real;
      wi[j] = c.imaginary;
    }
    // order conjugate pairs as (+im, -im), keeping EJML's order otherwise
    for (int j = 0; j + 1 < n; j++) {
      if (wi[j] < 0 && wi[j + 1] > 0 && wr[j] == wr[j + 1]) {
        double t = wi[j];
        wi[j] = wi[j + 1];
        wi[j + 1] = t;
        j++;
      }
    }
    for (int j = 0; j < n; j++) {
      double[][] v = null;
      if (wi[j] == 0) {
        DMatrixRMaj ev = findRealVector(dec, wr[j], n);
        if (ev != null) {
          v = new double[][] {ev.data.clone(), new double[n]};
        }
      } else if (wi[j] < 0 && j > 0 && wr[j - 1] == wr[j] && wi[j - 1] == -wi[j]) {
        for (int i = 0; i < n; i++) { // the conjugate of the pair's first vector
          vr[i * n + j] = vr[i * n + j - 1];
          vi[i * n + j] = -vi[i * n + j - 1];
        }
        continue;
      }
      if (v == null) {
        v = inverseIteration(orig, wr[j], wi[j]);
      }
      for (int i = 0; i < n; i++) {
        vr[i * n + j] = v[0][i];
        vi[i * n + j] = v[1][i];
      }
    }
  }

  private static DMatrixRMaj findRealVector(EigenDecomposition_F64<DMatrixRMaj> dec, double value, int n) {
    for (int i = 0; i < n; i++) {
      Complex_F64 c = dec.getEigenvalue(i);
      if (c.imaginary == 0 && c.real == value) {
        DMatrixRMaj v = dec.getEigenVector(i);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
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

  /** Eigenvector for λ = lr + i·li by inverse iteration with complex LU of (A − λI). */
  static double[][] inverseIteration(DMatrixRMaj a, double lr, double li) {
    int n = a.numRows;
    double norm = 0;
    for (double v : a.data) {
      norm = Math.max(norm, Math.abs(v));
    }
    double tiny = Math.max(norm, 1e-300) * Mat.EPS;
    double[] br = new double[n * n];
    double[] bi = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        br[i * n + j] = a.get(i, j);
      }
      br[i * n + i] -= lr;
      bi[i * n + i] = -li;
    }
    int[] piv = new int[n];
    for (int k = 0; k < n; k++) {
      int p = k;
      double best = -1;
      for (int i = k; i < n; i++) {
        double m = Math.hypot(br[i * n + k], bi[i * n + k]);
        if (m > best) {
          best = m;
          p = i;
        }
      }
      piv[k] = p;
      if (p != k) {
        for (int j = 0; j < n; j++) {
          double t = br[k * n + j];
          br[k * n + j] = br[p * n + j];
          br[p * n + j] = t;
          t = bi[k * n + j];
          bi[k * n + j] = bi[p * n + j];
          bi[p * n + j] = t;
        }
      }
      if (best < tiny) {
        br[k * n + k] = tiny;
        bi[k * n + k] = 0;
      }
      double dr = br[k * n + k];
      double di = bi[k * n + k];
      double den = dr * dr + di * di;
      for (int i = k + 1; i < n; i++) {
        double xr = br[i * n + k];
        double xi = bi[i * n + k];
        double fr = (xr * dr + xi * di) / den;
        double fi = (xi * dr - xr * di) / den;
        br[i * n + k] = fr;
        bi[i * n + k] = fi;
        for (int j = k + 1; j < n; j++) {
          double ur = br[k * n + j];
          double ui = bi[k * n + j];
          br[i * n + j] -= fr * ur - fi * ui;
          bi[i * n + j] -= fr * ui + fi * ur;
        }
      }
    }
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int i = 0; i < n; i++) {
      xr[i] = 1 + 0.37 * Math.sin(1.7 * i + 0.3); // fixed, generic start vector
    }
    for (int iter = 0; iter < 3; iter++) {
      for (int k = 0; k < n; k++) { // apply the row swaps
        int p = piv[k];
        double t = xr[k];
        xr[k] = xr[p];
        xr[p] = t;
        t = xi[k];
        xi[k] = xi[p];
        xi[p] = t;
      }
      for (int i = 0; i < n; i++) { // L (unit)
        for (int k = 0; k < i; k++) {
          double lr2 = br[i * n + k];
          double li2 = bi[i * n + k];
          xr[i] -= lr2 * xr[k] - li2 * xi[k];
          xi[i] -= lr2 * xi[k] + li2 * xr[k];
        }
      }
      for (int i = n - 1; i >= 0; i--) { // U
        double sr = xr[i];
        double si = xi[i];
        for (int k = i + 1; k < n; k++) {
          double ur = br[i * n + k];
          double ui = bi[i * n + k];
          sr -= ur * xr[k] - ui * xi[k];
          si -= ur * xi[k] + ui * xr[k];
        }
        double dr = br[i * n + i];
        double di = bi[i * n + i];
        double den = dr * dr + di * di;
        xr[i] = (sr * dr + si * di) / den;
        xi[i] = (si * dr - sr * di) / den;
      }
      double nrm = 0;
      for (int i = 0; i < n; i++) {
        nrm = Math.max(nrm, Math.hypot(xr[i], xi[i]));
      }
      if (nrm == 0 || !Double.isFinite(nrm)) {
        throw KernelException.of("linalg.eig: could not compute an eigenvector for eigenvalue %s%+gi", dev.exp.tensor.TensorArgs.fmt(lr), li);
      }
      for (int i = 0; i < n; i++) {
        xr[i] /= nrm;
        xi[i] /= nrm;
      }
    }
    return new double[][] {xr, xi};
  }
}
