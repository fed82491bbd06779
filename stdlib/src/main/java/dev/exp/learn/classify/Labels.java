package dev.exp.learn.classify;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/** Class labels of a classifier: the sorted distinct values of y and each sample's class index. */
public record Labels(double[] classes, int[] index) {

  /** Encodes y (any numbers); fails with fewer than {@code min} distinct classes. */
  public static Labels of(double[] y, String fn, int min) {
    double[] sorted = y.clone();
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    double[] classes = Arrays.copyOf(sorted, k);
    if (k < min) {
      throw KernelException.of("%s: y must hold at least %d distinct classes, got %d (%s)", fn, min, k,
          Numbers.list(classes));
    }
    int[] idx = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      idx[i] = Arrays.binarySearch(classes, y[i]);
    }
    return new Labels(classes, idx);
  }

  /** Number of classes. */
  public int count() {
    return classes.length;
  }

  /** Samples per class. */
  public int[] counts() {
    int[] c = new int[classes.length];
    for (int i : index) {
      c[i]++;
    }
    return c;
  }

  /** The classes as a tensor. */
  public Tensor tensor() {
    return Tensor.vector(classes.clone());
  }

  /** Labels of the rows of a score or probability matrix [n, k]: the class with the largest entry (first on ties). */
  public static Tensor argmax(double[] scores, int n, double[] classes) {
    int k = classes.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (scores[i * k + c] > scores[i * k + best]) {
          best = c;
        }
      }
      out[i] = classes[best];
    }
    return Tensor.wrap(new int[] {n}, out);
  }

  /** Softmax of each row of log-scores [n, k], in place (max-shifted). */
  public static void softmaxRows(double[] z, int n, int k) {
    for (int i = 0; i < n; i++) {
      int o = i * k;
      double m = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        m = Math.max(m, z[o + c]);
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        z[o + c] = Math.exp(z[o + c] - m);
        s += z[o + c];
      }
      for (int c = 0; c < k; c++) {
        z[o + c] /= s;
      }
    }
  }
}
