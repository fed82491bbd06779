package dev.exp.learn.decompose;

import dev.exp.learn.cluster.Inputs;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.blas.Blas;

/** Affine maps between feature and latent space shared by the decomposition models. */
final class Linear {
  private Linear() {}

  /** (x − mean) Wᵀ for the rows of x, with W q×d (rows are components); result n×q. */
  static Tensor project(Tensor x, double[] mean, double[] w, int q, int d, String kind) {
    double[] v = Inputs.features(x, d, kind);
    int n = Inputs.rows(x);
    double[] c = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        c[i * d + j] = v[i * d + j] - mean[j];
      }
    }
    double[] out = new double[n * q];
    Blas.dgemm(false, true, n, q, d, c, 0, w, 0, out, 0);
    return Tensor.wrap(new int[] {n, q}, out);
  }

  /** z W + mean for the rows of z (n×q), W q×d; result n×d. */
  static Tensor reconstruct(Tensor z, double[] mean, double[] w, int q, int d, String kind) {
    double[] v = Inputs.features(z, q, kind + " (latent)");
    int n = Inputs.rows(z);
    double[] out = new double[n * d];
    Blas.dgemm(false, false, n, d, q, v, 0, w, 0, out, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i * d + j] += mean[j];
      }
    }
    return Tensor.wrap(new int[] {n, d}, out);
  }

  /** Column means of the n×d matrix. */
  static double[] columnMeans(double[] x, int n, int d) {
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    return m;
  }

  /** x − mean (a new n×d array). */
  static double[] centered(double[] x, double[] mean, int n, int d) {
    double[] c = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        c[i * d + j] = x[i * d + j] - mean[j];
      }
    }
    return c;
  }

  /** Xcᵀ Xc (d×d) of the centred n×d matrix. */
  static double[] gram(double[] xc, int n, int d) {
    double[] g = new double[d * d];
    Blas.dgemm(true, false, d, d, n, xc, 0, xc, 0, g, 0);
    return g;
  }

  /** Wᵀ diag(scale) W + noise·I (d×d) for W q×d. */
  static double[] lowRankPlusDiag(double[] w, double[] scale, int q, int d, double[] noise) {
    double[] c = new double[d * d];
    for (int a = 0; a < q; a++) {
      double s = scale == null ? 1 : scale[a];
      for (int i = 0; i < d; i++) {
        double wi = w[a * d + i] * s;
        for (int j = 0; j < d; j++) {
          c[i * d + j] += wi * w[a * d + j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      c[i * d + i] += noise[i];
    }
    return c;
  }
}
