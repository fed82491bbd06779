package dev.exp.learn.classify;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.Parallel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dots;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.Lbfgs;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.op.UnaryOp;

/**
 * Newton's method for the two-class objective of {@link LogisticObjective}, f(θ) = C Σ_i loss_i + ½‖w‖²
 * (θ = (w, b), the intercept b not penalised), with one fused pass over X per iteration: the pass computes
 * the loss, the gradient and the Hessian C·Σ p_i(1 − p_i) a_i a_iᵀ + I_w (a_i = (x_i, 1)) together, row
 * block by row block, so X is read once per iteration. The Hessian of a block is the Gram matrix of its
 * rows scaled by √(p_i(1 − p_i)), formed from a transposed copy of the block that stays in cache. Blocks
 * are grouped into a fixed number of tasks spread over the kernel threads and merged in order, so the
 * result does not depend on the thread count. A full Newton step is tried first with the Hessian at the
 * trial point computed speculatively (it is almost always accepted; the Hessian is skipped when the
 * quadratic convergence of the last steps predicts that the trial point meets the tolerance); a
 * backtracking (Armijo) line search follows when it is not. Far from the optimum, on large n, the
 * Hessian is estimated from every 8th row (see {@link #fit}); the stopping rule always uses the exact
 * gradient, so this changes the path, not the answer.
 */
final class BinaryNewton {
  private static final Loops LOOPS = Loops.active();
  private static final int ROWS = 128;
  private static final int TASKS = 32;

  private final double[] x;
  private final int n;
  private final int d;
  private final int[] t;
  private final double c;

