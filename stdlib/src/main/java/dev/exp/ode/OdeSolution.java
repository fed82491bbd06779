package dev.exp.ode;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.kernel.ScriptCallable;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.List;
import org.hipparchus.ode.DenseOutputModel;

/**
 * The dense output of an adaptive ODE solve: {@code sol(t)} gives y(t) [d] anywhere in t_span by the
 * integrator's continuous extension (Dormand–Prince interpolants of the accepted steps); {@code sol(ts)}
 * with a vector of times gives [len(ts), d].
 */
final class OdeSolution implements ScriptCallable {
  private final DenseOutputModel model;
  private final int dim;
  private final String method;

  OdeSolution(DenseOutputModel model, int dim, String method) {
    this.model = model;
    this.dim = dim;
    this.method = method;
  }

  @Override
  public String typeName() {
    return "ode_solution";
  }

  @Override
  public List<String> fieldNames() {
    return List.of("t_min", "t_max", "dims", "method");
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "t_min" -> Math.min(model.getInitialTime(), model.getFinalTime());
      case "t_max" -> Math.max(model.getInitialTime(), model.getFinalTime());
      case "dims" -> (double) dim;
      case "method" -> method;
      default -> null;
    };
  }

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT, "<ode_solution %s: %d dims on [%s, %s]>", method, dim,
        Numbers.format(model.getInitialTime()), Numbers.format(model.getFinalTime()));
  }

  @Override
  public String callSignature() {
    return "sol(t)";
  }

  @Override
  public Object call(Object... args) {
    if (args.length != 1) {
      throw KernelException.of("sol(t): takes one argument (a time or a vector of times), got %d", args.length);
    }
    Object a = args[0];
    if (a instanceof Number x) {
      return Tensor.wrap(new int[] {dim}, at(x.doubleValue()));
    }
    if (a instanceof Tensor t && !t.isComplex() && t.rank() <= 1) {
      double[] ts = t.raw();
      if (t.rank() == 0) {
        return Tensor.wrap(new int[] {dim}, at(ts[0]));
      }
      double[] out = new double[ts.length * dim];
      for (int k = 0; k < ts.length; k++) {
        System.arraycopy(at(ts[k]), 0, out, k * dim, dim);
      }
      return Tensor.wrap(new int[] {ts.length, dim}, out);
    }
    throw KernelException.of("sol(t): t must be a number or a vector of times, got %s", Values.describe(a));
  }

  double[] at(double t) {
    double lo = Math.min(model.getInitialTime(), model.getFinalTime());
    double hi = Math.max(model.getInitialTime(), model.getFinalTime());
    double slack = 1e-12 * Math.max(1, Math.abs(hi - lo));
    if (!(t >= lo - slack && t <= hi + slack)) {
      throw KernelException.of("sol(t): t = %s is outside the solved interval [%s, %s]", t, lo, hi);
    }
    return model.getInterpolatedState(Math.max(lo, Math.min(hi, t))).getPrimaryState().clone();
  }
}
