package dev.exp.metrics;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.Arrays;

/**
 * Multiclass ROC-AUC as scikit-learn's {@code roc_auc_score(y, P, multi_class=..., average=...)}:
 * one-vs-rest (the AUC of column c for "class c vs the rest"; macro, prevalence-weighted, micro or per
 * class) and one-vs-one (Hand and Till 2001: for each pair a < b, the mean of the AUC of column a on
 * the samples of classes a and b with a positive and of column b with b positive; macro, or weighted by
 * the pair's share of the samples).
 */
final class MulticlassAuc {
  private MulticlassAuc() {}

  /** The AUC for scores [n, k] of labels y, classes given (sorted) or the sorted distinct labels. */
  static Object of(double[] y, Tensor score, Tensor labels, String multiClass, String average, String fn) {
    int n = y.length;
    if (score.rank() != 2 || score.dim(0) != n) {
      throw KernelException.of("%s: multiclass y_score must be [n, classes] with n = %d (y_true's length), got %s", fn,
          n, Tensor.shapeString(score.shape()));
    }
    int k = score.dim(1);
    double[] p = BinaryInputs.vector(score, fn, "y_score");
    double[] classes = classes(y, labels, k, fn);
    if (!multiClass.equals("ovr") && !multiClass.equals("ovo")) {
      throw KernelException.of("%s: multi_class must be \"ovr\" or \"ovo\", got \"%s\"", fn, multiClass);
    }
    boolean ovr = multiClass.equals("ovr");
    if (ovr ? !Arrays.asList("macro", "weighted", "micro", "none").contains(average)
        : !average.equals("macro") && !average.equals("weighted")) {
      throw KernelException.of("%s: average must be %s for multi_class \"%s\", got \"%s\"", fn,
          ovr ? "\"macro\", \"weighted\", \"micro\" or \"none\"" : "\"macro\" or \"weighted\"", multiClass, average);
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += p[i * k + c];
      }
      if (Math.abs(s - 1) > 1e-8 + 1e-5) {
        throw KernelException.of("%s: multiclass y_score rows must be probabilities summing to 1 (as scikit-learn "
            + "requires); row %d sums to %s", fn, i, TensorArgs.fmt(s));
      }
    }
    int[] code = new int[n];
    int[] count = new int[k];
    for (int i = 0; i < n; i++) {
      code[i] = Arrays.binarySearch(classes, y[i]);
      if (code[i] < 0) {
        throw KernelException.of("%s: y_true[%d] = %s is not one of labels %s", fn, i, TensorArgs.fmt(y[i]),
            Numbers.list(classes));
      }
      count[code[i]]++;
    }
    for (int c = 0; c < k; c++) {
      if (count[c] == 0) {
        throw KernelException.of("%s: class %s has no sample in y_true (its AUC is undefined)", fn,
            TensorArgs.fmt(classes[c]));
      }
    }
    return ovr ? ovr(code, p, n, k, count, average) : ovo(code, p, n, k, count, average.equals("weighted"));
  }

  private static double[] classes(double[] y, Tensor labels, int k, String fn) {
    double[] cls;
    if (labels == null) {
      cls = Arrays.stream(y).distinct().sorted().toArray();
      if (cls.length != k) {
        throw KernelException.of("%s: y_true has %d distinct classes but y_score has %d columns (pass labels: ... to "
            + "name the columns)", fn, cls.length, k);
      }
      return cls;
    }
    cls = labels.raw().clone();
    if (cls.length != k) {
      throw KernelException.of("%s: labels has %d values but y_score has %d columns", fn, cls.length, k);
    }
    for (int c = 1; c < k; c++) {
      if (!(cls[c] > cls[c - 1])) {
        throw KernelException.of("%s: labels must be distinct and increasing, got %s", fn, Numbers.list(cls));
      }
    }
    return cls;
  }

  private static Object ovr(int[] code, double[] p, int n, int k, int[] count, String average) {
    if (average.equals("micro")) {
      double[] yy = new double[n * k];
      for (int i = 0; i < n; i++) {
        yy[i * k + code[i]] = 1;
      }
      return auc(yy, p);
    }
    double[] per = new double[k];
    double[] yc = new double[n];
    double[] sc = new double[n];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        yc[i] = code[i] == c ? 1 : 0;
        sc[i] = p[i * k + c];
      }
      per[c] = auc(yc, sc);
    }
    if (average.equals("none")) {
      return Tensor.vector(per);
    }
    double s = 0;
    for (int c = 0; c < k; c++) {
      s += average.equals("weighted") ? per[c] * count[c] / n : per[c] / k;
    }
    return s;
  }

  private static double ovo(int[] code, double[] p, int n, int k, int[] count, boolean weighted) {
    double total = 0;
    double weights = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int m = count[a] + count[b];
        double[] ya = new double[m];
        double[] sa = new double[m];
        double[] sb = new double[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
          if (code[i] == a || code[i] == b) {
            ya[j] = code[i] == a ? 1 : 0;
            sa[j] = p[i * k + a];
            sb[j] = p[i * k + b];
            j++;
          }
        }
        double[] yb = new double[m];
        for (int i = 0; i < m; i++) {
          yb[i] = 1 - ya[i];
        }
        double pair = (auc(ya, sa) + auc(yb, sb)) / 2;
        double w = weighted ? (double) m / n : 1;
        total += w * pair;
        weights += w;
      }
    }
    return total / weights;
  }

  /** Binary AUC (both classes present). */
  private static double auc(double[] y, double[] s) {
    Curves c = Curves.of(y, s, "metrics.roc_auc");
    return Classification.area(c);
  }
}