  BinaryNewton(double[] x, int n, int d, int[] t, double c) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.t = t;
    this.c = c;
  }

  /**
   * The value, gradient [d + 1] and (when h is not null) Hessian [(d + 1)²] of f at θ; with hStride &gt; 1
   * the data part of the Hessian is estimated from every hStride-th row (scaled by hStride).
   */
  double pass(double[] theta, double[] g, double[] h, int hStride) {
    int p = d + 1;
    int ps = Dots.stride(p);
    int blocks = (n + ROWS - 1) / ROWS;
    int tasks = Math.min(TASKS, blocks);
    double[][] gs = new double[tasks][];
    double[][] hs = new double[tasks][];
    double[] losses = new double[tasks];
    Parallel.forEach(tasks, k -> {
      double[] gk = new double[p];
      double[] hk = h == null ? null : new double[ps * ps];
      double[] bt = h == null ? null : new double[ps * ROWS];
      double loss = 0;
      for (int blk = (int) ((long) k * blocks / tasks); blk < (long) (k + 1) * blocks / tasks; blk++) {
        loss += block(theta, blk * ROWS, Math.min(n, (blk + 1) * ROWS), gk, hk, bt, hStride);
      }
      gs[k] = gk;
      hs[k] = hk;
      losses[k] = loss;
    });
    double loss = 0;
    java.util.Arrays.fill(g, 0.0);
    if (h != null) {
      java.util.Arrays.fill(h, 0.0);
    }
    for (int k = 0; k < tasks; k++) {
      loss += losses[k];
      for (int j = 0; j < p; j++) {
        g[j] += gs[k][j];
      }
      if (h != null) {
        for (int j = 0; j < p; j++) {
          for (int l = j; l < p; l++) {
            h[j * p + l] += hs[k][j * ps + l];
          }
        }
      }
    }
    double pen = 0;
    for (int j = 0; j < p; j++) {
      g[j] *= c;
    }
    for (int j = 0; j < d; j++) {
      pen += theta[j] * theta[j];
      g[j] += theta[j];
    }
    if (h != null) {
      for (int j = 0; j < p; j++) {
        for (int l = j; l < p; l++) {
          double v = c * hStride * h[j * p + l];
          h[j * p + l] = v;
          h[l * p + j] = v;
        }
      }
      for (int j = 0; j < d; j++) {
        h[j * p + j] += 1;
      }
    }
    return c * loss + 0.5 * pen;
  }

  /**
   * Rows [i0, i1): adds Σ(p_i − t_i) a_i to g and (h not null) the upper triangle of Σ s_i a_i a_iᵀ to h
   * [ps, ps], through the block's scaled rows in bt [ROWS, ps] (zero padding).
   */
  private double block(double[] theta, int i0, int i1, double[] g, double[] h, double[] bt, int hStride) {
    int p = d + 1;
    int ps = Dots.stride(p);
    int m = 0;
    double b = theta[d];
    double loss = 0;
    double gb = 0;
    int rows = i1 - i0;
    Dots dots = Dots.active(3L * rows * d);
    double[] zs = new double[rows];
    double[] es = new double[rows];
    for (int i = i0; i < i1; i++) {
      double z = dots.dot(x, i * d, theta, 0, d) + b;
      zs[i - i0] = z;
      es[i - i0] = -Math.abs(z);
    }
    // e = exp(−|z|) in (0, 1] and log(1 + e) for the block at once (the vector loops when available)
    LOOPS.unary(UnaryOp.EXP, es, 0, es, 0, rows);
    double[] ls = new double[rows];
    LOOPS.unary(UnaryOp.LOG1P, es, 0, ls, 0, rows);
    for (int i = i0; i < i1; i++) {
      int o = i * d;
      double z = zs[i - i0];
      double e = es[i - i0];
      double l1pe = ls[i - i0];
      double ti = t[i];
      loss += (z > 0 ? z + l1pe : l1pe) - ti * z;
      double prob = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      double r = prob - ti;
      dots.axpy(r, x, o, g, 0, d);
      gb += r;
      if (h != null && i % hStride == 0) {
        double sw = Math.sqrt(e) / (1 + e); // √(p(1 − p)) = √e / (1 + e)
        int k = m++ * ps;
        for (int j = 0; j < d; j++) {
          bt[k + j] = sw * x[o + j];
        }
        bt[k + d] = sw;
      }
    }
    g[d] += gb;
    if (h != null) {
      dots.syrkUpper(bt, m, p, ps, h);
    }
    return loss;
  }

  /** Newton from θ = 0 until max|∇f| / (C n) ≤ tol or maxIter steps; the first pass may find X non-finite. */
  Logistic.Fit fit(double tol, int maxIter, LogisticObjective obj, KernelContext ctx, Runnable nonFinite) {
    int p = d + 1;
    double scale = c * n;
    double[] th = new double[p];
    double[] g = new double[p];
    double[] h = new double[p * p];
    double[] tn = new double[p];
    double[] gn = new double[p];
    double[] hn = new double[p * p];
    // far from the optimum the Newton direction needs only a rough Hessian: while max|∇| is above a
    // tenth of its value at 0, a large n estimates the Hessian from every 8th row (the same pass,
    // 1/8 of the Hessian's flops); near the optimum the full Hessian gives quadratic convergence
    int sub = n >= 8 * 40 * (d + 1) ? 8 : 1;
    double f = pass(th, g, h, sub);
    double early = Lbfgs.maxAbs(g) / 10;
    if (!Double.isFinite(f) || !LearnArgs.allFinite(g) || !LearnArgs.allFinite(h)) {
      nonFinite.run();
    }
    int it = 0;
    double rate = Double.NaN; // K in |∇_{k+1}| ≈ K |∇_k|² from the last full step with a full Hessian
    boolean hFull = sub == 1;
    while (true) {
      double gmax = Lbfgs.maxAbs(g) / scale;
      if (gmax <= tol) {
        return new Logistic.Fit(th, it, gmax, true, "tolerance reached", obj);
      }
      if (it >= maxIter) {
        return new Logistic.Fit(th, it, gmax, false, "max_iter reached", obj);
      }
      ctx.poll();
      double[] step = LogisticObjective.solveSpd(h, p, g);
      if (step == null) {
        throw KernelException.of("learn.logistic: the Hessian is not positive definite (shape [%d, %d])",
            p, p);
      }
      double slope = 0;
      for (int j = 0; j < p; j++) {
        step[j] = -step[j];
        slope += g[j] * step[j];
      }
      int stride = Lbfgs.maxAbs(g) > early ? sub : 1;
      // skip the speculative Hessian when the quadratic model predicts convergence at the trial point
      boolean withHessian = !(rate * gmax * gmax <= tol / 2);
      double s = 1;
      double fn;
      int tries = 0;
      while (true) {
        for (int j = 0; j < p; j++) {
          tn[j] = th[j] + s * step[j];
        }
        fn = pass(tn, gn, withHessian ? hn : null, stride);
        if (fn <= f + 1e-4 * s * slope || tries++ > 60) {
          break;
        }
        withHessian = false;
        s *= 0.5;
      }
      it++;
      if (!(fn <= f)) {
        return new Logistic.Fit(th, it, gmax, false, "line search failed (rounding limits the accuracy)", obj);
      }
      double gnew = Lbfgs.maxAbs(gn) / scale;
      if (!withHessian && gnew > tol) {
        pass(tn, gn, hn, stride);
      }
      rate = s == 1 && hFull ? gnew / (gmax * gmax) : rate;
      hFull = stride == 1;
      System.arraycopy(tn, 0, th, 0, p);
      System.arraycopy(gn, 0, g, 0, p);
      System.arraycopy(hn, 0, h, 0, p * p);
      f = fn;
    }
  }
}
