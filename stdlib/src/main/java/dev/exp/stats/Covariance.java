package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Covariance and correlation matrices (globals {@code cov} and {@code corrcoef}, NumPy's names).
 *
 * <p>Decision: rows are observations and columns are variables, as everywhere else in this library (a
 * learner's X is [n_samples, n_features], PCA's too), so {@code cov(X)} of an [n, d] X is d × d. NumPy's
 * default ({@code rowvar=True}) is the transpose; {@code rowvar: true} gives it, so a port of
 * {@code np.cov(A)} is {@code cov(A, rowvar: true)}. A vector is one variable either way.
 */
public final class Covariance {
  private Covariance() {}

  private static final String ORIENTATION = "Decision: rows are observations and columns are variables, as the "
      + "learners' X [n, d], so cov of an [n, d] matrix is d × d; NumPy's default rowvar=True is the transpose, "
      + "given by rowvar: true (np.cov(A) is cov(A, rowvar: true)). A vector is one variable either way.";

  @Kernel(name = "cov", doc = "Covariance matrix of the variables of x (numpy.cov with rowvar=False): entry (i, j) "
      + "is Σ_k (x_ki - mean_i)(x_kj - mean_j) / (n - ddof) over the n observations; ddof 1 (the default, as "
      + "NumPy) is the unbiased estimate, ddof 0 the maximum-likelihood one. " + ORIENTATION + " With y, its "
      + "variables (columns, or a vector) are appended to x's (same number of observations): cov(a, b) of two "
      + "vectors is their 2 × 2 matrix. One variable gives a number. n <= ddof gives nan (NumPy warns and gives "
      + "inf or nan). Example: cov([1, 2, 3, 4]) is 1.6666666666667; cov([[1, 2], [2, 4], [3, 7]]) is [[1, 2.5], "
      + "[2.5, 6.333333333333]]")
  public static Object cov(@Arg("x") Tensor x, @Arg(value = "y", dflt = "none") Tensor y,
      @Arg(value = "ddof", dflt = "1") int ddof, @Arg(value = "rowvar", dflt = "false") boolean rowvar) {
    if (ddof < 0) {
      throw KernelException.of("cov: ddof must be non-negative, got %d", ddof);
    }
    double[][] v = variables("cov", x, y, rowvar);
    double[][] c = covariance(v, ddof);
    return c.length == 1 ? (Object) c[0][0] : c.length == 0 ? Tensor.zeros(0, 0) : Tensor.matrix(c);
  }

  @Kernel(name = "corrcoef", doc = "Pearson correlation matrix of the variables of x (numpy.corrcoef with "
      + "rowvar=False): cov(x)[i, j] / sqrt(cov(x)[i, i] cov(x)[j, j]), clipped to [-1, 1] as NumPy does; a "
      + "constant variable gives nan in its row and column. " + ORIENTATION + " y appends variables as in cov; "
      + "one variable gives a number (1, or nan when it is constant). For a p-value use stats.pearson. "
      + "Example: corrcoef([1, 2, 3], [3, 1, 2])[0, 1] is -0.5")
  public static Object corrcoef(@Arg("x") Tensor x, @Arg(value = "y", dflt = "none") Tensor y,
      @Arg(value = "rowvar", dflt = "false") boolean rowvar) {
    double[][] v = variables("corrcoef", x, y, rowvar);
    double[][] c = covariance(v, 1);
    int p = c.length;
    double[] sd = new double[p];
    for (int i = 0; i < p; i++) {
      sd[i] = Math.sqrt(c[i][i]);
    }
    double[][] r = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double e = c[i][j] / sd[i] / sd[j];   // numpy divides by the row, then the column standard deviation
        r[i][j] = Double.isNaN(e) ? e : Math.max(-1, Math.min(1, e));
      }
    }
    return p == 1 ? (Object) r[0][0] : p == 0 ? Tensor.zeros(0, 0) : Tensor.matrix(r);
  }

  /** The variables as rows of observations: x's (and y's) vectors, columns, or rows when rowvar. */
  private static double[][] variables(String fn, Tensor x, Tensor y, boolean rowvar) {
    double[][] a = asVariables(fn, "x", x, rowvar);
    if (y == null) {
      return a;
    }
    double[][] b = asVariables(fn, "y", y, rowvar);
    int n = a.length == 0 ? 0 : a[0].length;
    int m = b.length == 0 ? 0 : b[0].length;
    if (n != m) {
      throw KernelException.of("%s: x has %d observations but y has %d (shapes %s and %s)", fn, n, m,
          Tensor.shapeString(x.shape()), Tensor.shapeString(y.shape()));
    }
    double[][] v = new double[a.length + b.length][];
    System.arraycopy(a, 0, v, 0, a.length);
    System.arraycopy(b, 0, v, a.length, b.length);
    return v;
  }

  private static double[][] asVariables(String fn, String arg, Tensor t, boolean rowvar) {
    TensorArgs.requireReal(t, fn, arg);
    if (t.rank() == 1) {
      return new double[][] {t.toArray()};
    }
    if (t.rank() != 2) {
      throw KernelException.of("%s: %s must be a vector or a matrix, got shape %s", fn, arg,
          Tensor.shapeString(t.shape()));
    }
    double[][] m = t.toMatrix();
    if (rowvar) {
      return m;
    }
    int n = m.length;
    int p = t.dim(1);
    double[][] v = new double[p][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        v[j][i] = m[i][j];
      }
    }
    return v;
  }

  /** The covariance of variables given as rows of n observations each (two passes: means, then products). */
  private static double[][] covariance(double[][] v, int ddof) {
    int p = v.length;
    int n = p == 0 ? 0 : v[0].length;
    dev.exp.kernel.Budget.doubles((long) p * p + (long) p * n, "a " + p + " × " + p + " covariance");
    double[][] d = new double[p][n];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += v[i][k];
      }
      double mean = s / n;
      for (int k = 0; k < n; k++) {
        d[i][k] = v[i][k] - mean;
      }
    }
    double denom = n - ddof;
    double[][] c = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += d[i][k] * d[j][k];
        }
        double e = denom > 0 ? s / denom : Double.NaN;
        c[i][j] = e;
        c[j][i] = e;
      }
    }
    return c;
  }
}
