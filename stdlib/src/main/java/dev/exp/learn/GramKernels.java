package dev.exp.learn;

/**
 * Kernel (Gram) matrices between the rows of two matrices with scikit-learn's pairwise_kernels
 * definitions: linear ⟨a, b⟩, polynomial (gamma ⟨a, b⟩ + coef0)^degree and RBF exp(−gamma ‖a − b‖²).
 */
public final class GramKernels {
  private GramKernels() {}

  /** K [m, n] between a [m, d] and b [n, d]; kind is "linear", "poly" or "rbf". */
  public static double[] matrix(String kind, double[] a, int m, double[] b, int n, int d, double gamma, double degree,
      double coef0) {
    double[] k = Dense.mulT(a, m, d, b, n);
    switch (kind) {
      case "linear" -> { }
      case "poly" -> {
        for (int i = 0; i < k.length; i++) {
          k[i] = Math.pow(gamma * k[i] + coef0, degree);
        }
      }
      case "rbf" -> {
        double[] na = rowSquares(a, m, d);
        double[] nb = rowSquares(b, n, d);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double d2 = Math.max(0, na[i] + nb[j] - 2 * k[i * n + j]);
            k[i * n + j] = Math.exp(-gamma * d2);
          }
        }
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return k;
  }

  /** Squared norms of the rows of x [n, d]. */
  public static double[] rowSquares(double[] x, int n, int d) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Dense.dot(x, i * d, x, i * d, d);
    }
    return s;
  }
}
