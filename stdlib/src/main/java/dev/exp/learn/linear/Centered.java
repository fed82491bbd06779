package dev.exp.learn.linear;

import dev.exp.learn.Dense;

/**
 * A design and targets prepared for a fit with an unpenalised intercept: both centred by their
 * column means (or left as they are without an intercept, with zero means). The intercept of the
 * fitted coefficients w is then ȳ − x̄ᵀw.
 */
record Centered(double[] x, double[] y, double[] xMean, double[] yMean, int n, int d, int k) {

  static Centered of(double[] x, double[] y, int n, int d, int k, boolean intercept) {
    if (!intercept) {
      return new Centered(x, y, new double[d], new double[k], n, d, k);
    }
    double[] xm = Dense.colMeans(x, n, d);
    double[] ym = Dense.colMeans(y, n, k);
    return new Centered(Dense.center(x, n, d, xm), Dense.center(y, n, k, ym), xm, ym, n, d, k);
  }

  /** ȳ − x̄ᵀw for w [d, k]. */
  double[] intercept(double[] w) {
    double[] b = yMean.clone();
    for (int j = 0; j < d; j++) {
      for (int c = 0; c < k; c++) {
        b[c] -= xMean[j] * w[j * k + c];
      }
    }
    return b;
  }
}
