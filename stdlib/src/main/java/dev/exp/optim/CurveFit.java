package dev.exp.optim;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptCallable;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A fitted curve y = g(x; p̂): a script value with the estimate, its covariance and Student-t
 * intervals as fields; calling it ({@code fit(x)}) predicts, {@code optim.extrapolate} adds bands.
 */
public final class CurveFit implements ScriptCallable {
  final CurveModel model;
  final double[] p;
  final double[] cov;
  final double s2;
  final int dof;
  final double level;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  CurveFit(CurveModel model, LeastSquares.Fit fit, double level, double r2, int evaluations) {
    this.model = model;
    this.p = fit.p().clone();
    this.cov = fit.cov();
    this.s2 = fit.s2();
    this.dof = fit.m() - p.length;
    this.level = level;
    int n = p.length;
    fields.put("model", model.name());
    fields.put("names", new ArrayList<Object>(model.paramNames(n)));
    fields.put("params", Tensor.vector(p.clone()));
    Map<String, Object> byName = new LinkedHashMap<>();
    List<String> names = model.paramNames(n);
    for (int i = 0; i < n; i++) {
      byName.put(names.get(i), p[i]);
    }
    fields.put("values", byName);
    if (cov != null && dof >= 1) {
      double[] se = LeastSquaresKernels.stderr(cov, n);
      double t = tQuantile(level, dof);
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        lo[i] = p[i] - t * se[i];
        hi[i] = p[i] + t * se[i];
      }
      fields.put("stderr", Tensor.vector(se));
      fields.put("lo", Tensor.vector(lo));
      fields.put("hi", Tensor.vector(hi));
      fields.put("cov", Tensor.wrap(new int[] {n, n}, cov.clone()));
    } else {
      // no estimate (as many points as parameters, or JᵀJ singular): inf, as scipy.optimize.curve_fit's pcov
      double[] inf = new double[n];
      java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
      double[] ninf = new double[n];
      java.util.Arrays.fill(ninf, Double.NEGATIVE_INFINITY);
      double[] covInf = new double[n * n];
      java.util.Arrays.fill(covInf, Double.POSITIVE_INFINITY);
      fields.put("stderr", Tensor.vector(inf));
      fields.put("lo", Tensor.vector(ninf));
      fields.put("hi", Tensor.vector(inf.clone()));
      fields.put("cov", Tensor.wrap(new int[] {n, n}, covInf));
    }
    fields.put("level", level);
    fields.put("dof", (double) dof);
    fields.put("residual_std", Math.sqrt(s2));
    fields.put("r2", r2);
    fields.put("cost", fit.cost());
    fields.put("iterations", (double) fit.iterations());
    fields.put("evaluations", (double) evaluations);
    fields.put("converged", fit.converged());
    fields.put("message", fit.message());
  }

  static double tQuantile(double level, int dof) {
    if (dof < 1) {
      return Double.NaN;
    }
    return new TDistribution(dof).inverseCumulativeProbability(0.5 + level / 2);
  }

  /** Predictions with confidence (or prediction) bands at xs. */
  Map<String, Object> extrapolate(double[] xs, int[] shape, double lvl, boolean prediction) {
    double[] y = model.predict(xs, p);
    double[] lo = new double[xs.length];
    double[] hi = new double[xs.length];
    double[] se = new double[xs.length];
    int n = p.length;
    if (cov == null || dof < 1) {
      throw KernelException.of("optim.extrapolate: the fit has no covariance (%s), so no bands",
          dof < 1 ? "as many data points as parameters: no degrees of freedom" : "JᵀJ is singular");
    }
    double[] g = model.gradient(xs, p);
    double t = tQuantile(lvl, dof);
    for (int i = 0; i < xs.length; i++) {
      double v = 0;
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          v += g[i * n + a] * cov[a * n + b] * g[i * n + b];
        }
      }
      if (prediction) {
        v += s2;
      }
      se[i] = Math.sqrt(Math.max(v, 0));
      lo[i] = y[i] - t * se[i];
      hi[i] = y[i] + t * se[i];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", Tensor.wrap(shape, xs.clone()));
    r.put("y", Tensor.wrap(shape, y));
    r.put("lo", Tensor.wrap(shape, lo));
    r.put("hi", Tensor.wrap(shape, hi));
    r.put("stderr", Tensor.wrap(shape, se));
    return r;
  }

  @Override
  public Object call(Object... args) {
    if (args.length != 1) {
      throw KernelException.of("a curve fit takes one argument: %s", callSignature());
    }
    Object a = args[0];
    if (a instanceof Number d) {
      return model.predict(new double[] {d.doubleValue()}, p)[0];
    }
    if (a instanceof Tensor t && !t.isComplex()) {
      return Tensor.wrap(t.shape(), model.predict(t.raw().clone(), p));
    }
    throw KernelException.of("a curve fit predicts at a number or a tensor x, got %s", Values.describe(a));
  }

  @Override
  public String callSignature() {
    return "fit(x)";
  }

  @Override
  public String typeName() {
    return "curve_fit";
  }

  @Override
  public List<String> fieldNames() {
    return new ArrayList<>(fields.keySet());
  }

  @Override
  public Object field(String name) {
    return fields.get(name);
  }

  @Override
  public String summary() {
    StringBuilder b = new StringBuilder("<curve_fit ").append(model.name()).append(':');
    List<String> names = model.paramNames(p.length);
    double[] se = cov == null ? null : LeastSquaresKernels.stderr(cov, p.length);
    for (int i = 0; i < p.length; i++) {
      b.append(' ').append(names.get(i)).append(' ').append(String.format(java.util.Locale.ROOT, "%.6g", p[i]));
      if (se != null) {
        b.append(" ± ").append(String.format(java.util.Locale.ROOT, "%.2g", se[i]));
      }
      b.append(i + 1 < p.length ? "," : "");
    }
    return b.append('>').toString();
  }
}
