package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First-order methods for min_x max_y f(x, y) given the partial gradients: gradient descent–ascent
 * (simultaneous or alternating), extragradient and optimistic GDA. The residual is ‖F(z)‖₂ with
 * F(x, y) = (∇ₓf, −∇ᵧf), the monotone operator of the game.
 */
public final class MinMax {
  private MinMax() {}

  static final String ARGS = " grad_x(x, y) and grad_y(x, y) return ∇ₓf and ∇ᵧf. Returns {x, y, iterations, "
      + "residuals (‖F(z_k)‖₂, F = (∇ₓf, −∇ᵧf), for k = 0, 1, ...), converged (residual ≤ tol), reason, "
      + "evaluations (gradient pairs)}. Defaults lr 0.1, tol 1e-8, max_iter 1000.";

  @Kernel(name = "optim.gda", doc = "Gradient descent–ascent: x ← x − lr·∇ₓf, y ← y + lr·∇ᵧf, simultaneously "
      + "(default) or alternating (y uses the new x). On a bilinear game xᵀAy simultaneous GDA diverges." + ARGS
      + " Example: optim.gda((x, y) => A @ y, (x, y) => A.T @ x, x0, y0, lr: 0.1)")
  public static Map<String, Object> gda(@Arg("grad_x") Fn gx, @Arg("grad_y") Fn gy, @Arg("x0") Tensor x0,
      @Arg("y0") Tensor y0, @Arg(value = "lr", dflt = "0.1") double lr,
      @Arg(value = "alternating", dflt = "false") boolean alternating, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    return run(gx, gy, x0, y0, lr, alternating ? Rule.ALTERNATING : Rule.GDA, tol, maxIter, ctx, "optim.gda");
  }

  @Kernel(name = "optim.extragradient", doc = "Extragradient (Korpelevich): a look-ahead step z½ = z − lr·F(z), then "
      + "z ← z − lr·F(z½); converges on monotone games such as bilinear ones for lr < 1/L." + ARGS
      + " Example: optim.extragradient(gx, gy, x0, y0, lr: 0.5)")
  public static Map<String, Object> extragradient(@Arg("grad_x") Fn gx, @Arg("grad_y") Fn gy, @Arg("x0") Tensor x0,
      @Arg("y0") Tensor y0, @Arg(value = "lr", dflt = "0.1") double lr, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    return run(gx, gy, x0, y0, lr, Rule.EXTRAGRADIENT, tol, maxIter, ctx, "optim.extragradient");
  }

  @Kernel(name = "optim.ogda", doc = "Optimistic GDA (Popov's past extragradient): z ← z − 2·lr·F(z_k) + "
      + "lr·F(z_{k−1}), one gradient pair per step; converges on bilinear games for small lr." + ARGS
      + " Example: optim.ogda(gx, gy, x0, y0, lr: 0.2)")
  public static Map<String, Object> ogda(@Arg("grad_x") Fn gx, @Arg("grad_y") Fn gy, @Arg("x0") Tensor x0,
      @Arg("y0") Tensor y0, @Arg(value = "lr", dflt = "0.1") double lr, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    return run(gx, gy, x0, y0, lr, Rule.OGDA, tol, maxIter, ctx, "optim.ogda");
  }

  private enum Rule {
    GDA, ALTERNATING, EXTRAGRADIENT, OGDA
  }

  private static Map<String, Object> run(Fn gx, Fn gy, Tensor x0, Tensor y0, double lr, Rule rule, double tol,
      int maxIter, KernelContext ctx, String fn) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw KernelException.of("%s: lr must be a finite number > 0, got %s", fn, lr);
    }
    KernelContext c = MinimizeKernels.ctx(ctx);
    double[] x = MinimizeKernels.start(x0, fn);
    double[] y = MinimizeKernels.start(y0, fn);
    FixedPoint.Op fx = new FixedPoint.Op(gx, x0.shape(), c, fn + " grad_x");
    FixedPoint.Op fy = new FixedPoint.Op(gy, x0.shape(), c, fn + " grad_y");
    int[] evals = {0};
    List<Double> res = new ArrayList<>();
    double[][] g = grads(fx, fy, x, y, x0, y0, evals);
    double[][] gPrev = null;
    int it = 0;
    boolean conv = false;
    String reason = "max_iter reached";
    while (true) {
      double r = Math.sqrt(Vec.dot(g[0], g[0]) + Vec.dot(g[1], g[1]));
      res.add(r);
      if (!Double.isFinite(r) || !Vec.finite(x) || !Vec.finite(y)) {
        reason = "diverged: the iterates are not finite";
        break;
      }
      if (r <= tol) {
        conv = true;
        reason = "tolerance reached";
        break;
      }
      if (it >= maxIter) {
        break;
      }
      c.poll();
      switch (rule) {
        case GDA -> {
          x = Vec.plus(x, -lr, g[0]);
          y = Vec.plus(y, lr, g[1]);
        }
        case ALTERNATING -> {
          x = Vec.plus(x, -lr, g[0]);
          double[] gyNew = grad(fy, x, y, y0, evals);
          y = Vec.plus(y, lr, gyNew);
        }
        case EXTRAGRADIENT -> {
          double[] xh = Vec.plus(x, -lr, g[0]);
          double[] yh = Vec.plus(y, lr, g[1]);
          double[][] gh = grads(fx, fy, xh, yh, x0, y0, evals);
          x = Vec.plus(x, -lr, gh[0]);
          y = Vec.plus(y, lr, gh[1]);
        }
        case OGDA -> {
          double[][] p = gPrev == null ? g : gPrev;
          double[] xn = x.clone();
          double[] yn = y.clone();
          for (int i = 0; i < x.length; i++) {
            xn[i] -= lr * (2 * g[0][i] - p[0][i]);
          }
          for (int i = 0; i < y.length; i++) {
            yn[i] += lr * (2 * g[1][i] - p[1][i]);
          }
          x = xn;
          y = yn;
        }
      }
      gPrev = g;
      g = grads(fx, fy, x, y, x0, y0, evals);
      it++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(x0.shape(), x));
    out.put("y", Tensor.wrap(y0.shape(), y));
    out.put("iterations", (double) it);
    out.put("residuals", Results.vector(res));
    out.put("converged", conv);
    out.put("reason", reason);
    out.put("evaluations", (double) evals[0]);
    return out;
  }

  private static double[][] grads(FixedPoint.Op fx, FixedPoint.Op fy, double[] x, double[] y, Tensor x0, Tensor y0,
      int[] evals) {
    evals[0]++;
    double[] a = fx.applyShaped(x, x0.shape(), Tensor.wrap(y0.shape(), y.clone()));
    double[] b = fy.applyShaped(x, y0.shape(), Tensor.wrap(y0.shape(), y.clone()));
    return new double[][] {a, b};
  }

  private static double[] grad(FixedPoint.Op fy, double[] x, double[] y, Tensor y0, int[] evals) {
    return fy.applyShaped(x, y0.shape(), Tensor.wrap(y0.shape(), y.clone()));
  }
}
