package dev.exp.learn;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/** The default scores of {@link Model#score}: R² and accuracy. */
public final class Scores {
  private Scores() {}

  /** Coefficient of determination 1 − SS_res / SS_tot, averaged over output columns (as scikit-learn). */
  public static double r2(Tensor y, Tensor pred) {
    requireSameShape(y, pred);
    double[] t = y.raw();
    double[] p = pred.raw();
    int n = y.rank() == 0 ? 1 : y.dim(0);
    int k = n == 0 ? 0 : t.length / n;
    double total = 0;
    for (int c = 0; c < k; c++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += t[i * k + c];
      }
      mean /= n;
      double res = 0;
      double tot = 0;
      for (int i = 0; i < n; i++) {
        double d = t[i * k + c] - p[i * k + c];
        double e = t[i * k + c] - mean;
        res += d * d;
        tot += e * e;
      }
      total += tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }
    return total / k;
  }

  /** Fraction of equal entries. */
  public static double accuracy(Tensor y, Tensor pred) {
    requireSameShape(y, pred);
    double[] t = y.raw();
    double[] p = pred.raw();
    int hits = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] == p[i]) {
        hits++;
      }
    }
    return t.length == 0 ? Double.NaN : (double) hits / t.length;
  }

  private static void requireSameShape(Tensor y, Tensor pred) {
    if (!Arrays.equals(y.shape(), pred.shape())) {
      throw new KernelException("score: y has shape " + Tensor.shapeString(y.shape()) + " but the predictions have "
          + Tensor.shapeString(pred.shape()));
    }
  }
}
