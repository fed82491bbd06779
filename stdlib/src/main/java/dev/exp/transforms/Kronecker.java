package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** Kronecker and Khatri–Rao products, and Kronecker-factored matrix–vector products without the product. */
public final class Kronecker {
  private Kronecker() {}

  @Kernel(name = "transforms.kron", doc = "The Kronecker product A ⊗ B of two matrices ([m, n] and [p, q] give "
      + "[m·p, n·q], block (i, j) is A[i, j]·B) or two vectors, as numpy.kron. "
      + "Example: transforms.kron([[1, 2]], [[1], [10]]) is [[1, 2], [10, 20]]")
  public static Tensor kron(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    String fn = "transforms.kron";
    if (a.rank() == 1 && b.rank() == 1) {
      resultSize(1, (long) a.size() * b.size());
      return kron(a.reshape(1, a.size()), b.reshape(1, b.size())).reshape(a.size() * b.size());
    }
    double[][] x = matrix(a, fn, "a");
    double[][] y = matrix(b, fn, "b");
    int m = x.length;
    int n = x[0].length;
    int p = y.length;
    int q = y[0].length;
    double[] out = new double[resultSize((long) m * p, (long) n * q)];
    int w = n * q;
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < p; k++) {
        int row = (i * p + k) * w;
        for (int j = 0; j < n; j++) {
          double s = x[i][j];
          for (int l = 0; l < q; l++) {
            out[row + j * q + l] = s * y[k][l];
          }
        }
      }
    }
    return Tensor.wrap(new int[] {m * p, n * q}, out);
  }

  /** rows × cols values, checked against the memory budget and the largest array before anything is allocated. */
  private static int resultSize(long rows, long cols) {
    long n = rows * cols;   // each factor is below 2^62
    String what = "the result (" + rows + " × " + cols + " values)";   // the binding prefixes the kernel name
    dev.exp.kernel.Budget.doubles(n, what);
    if (n > Integer.MAX_VALUE - 8) {
      throw new dev.exp.kernel.MemoryLimitException(what + " has more values than one tensor can hold (2^31 − 9)");
    }
    return (int) n;
  }

  @Kernel(name = "transforms.khatri_rao", doc = "The Khatri–Rao (column-wise Kronecker) product of A [m, k] and "
      + "B [p, k]: the [m·p, k] matrix whose column j is A[:, j] ⊗ B[:, j], as scipy.linalg.khatri_rao. "
      + "Example: transforms.khatri_rao([[1, 2], [3, 4]], [[1, 1], [2, 0]])")
  public static Tensor khatriRao(@Arg("a") Tensor a, @Arg("b") Tensor b) {
    String fn = "transforms.khatri_rao";
    double[][] x = matrix(a, fn, "a");
    double[][] y = matrix(b, fn, "b");
    int k = x[0].length;
    if (y[0].length != k) {
      throw KernelException.of("%s: a and b need the same number of columns, got %s and %s", fn,
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    int m = x.length;
    int p = y.length;
    double[] out = new double[resultSize((long) m * p, k)];
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < p; r++) {
        for (int j = 0; j < k; j++) {
          out[(i * p + r) * k + j] = x[i][j] * y[r][j];
        }
      }
    }
    return Tensor.wrap(new int[] {m * p, k}, out);
  }

  @Kernel(name = "transforms.kron_matvec", doc = "(A ⊗ B)·v without forming A ⊗ B: with v [n·q] read row-major as "
      + "V [n, q], the result is A·V·Bᵀ flattened row-major ([m·p]), in O(mnq + mpq) instead of O(mnpq). "
      + "Example: transforms.kron_matvec(a, b, v) equals transforms.kron(a, b) @ v")
  public static Tensor kronMatvec(@Arg("a") Tensor a, @Arg("b") Tensor b, @Arg("v") Tensor v) {
    String fn = "transforms.kron_matvec";
    double[][] x = matrix(a, fn, "a");
    double[][] y = matrix(b, fn, "b");
    int m = x.length;
    int n = x[0].length;
    int p = y.length;
    int q = y[0].length;
    if (v.rank() != 1 || v.size() != n * q) {
      throw KernelException.of("%s: v must be a vector of length %d·%d = %d for a %s and b %s, got shape %s", fn, n, q,
          n * q, Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()), Tensor.shapeString(v.shape()));
    }
    double[] vv = v.raw();
    // W = V·Bᵀ  [n, p]
    double[] wm = new double[n * p];
    for (int j = 0; j < n; j++) {
      for (int r = 0; r < p; r++) {
        double s = 0;
        for (int l = 0; l < q; l++) {
          s += vv[j * q + l] * y[r][l];
        }
        wm[j * p + r] = s;
      }
    }
    double[] out = new double[m * p];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = x[i][j];
        if (s == 0) {
          continue;
        }
        for (int r = 0; r < p; r++) {
          out[i * p + r] += s * wm[j * p + r];
        }
      }
    }
    return Tensor.wrap(new int[] {m * p}, out);
  }

  static double[][] matrix(Tensor t, String fn, String arg) {
    if (t.rank() != 2 || t.isComplex() || t.size() == 0) {
      throw KernelException.of("%s: %s must be a non-empty real matrix, got shape %s", fn, arg,
          Tensor.shapeString(t.shape()));
    }
    return t.toMatrix();
  }
}
