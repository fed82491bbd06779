package dev.exp.learn;

import dev.exp.kernel.KernelContext;

/**
 * Limited-memory BFGS for the smooth convex objectives of the learners (logistic regression, its
 * multinomial form): the two-loop recursion with {@code memory} pairs and a backtracking Armijo line
 * search. Polls the kernel context once per iteration. Stops when max|∇f| ≤ gtol.
 */
public final class Lbfgs {
  private Lbfgs() {}

  /** f(x), writing ∇f(x) into grad. */
  public interface Objective {
    double eval(double[] x, double[] grad);
  }

  /** The result: the minimiser, its value and gradient norm, iterations, evaluations and why it stopped. */
  public record Result(double[] x, double f, double gradNorm, int iterations, int evaluations, boolean converged,
      String message) {}

  /** Minimises f from x0 (not modified). */
  public static Result minimize(Objective f, double[] x0, double gtol, int maxIter, int memory, KernelContext ctx) {
    int p = x0.length;
    double[] x = x0.clone();
    double[] g = new double[p];
    double fx = f.eval(x, g);
    int evals = 1;
    double[][] s = new double[memory][];
    double[][] y = new double[memory][];
    double[] rho = new double[memory];
    int stored = 0;
    int head = 0;
    double[] dir = new double[p];
    double[] xn = new double[p];
    double[] gn = new double[p];
    double[] alpha = new double[memory];
    int it = 0;
    int stalls = 0;
    while (true) {
      double gmax = maxAbs(g);
      if (gmax <= gtol) {
        return new Result(x, fx, gmax, it, evals, true, "tolerance reached");
      }
      if (it >= maxIter) {
        return new Result(x, fx, gmax, it, evals, false, "max_iter reached");
      }
      ctx.poll();
      // two-loop recursion: dir = -H g
      for (int i = 0; i < p; i++) {
        dir[i] = -g[i];
      }
      for (int m = 0; m < stored; m++) {
        int idx = Math.floorMod(head - 1 - m, memory);
        alpha[idx] = rho[idx] * Dense.dot(s[idx], 0, dir, 0, p);
        for (int i = 0; i < p; i++) {
          dir[i] -= alpha[idx] * y[idx][i];
        }
      }
      if (stored > 0) {
        int last = Math.floorMod(head - 1, memory);
        double gamma = Dense.dot(s[last], 0, y[last], 0, p) / Dense.dot(y[last], 0, y[last], 0, p);
        for (int i = 0; i < p; i++) {
          dir[i] *= gamma;
        }
      }
      for (int m = stored - 1; m >= 0; m--) {
        int idx = Math.floorMod(head - 1 - m, memory);
        double b = rho[idx] * Dense.dot(y[idx], 0, dir, 0, p);
        for (int i = 0; i < p; i++) {
          dir[i] += (alpha[idx] - b) * s[idx][i];
        }
      }
      double slope = Dense.dot(g, 0, dir, 0, p);
      if (!(slope < 0)) { // not a descent direction: restart from steepest descent
        stored = 0;
        for (int i = 0; i < p; i++) {
          dir[i] = -g[i];
        }
        slope = -Dense.dot(g, 0, g, 0, p);
      }
      double t = stored == 0 && it == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
      double fn;
      int tries = 0;
      while (true) {
        for (int i = 0; i < p; i++) {
          xn[i] = x[i] + t * dir[i];
        }
        fn = f.eval(xn, gn);
        evals++;
        if (fn <= fx + 1e-4 * t * slope + 4 * Math.ulp(fx) || tries++ > 50) {
          break;
        }
        t *= 0.5;
      }
      if (!(fn <= fx + 4 * Math.ulp(fx))) {
        return new Result(x, fx, gmax, it, evals, false, "line search failed (rounding limits the accuracy)");
      }
      double[] sv = new double[p];
      double[] yv = new double[p];
      for (int i = 0; i < p; i++) {
        sv[i] = xn[i] - x[i];
        yv[i] = gn[i] - g[i];
      }
      double sy = Dense.dot(sv, 0, yv, 0, p);
      if (sy > 1e-12 * Math.sqrt(Dense.dot(sv, 0, sv, 0, p) * Dense.dot(yv, 0, yv, 0, p))) {
        s[head] = sv;
        y[head] = yv;
        rho[head] = 1 / sy;
        head = (head + 1) % memory;
        stored = Math.min(stored + 1, memory);
      }
      System.arraycopy(xn, 0, x, 0, p);
      System.arraycopy(gn, 0, g, 0, p);
      stalls = fx - fn <= 4 * Math.ulp(fx) ? stalls + 1 : 0;
      fx = fn;
      it++;
      if (stalls >= 5 && maxAbs(g) > gtol) {
        return new Result(x, fx, maxAbs(g), it, evals, false, "no further decrease (rounding limits the accuracy)");
      }
    }
  }

  /** max |v_i|. */
  public static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
