package dev.exp.learn.cluster;

import dev.exp.learn.decompose.Gaussian;

/**
 * Gaussian mixture parameters with the E and M steps of EM (as scikit-learn's GaussianMixture): full
 * (k×d×d) or diagonal (k×d) covariances, reg_covar added to every variance in the M step.
 */
final class Mixture {
  final int k;
  final int d;
  final boolean full;
  final double[] weights;
  final double[] means;
  final double[] covs;

  Mixture(int k, int d, boolean full, double[] weights, double[] means, double[] covs) {
    this.k = k;
    this.d = d;
    this.full = full;
    this.weights = weights;
    this.means = means;
    this.covs = covs;
  }

  /** Weighted log-densities log w_j + log N(x_i; μ_j, Σ_j), n×k. */
  double[] weightedLogProb(double[] x, int n) {
    double[] out = new double[n * k];
    for (int j = 0; j < k; j++) {
      double[] mu = new double[d];
      System.arraycopy(means, j * d, mu, 0, d);
      double lw = Math.log(weights[j]);
      double[] lp;
      if (full) {
        double[] c = new double[d * d];
        System.arraycopy(covs, j * d * d, c, 0, d * d);
        lp = Gaussian.logpdfRows(x, n, d, mu, Gaussian.choleskyOrThrow(c, d,
            "the covariance of component " + j + " (increase reg_covar)"));
      } else {
        lp = new double[n];
        double c0 = 0;
        for (int t = 0; t < d; t++) {
          c0 += Math.log(2 * Math.PI * covs[j * d + t]);
        }
        for (int i = 0; i < n; i++) {
          double q = 0;
          for (int t = 0; t < d; t++) {
            double e = x[i * d + t] - mu[t];
            q += e * e / covs[j * d + t];
          }
          lp[i] = -0.5 * (c0 + q);
        }
      }
      for (int i = 0; i < n; i++) {
        out[i * k + j] = lp[i] + lw;
      }
    }
    return out;
  }

  /** E step: turns weighted log-probabilities into log-responsibilities in place; returns the mean log-likelihood. */
  static double normalize(double[] wlp, int n, int k) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        m = Math.max(m, wlp[i * k + j]);
      }
      double s = 0;
      for (int j = 0; j < k; j++) {
        s += Math.exp(wlp[i * k + j] - m);
      }
      double lse = m + Math.log(s);
      total += lse;
      for (int j = 0; j < k; j++) {
        wlp[i * k + j] -= lse;
      }
    }
    return total / n;
  }

  /** M step from responsibilities (n×k, not logs). */
  static Mixture fromResponsibilities(double[] x, int n, int d, double[] resp, int k, boolean full, double reg) {
    double[] nk = new double[k];
    double tiny = 10 * Math.ulp(1.0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        nk[j] += resp[i * k + j];
      }
    }
    for (int j = 0; j < k; j++) {
      nk[j] += tiny;
    }
    double[] means = new double[k * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        double r = resp[i * k + j];
        if (r != 0) {
          for (int t = 0; t < d; t++) {
            means[j * d + t] += r * x[i * d + t];
          }
        }
      }
    }
    for (int j = 0; j < k; j++) {
      for (int t = 0; t < d; t++) {
        means[j * d + t] /= nk[j];
      }
    }
    double[] covs = new double[full ? k * d * d : k * d];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        double r = resp[i * k + j];
        if (r == 0) {
          continue;
        }
        if (full) {
          for (int a = 0; a < d; a++) {
            double ea = x[i * d + a] - means[j * d + a];
            for (int b = 0; b < d; b++) {
              covs[j * d * d + a * d + b] += r * ea * (x[i * d + b] - means[j * d + b]);
            }
          }
        } else {
          for (int a = 0; a < d; a++) {
            double ea = x[i * d + a] - means[j * d + a];
            covs[j * d + a] += r * ea * ea;
          }
        }
      }
      if (full) {
        for (int a = 0; a < d * d; a++) {
          covs[j * d * d + a] /= nk[j];
        }
        for (int a = 0; a < d; a++) {
          covs[j * d * d + a * d + a] += reg;
        }
      } else {
        for (int a = 0; a < d; a++) {
          covs[j * d + a] = covs[j * d + a] / nk[j] + reg;
        }
      }
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = nk[j] / n;
    }
    return new Mixture(k, d, full, w, means, covs);
  }

  /** Number of free parameters (for AIC/BIC). */
  int parameters() {
    int cov = full ? k * d * (d + 1) / 2 : k * d;
    return cov + k * d + k - 1;
  }
}
