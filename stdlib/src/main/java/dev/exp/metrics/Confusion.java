package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Confusion matrices and the precision / recall / F1 derived from them. */
public final class Confusion {
  private Confusion() {}

  /** The class labels: given, or the sorted union of the labels seen. */
  private static double[] labels(double[] t, double[] p, Tensor given, String fn) {
    if (given != null) {
      double[] l = given.raw();
      if (l.length == 0) {
        throw new KernelException(fn + ": labels is empty");
      }
      if (new TreeSet<>(Arrays.stream(l).boxed().toList()).size() != l.length) {
        throw new KernelException(fn + ": labels has repeated values " + Numbers.tensor(given));
      }
      return l;
    }
    TreeSet<Double> s = new TreeSet<>();
    for (double v : t) {
      s.add(v);
    }
    for (double v : p) {
      s.add(v);
    }
    return s.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static long[][] counts(double[] t, double[] p, double[] labels) {
    Map<Double, Integer> idx = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      idx.put(labels[i], i);
    }
    long[][] c = new long[labels.length][labels.length];
    for (int i = 0; i < t.length; i++) {
      Integer a = idx.get(t[i]);
      Integer b = idx.get(p[i]);
      if (a != null && b != null) {
        c[a][b]++;
      }
    }
    return c;
  }

  @Kernel(name = "metrics.confusion_matrix", doc = "Confusion matrix of predicted labels: matrix[i, j] counts the "
      + "samples of true class labels[i] predicted as labels[j]. labels (default: the sorted union of the values in "
      + "y_true and y_pred) fixes the order; samples whose labels are not listed are left out. Returns {matrix, "
      + "labels}. Example: metrics.confusion_matrix([0, 1, 1], [0, 0, 1]).matrix is [[1, 0], [1, 1]]")
  public static Map<String, Object> confusionMatrix(@Arg("y_true") Tensor yTrue, @Arg("y_pred") Tensor yPred,
      @Arg(value = "labels", dflt = "none") Tensor labels) {
    String fn = "metrics.confusion_matrix";
    double[] t = BinaryInputs.vector(yTrue, fn, "y_true");
    double[] p = BinaryInputs.vector(yPred, fn, "y_pred");
    BinaryInputs.sameLength(t, p, fn, "y_true", "y_pred");
    double[] l = labels(t, p, labels, fn);
    long[][] c = counts(t, p, l);
    double[] m = new double[l.length * l.length];
    for (int i = 0; i < l.length; i++) {
      for (int j = 0; j < l.length; j++) {
        m[i * l.length + j] = c[i][j];
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("matrix", Tensor.wrap(new int[] {l.length, l.length}, m));
    r.put("labels", Tensor.vector(l));
    return r;
  }

  @Kernel(name = "metrics.precision_recall_f1", doc = "Precision, recall and F1 of predicted labels. average: "
      + "\"binary\" (default; the scores of class pos_label, default 1), \"micro\" (from the total counts; equals "
      + "accuracy when every label is counted), \"macro\" (unweighted mean over classes), \"weighted\" (mean weighted "
      + "by support) or \"none\" (one value per class, in labels order). A ratio with a zero denominator is 0 (as "
      + "scikit-learn's zero_division default). Returns {precision, recall, f1, support, labels}; support is the "
      + "number of true samples (per class for \"none\"). Example: metrics.precision_recall_f1([0, 1, 1, 1], "
      + "[0, 1, 0, 1]) gives precision 1, recall 0.6667, f1 0.8")
  public static Map<String, Object> precisionRecallF1(@Arg("y_true") Tensor yTrue, @Arg("y_pred") Tensor yPred,
      @Arg(value = "average", dflt = "\"binary\"") String average, @Arg(value = "pos_label", dflt = "1") double posLabel,
      @Arg(value = "labels", dflt = "none") Tensor labels) {
    String fn = "metrics.precision_recall_f1";
    double[] t = BinaryInputs.vector(yTrue, fn, "y_true");
    double[] p = BinaryInputs.vector(yPred, fn, "y_pred");
    BinaryInputs.sameLength(t, p, fn, "y_true", "y_pred");
    double[] l = labels(t, p, labels, fn);
    long[][] c = counts(t, p, l);
    int k = l.length;
    double[] tp = new double[k];
    double[] predicted = new double[k];
    double[] actual = new double[k];
    for (int i = 0; i < k; i++) {
      tp[i] = c[i][i];
      for (int j = 0; j < k; j++) {
        actual[i] += c[i][j];
        predicted[j] += c[i][j];
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    switch (average) {
      case "binary" -> {
        int pos = -1;
        for (int i = 0; i < k; i++) {
          pos = l[i] == posLabel ? i : pos;
        }
        if (k > 2) {
          throw KernelException.of("%s: average \"binary\" needs two classes, got %d (%s); use \"macro\", \"micro\", "
              + "\"weighted\" or \"none\"", fn, k, Tensor.vector(l));
        }
        double tpp = pos < 0 ? 0 : tp[pos];
        fill(r, tpp, pos < 0 ? 0 : predicted[pos], pos < 0 ? 0 : actual[pos]);
      }
      case "micro" -> {
        double a = 0;
        double pr = 0;
        double s = 0;
        for (int i = 0; i < k; i++) {
          a += tp[i];
          pr += predicted[i];
          s += actual[i];
        }
        fill(r, a, pr, s);
      }
      case "macro", "weighted", "none" -> {
        double[] pv = new double[k];
        double[] rv = new double[k];
        double[] fv = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
          pv[i] = ratio(tp[i], predicted[i]);
          rv[i] = ratio(tp[i], actual[i]);
          fv[i] = ratio(2 * tp[i], predicted[i] + actual[i]);
          total += actual[i];
        }
        if (average.equals("none")) {
          r.put("precision", Tensor.vector(pv));
          r.put("recall", Tensor.vector(rv));
          r.put("f1", Tensor.vector(fv));
          r.put("support", Tensor.vector(actual));
        } else {
          double sp = 0;
          double sr = 0;
          double sf = 0;
          for (int i = 0; i < k; i++) {
            double w = average.equals("macro") ? 1.0 / k : (total > 0 ? actual[i] / total : 0);
            sp += w * pv[i];
            sr += w * rv[i];
            sf += w * fv[i];
          }
          r.put("precision", sp);
          r.put("recall", sr);
          r.put("f1", sf);
          r.put("support", total);
        }
      }
      default -> throw new KernelException(fn + ": average must be \"binary\", \"micro\", \"macro\", \"weighted\" or "
          + "\"none\", got \"" + average + "\"");
    }
    r.put("labels", Tensor.vector(l));
    return r;
  }

  private static void fill(Map<String, Object> r, double tp, double predicted, double actual) {
    r.put("precision", ratio(tp, predicted));
    r.put("recall", ratio(tp, actual));
    r.put("f1", ratio(2 * tp, predicted + actual));
    r.put("support", actual);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }
}
