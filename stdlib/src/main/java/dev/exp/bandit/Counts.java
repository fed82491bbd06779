package dev.exp.bandit;

import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pull counts and reward sums per arm: the statistics of the index policies. */
final class Counts {
  final int[] n;
  final double[] sum;
  int t;

  Counts(int k) {
    n = new int[k];
    sum = new double[k];
  }

  Counts(Counts o) {
    n = o.n.clone();
    sum = o.sum.clone();
    t = o.t;
  }

  void add(int arm, double r) {
    n[arm]++;
    sum[arm] += r;
    t++;
  }

  double mean(int arm) {
    return n[arm] == 0 ? 0 : sum[arm] / n[arm];
  }

  /** The first arm never pulled, or −1. */
  int unpulled() {
    for (int a = 0; a < n.length; a++) {
      if (n[a] == 0) {
        return a;
      }
    }
    return -1;
  }

  /** Index of the largest value (first on ties). */
  static int argmax(double[] v) {
    int b = 0;
    for (int i = 1; i < v.length; i++) {
      b = v[i] > v[b] ? i : b;
    }
    return b;
  }

  Map<String, Object> fields() {
    double[] c = new double[n.length];
    double[] m = new double[n.length];
    for (int a = 0; a < n.length; a++) {
      c[a] = n[a];
      m[a] = mean(a);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("counts", Tensor.vector(c));
    f.put("means", Tensor.vector(m));
    return f;
  }
}
