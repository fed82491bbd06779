package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Scores;
import dev.exp.tensor.Tensor;

/** Agreement between predictions and targets or between two rankings (kernels.md M08): R², Kendall distance. */
public final class Agreement {
  private Agreement() {}

  @Kernel(name = "metrics.r2", doc = "Coefficient of determination 1 − Σ(y − ŷ)²/Σ(y − ȳ)² (scikit-learn's r2_score): "
      + "for matrices [n, k] the mean over the k columns; a constant column scores 1 when predicted exactly, else 0. "
      + "A bootstrap interval: stats.bootstrap_ci over resampled rows. Example: metrics.r2([3, -0.5, 2, 7], [2.5, 0, "
      + "2, 8]) is 0.9486")
  public static double r2(@Arg("y_true") Tensor yTrue, @Arg("y_pred") Tensor yPred) {
    if (yTrue.size() == 0) {
      throw KernelException.of("metrics.r2: y_true is empty");
    }
    return Scores.r2(yTrue, yPred);
  }

  @Kernel(name = "metrics.kendall_distance", doc = "Kendall tau distance between two rankings given as scores a and b "
      + "of the same n items: the number of discordant pairs (ordered one way by a and the other by b); a pair tied "
      + "in exactly one of them counts penalty (default 0.5, Fagin et al.'s K^(p)), tied in both 0. normalize true "
      + "divides by n(n − 1)/2, giving a value in [0, 1] (0 identical orders, 1 reversed). O(n²). Example: "
      + "metrics.kendall_distance([1, 2, 3], [3, 2, 1]) is 3")
  public static double kendallDistance(@Arg("a") Tensor a, @Arg("b") Tensor b,
      @Arg(value = "normalize", dflt = "false") boolean normalize, @Arg(value = "penalty", dflt = "0.5") double p) {
    String fn = "metrics.kendall_distance";
    double[] x = BinaryInputs.vector(a, fn, "a");
    double[] y = BinaryInputs.vector(b, fn, "b");
    BinaryInputs.sameLength(x, y, fn, "a", "b");
    if (!(p >= 0 && p <= 1)) {
      throw KernelException.of("%s: penalty must be in [0, 1], got %s", fn, p);
    }
    int n = x.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double sx = Math.signum(x[i] - x[j]);
        double sy = Math.signum(y[i] - y[j]);
        if (sx * sy < 0) {
          d += 1;
        } else if ((sx == 0) != (sy == 0)) {
          d += p;
        }
      }
    }
    return normalize ? (n < 2 ? 0 : d / (n * (n - 1) / 2.0)) : d;
  }
}
