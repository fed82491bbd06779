package dev.exp.optim;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.Map;

/**
 * A script objective f(x) called back through the kernel context. f returns either a record
 * {@code {value, grad}} (analytic gradient) or a number (then the gradient is taken by central
 * differences, 2n extra calls, counted in {@link #evaluations()}). x is passed as a tensor of the
 * starting point's shape.
 */
final class Objective {
  /** Value and gradient at a point. */
  record Eval(double value, double[] grad) {}

  private final Fn f;
  private final KernelContext ctx;
  private final int[] shape;
  private final String fn;
  private final double fdStep;
  private int evaluations;
  private Boolean numeric;

  Objective(Fn f, KernelContext ctx, int[] shape, String fn, double fdStep) {
    this.f = f;
    this.ctx = ctx == null ? KernelContext.NONE : ctx;
    this.shape = shape;
    this.fn = fn;
    this.fdStep = fdStep;
  }

  Objective(Fn f, KernelContext ctx, int[] shape, String fn) {
    this(f, ctx, shape, fn, 1e-6);
  }

  /** Calls of f so far (finite-difference calls included). */
  int evaluations() {
    return evaluations;
  }

  /** Whether the gradient is by finite differences (known after the first call). */
  boolean numericGradient() {
    return numeric != null && numeric;
  }

  Tensor tensor(double[] x) {
    return Tensor.wrap(shape, x.clone());
  }

  /** f and its gradient at x. */
  Eval eval(double[] x) {
    Object r = raw(x);
    if (r instanceof Map<?, ?> m) {
      numeric = false;
      Object v = m.get("value");
      Object g = m.get("grad");
      if (v == null || g == null) {
        throw KernelException.of("%s: the objective must return a number or a record {value, grad}, got a record "
            + "with fields %s", fn, m.keySet());
      }
      double value = number(v, "value");
      double[] grad = vector(g, x.length, "grad");
      if (evaluations == 1) {
        startsFinite(value, grad);
      }
      return new Eval(value, grad);
    }
    numeric = true;
    double value = number(r, "value");
    if (evaluations == 1) {
      startsFinite(value, null);
    }
    double[] grad = new double[x.length];
    double[] xp = x.clone();
    for (int i = 0; i < x.length; i++) {
      double h = fdStep * Math.max(1, Math.abs(x[i]));
      xp[i] = x[i] + h;
      double fp = value(xp);
      xp[i] = x[i] - h;
      double fm = value(xp);
      xp[i] = x[i];
      grad[i] = (fp - fm) / (2 * h);
    }
    return new Eval(value, grad);
  }

  /**
   * The first evaluation must be finite: a method cannot start from a nan or infinite objective (or
   * gradient), and would otherwise report only that its line search or iteration failed.
   */
  private void startsFinite(double value, double[] grad) {
    if (!Double.isFinite(value)) {
      throw KernelException.of("%s: the objective is %s at the starting point x0; it must be finite there", fn,
          dev.exp.kernel.Numbers.format(value));
    }
    if (grad != null) {
      for (int i = 0; i < grad.length; i++) {
        if (!Double.isFinite(grad[i])) {
          throw KernelException.of("%s: the gradient at the starting point x0 has %s at index %d; it must be finite there",
              fn, dev.exp.kernel.Numbers.format(grad[i]), i);
        }
      }
    }
  }

  /** f(x) only. */
  double value(double[] x) {
    Object r = raw(x);
    if (r instanceof Map<?, ?> m) {
      Object v = m.get("value");
      if (v == null) {
        throw KernelException.of("%s: the objective's record has no field value (fields %s)", fn, m.keySet());
      }
      return number(v, "value");
    }
    return number(r, "value");
  }

  private Object raw(double[] x) {
    evaluations++;
    return ctx.call(f, tensor(x));
  }

  private double number(Object v, String what) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw KernelException.of("%s: the objective's %s must be a number, got %s", fn, what, Values.describe(v));
  }

  private double[] vector(Object v, int n, String what) {
    if (v instanceof Number d && n == 1) {
      return new double[] {d.doubleValue()};
    }
    if (v instanceof Tensor t && !t.isComplex() && t.size() == n) {
      return t.raw().clone();
    }
    throw KernelException.of("%s: the objective's %s must be a tensor of %d values (x's shape %s), got %s", fn, what,
        n, Tensor.shapeString(shape), Values.describe(v));
  }
}
