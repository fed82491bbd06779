package dev.exp.mdp;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.linalg.Linalg;
import dev.exp.tensor.Tensor;

/**
 * A checked finite MDP: transitions P [S, A, S] (P[s, a, s'] = Pr(s' | s, a), rows summing to 1) and
 * expected rewards r [S, A] (from R [S, A], or R [S, A, S] averaged over the next state).
 */
final class Mdp {
  final int s;
  final int a;
  final double[] p;
  final double[] r;
  final double gamma;

  private Mdp(int s, int a, double[] p, double[] r, double gamma) {
    this.s = s;
    this.a = a;
    this.p = p;
    this.r = r;
    this.gamma = gamma;
  }

  static Mdp of(Tensor p, Tensor rw, double gamma, String fn) {
    if (p == null || p.isComplex() || p.rank() != 3 || p.dim(0) != p.dim(2) || p.dim(0) == 0 || p.dim(1) == 0) {
      throw KernelException.of("%s: P must be a tensor [S, A, S] (P[s, a, s'] = Pr(s' | s, a)), got %s", fn,
          Values.describe(p));
    }
    int ns = p.dim(0);
    int na = p.dim(1);
    double[] pv = p.raw();
    for (int q = 0; q < ns * na; q++) {
      double sum = 0;
      for (int t = 0; t < ns; t++) {
        double x = pv[q * ns + t];
        if (!(x >= 0) || x > 1 + 1e-12) {
          throw KernelException.of("%s: P[%d, %d, %d] = %s is not a probability", fn, q / na, q % na, t, x);
        }
        sum += x;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw KernelException.of("%s: the row P[%d, %d, :] sums to %s, not 1", fn, q / na, q % na, sum);
      }
    }
    if (!(gamma >= 0 && gamma < 1)) {
      throw KernelException.of("%s: gamma must be in [0, 1), got %s", fn, gamma);
    }
    double[] r = new double[ns * na];
    if (rw != null && !rw.isComplex() && rw.rank() == 2 && rw.dim(0) == ns && rw.dim(1) == na) {
      System.arraycopy(rw.raw(), 0, r, 0, r.length);
    } else if (rw != null && !rw.isComplex() && rw.rank() == 3 && rw.dim(0) == ns && rw.dim(1) == na
        && rw.dim(2) == ns) {
      double[] rv = rw.raw();
      for (int q = 0; q < ns * na; q++) {
        double e = 0;
        for (int t = 0; t < ns; t++) {
          e += pv[q * ns + t] * rv[q * ns + t];
        }
        r[q] = e;
      }
    } else {
      throw KernelException.of("%s: R must be [S, A] = [%d, %d] or [S, A, S] = [%d, %d, %d] (P is [%d, %d, %d]), got %s",
          fn, ns, na, ns, na, ns, ns, na, ns, Values.describe(rw));
    }
    for (int q = 0; q < r.length; q++) {
      if (!Double.isFinite(r[q])) {
        throw KernelException.of("%s: the reward of state %d, action %d is %s", fn, q / na, q % na, r[q]);
      }
    }
    return new Mdp(ns, na, pv, r, gamma);
  }

  /** Q[s, a] = r[s, a] + γ·Σ_s' P[s, a, s']·V[s']. */
  double[] q(double[] v) {
    double[] q = new double[s * a];
    for (int k = 0; k < s * a; k++) {
      double e = 0;
      int base = k * s;
      for (int t = 0; t < s; t++) {
        e += p[base + t] * v[t];
      }
      q[k] = r[k] + gamma * e;
    }
    return q;
  }

  /** The greedy policy of Q (lowest action index on ties, within 1e-12 relative). */
  int[] greedy(double[] q) {
    int[] pi = new int[s];
    for (int i = 0; i < s; i++) {
      int best = 0;
      for (int k = 1; k < a; k++) {
        double x = q[i * a + k];
        double b = q[i * a + best];
        if (x > b + 1e-12 * Math.max(1, Math.abs(b))) {
          best = k;
        }
      }
      pi[i] = best;
    }
    return pi;
  }

  /** V of a stochastic policy w [S, A] by solving (I − γ P_π) V = r_π. */
  double[] evaluate(double[] w) {
    double[] m = new double[s * s];
    double[] b = new double[s];
    for (int i = 0; i < s; i++) {
      m[i * s + i] = 1;
      for (int k = 0; k < a; k++) {
        double wk = w[i * a + k];
        if (wk == 0) {
          continue;
        }
        b[i] += wk * r[i * a + k];
        int base = (i * a + k) * s;
        for (int t = 0; t < s; t++) {
          m[i * s + t] -= gamma * wk * p[base + t];
        }
      }
    }
    return Linalg.solve(Tensor.wrap(new int[] {s, s}, m), Tensor.wrap(new int[] {s}, b)).raw().clone();
  }

  /** The one-hot [S, A] weights of a deterministic policy. */
  double[] oneHot(int[] pi) {
    double[] w = new double[s * a];
    for (int i = 0; i < s; i++) {
      w[i * a + pi[i]] = 1;
    }
    return w;
  }
}
