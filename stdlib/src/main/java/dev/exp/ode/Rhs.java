package dev.exp.ode;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.List;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * A script right-hand side f(t, y) of an ODE system y' = f(t, y): called through the kernel context
 * (so limits stop it), with y as a vector [d]; it may return a vector [d], a list of d numbers or,
 * when d = 1, a number. Counts its evaluations.
 */
final class Rhs implements OrdinaryDifferentialEquation {
  private final Fn f;
  private final int dim;
  private final KernelContext ctx;
  private final String fn;
  int evaluations;

  Rhs(Fn f, int dim, KernelContext ctx, String fn) {
    this.f = f;
    this.dim = dim;
    this.ctx = ctx;
    this.fn = fn;
  }

  @Override
  public int getDimension() {
    return dim;
  }

  @Override
  public double[] computeDerivatives(double t, double[] y) {
    evaluations++;
    if ((evaluations & 63) == 0) {
      ctx.poll();
    }
    Object r = ctx.call(f, t, Tensor.of(new int[] {dim}, y));
    return vector(r, dim, fn, "f(t, y)");
  }

  /** A function result as a vector of {@code dim} values; errors name the function and shapes. */
  static double[] vector(Object r, int dim, String fn, String what) {
    if (r instanceof Number x && dim == 1) {
      return new double[] {x.doubleValue()};
    }
    if (r instanceof Tensor t && !t.isComplex() && t.size() == dim && t.rank() <= 1) {
      return t.raw().clone();
    }
    if (r instanceof List<?> l && l.size() == dim) {
      double[] v = new double[dim];
      for (int i = 0; i < dim; i++) {
        if (!(l.get(i) instanceof Number x)) {
          throw KernelException.of("%s: %s must return %d numbers, got %s", fn, what, dim, Values.describe(r));
        }
        v[i] = x.doubleValue();
      }
      return v;
    }
    throw KernelException.of("%s: %s must return a vector of %d values (the size of y0), got %s", fn, what, dim,
        Values.describe(r));
  }

  /** y0 as a vector: a number or a real vector. */
  static double[] initial(Tensor y0, String fn) {
    if (y0 == null || y0.isComplex() || y0.rank() > 1 || y0.size() == 0) {
      throw KernelException.of("%s: y0 must be a number or a non-empty real vector, got %s", fn, Values.describe(y0));
    }
    return y0.raw().clone();
  }

  /** [t0, t1] from a pair of distinct finite numbers. */
  static double[] span(Tensor span, String fn) {
    if (span == null || span.isComplex() || span.size() != 2 || span.rank() != 1) {
      throw KernelException.of("%s: t_span must be a pair [t0, t1], got %s", fn, Values.describe(span));
    }
    double t0 = span.at(0);
    double t1 = span.at(1);
    if (!Double.isFinite(t0) || !Double.isFinite(t1) || t0 == t1) {
      throw KernelException.of("%s: t_span must be two distinct finite times, got [%s, %s]", fn, t0, t1);
    }
    return new double[] {t0, t1};
  }
}
