package dev.exp.ode;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.DenseOutputModel;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/** {@code ode.rk4} and {@code ode.solve_ivp}: initial value problems y' = f(t, y) with a script f. */
public final class OdeKernels {
  private OdeKernels() {}

  @Kernel(name = "ode.rk4", doc = "Integrates y' = f(t, y), y(t0) = y0 over t_span = [t0, t1] with the classical "
      + "fourth-order Runge–Kutta method and the fixed step dt (the last step is shortened to end at t1; t1 < t0 "
      + "integrates backwards). f(t, y) gets the time and y as a vector [d] and returns a vector [d] (or a number "
      + "when d = 1). Global error O(dt⁴). Returns {t [steps + 1], y [steps + 1, d], nfev (4 per step)}. Example: "
      + "ode.rk4((t, y) => -y, [0, 1], [1], 0.01).y[-1] is close to exp(-1)")
  public static Map<String, Object> rk4(@Arg("f") Fn f, @Arg("t_span") Tensor tSpan, @Arg("y0") Tensor y0,
      @Arg("dt") double dt) {
    String fn = "ode.rk4";
    double[] span = Rhs.span(tSpan, fn);
    double[] y = Rhs.initial(y0, fn);
    int d = y.length;
    double len = Math.abs(span[1] - span[0]);
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw KernelException.of("%s: dt must be a positive step, got %s", fn, dt);
    }
    double steps = Math.ceil(len / dt - 1e-9);
    if (steps > 50_000_000) {
      throw KernelException.of("%s: dt = %s needs %.0f steps over t_span of length %s (at most 5e7)", fn, dt, steps,
          len);
    }
    int n = (int) Math.max(1, steps);
    Rhs rhs = new Rhs(f, d, KernelContext.current(), fn);
    double h = Math.copySign(dt, span[1] - span[0]);
    double[] ts = new double[n + 1];
    double[] ys = new double[(n + 1) * d];
    ts[0] = span[0];
    System.arraycopy(y, 0, ys, 0, d);
    double[] tmp = new double[d];
    double t = span[0];
    for (int s = 0; s < n; s++) {
      double hs = s == n - 1 ? span[1] - t : h;
      double[] k1 = rhs.computeDerivatives(t, y);
      for (int i = 0; i < d; i++) {
        tmp[i] = y[i] + 0.5 * hs * k1[i];
      }
      double[] k2 = rhs.computeDerivatives(t + 0.5 * hs, tmp);
      for (int i = 0; i < d; i++) {
        tmp[i] = y[i] + 0.5 * hs * k2[i];
      }
      double[] k3 = rhs.computeDerivatives(t + 0.5 * hs, tmp);
      for (int i = 0; i < d; i++) {
        tmp[i] = y[i] + hs * k3[i];
      }
      double[] k4 = rhs.computeDerivatives(t + hs, tmp);
      for (int i = 0; i < d; i++) {
        y[i] += hs / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
      t = s == n - 1 ? span[1] : span[0] + (s + 1) * h;
      ts[s + 1] = t;
      System.arraycopy(y, 0, ys, (s + 1) * d, d);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("t", Tensor.wrap(new int[] {n + 1}, ts));
    r.put("y", Tensor.wrap(new int[] {n + 1, d}, ys));
    r.put("nfev", (double) rhs.evaluations);
    return r;
  }

  @Kernel(name = "ode.solve_ivp", doc = "Solves the initial value problem y' = f(t, y), y(t0) = y0 over t_span = "
      + "[t0, t1], like scipy.integrate.solve_ivp. method: \"RK45\" (default; Dormand–Prince 5(4), Hipparchus), "
      + "\"DOP853\" (Dormand–Prince 8(5,3)) or \"RK4\" (fixed step dt, see ode.rk4). Adaptive steps keep the local "
      + "error below atol + rtol·|y| per component (defaults rtol 1e-3, atol 1e-6, SciPy's); max_step bounds the "
      + "step (default: the span). f(t, y) gets y as a vector [d] and returns a vector [d] (a number when d = 1). "
      + "t_eval: times (inside t_span, in the direction of integration) at which to report the solution, by the "
      + "method's dense interpolant; none reports every accepted step. dense_output: true adds sol, a callable "
      + "value: sol(t) is y(t) [d] anywhere in t_span, sol(ts) is [len(ts), d]. Returns {t, y [len(t), d], nfev, "
      + "status (\"success\" or \"failed\"), success, message, sol (or none)}; a failed solve (step size underflow, "
      + "more than max_evals evaluations) keeps the states reached. Example: ode.solve_ivp((t, y) => -0.5 * y, "
      + "[0, 10], [2, 4, 8], rtol: 1e-8).y[-1]")
  public static Map<String, Object> solveIvp(@Arg("f") Fn f, @Arg("t_span") Tensor tSpan, @Arg("y0") Tensor y0,
      @Arg(value = "method", dflt = "\"RK45\"") String method, @Arg(value = "rtol", dflt = "1e-3") double rtol,
      @Arg(value = "atol", dflt = "1e-6") double atol, @Arg(value = "t_eval", dflt = "none") Tensor tEval,
      @Arg(value = "dense_output", dflt = "false") boolean dense, @Arg(value = "max_step", dflt = "none") Double maxStep,
      @Arg(value = "dt", dflt = "none") Double dt, @Arg(value = "max_evals", dflt = "1000000") int maxEvals) {
    String fn = "ode.solve_ivp";
    double[] span = Rhs.span(tSpan, fn);
    double[] y = Rhs.initial(y0, fn);
    int d = y.length;
    String m = method == null ? "RK45" : method.toUpperCase(java.util.Locale.ROOT);
    double[] evalTimes = tEval == null ? null : times(tEval, span, fn);
    if (m.equals("RK4")) {
      if (dt == null) {
        throw KernelException.of("%s: method \"RK4\" takes a fixed step: pass dt", fn);
      }
      if (dense || evalTimes != null) {
        throw KernelException.of("%s: method \"RK4\" has no dense output or t_eval; use RK45 or DOP853", fn);
      }
      Map<String, Object> r = rk4(f, tSpan, y0, dt);
      r.put("status", "success");
      r.put("success", true);
      r.put("message", "The solver successfully reached the end of the integration interval.");
      r.put("sol", null);
      return r;
    }
    if (!(rtol > 0) || !(atol >= 0)) {
      throw KernelException.of("%s: need rtol > 0 and atol >= 0, got rtol = %s, atol = %s", fn, rtol, atol);
    }
    double len = Math.abs(span[1] - span[0]);
    double hmax = maxStep == null ? len : maxStep;
    if (!(hmax > 0)) {
      throw KernelException.of("%s: max_step must be positive, got %s", fn, maxStep);
    }
    ODEIntegrator integ = switch (m) {
      case "RK45" -> new DormandPrince54Integrator(0, hmax, atol, rtol);
      case "DOP853" -> new DormandPrince853Integrator(0, hmax, atol, rtol);
      default -> throw KernelException.of("%s: method must be \"RK45\", \"DOP853\" or \"RK4\", got \"%s\"", fn, method);
    };
    integ.setMaxEvaluations(maxEvals);
    Rhs rhs = new Rhs(f, d, KernelContext.current(), fn);
    List<double[]> states = new ArrayList<>();
    List<Double> stepTimes = new ArrayList<>();
    DenseOutputModel model = dense ? new DenseOutputModel() : null;
    double[] evalOut = evalTimes == null ? null : new double[evalTimes.length * d];
    int[] nextEval = {0};
    stepTimes.add(span[0]);
    states.add(y.clone());
    integ.addStepHandler(new ODEStepHandler() {
      @Override
      public void handleStep(ODEStateInterpolator it) {
        double tc = it.getCurrentState().getTime();
        stepTimes.add(tc);
        states.add(it.getCurrentState().getPrimaryState().clone());
        if (evalOut != null) {
          double dir = Math.signum(span[1] - span[0]);
          while (nextEval[0] < evalTimes.length && dir * (evalTimes[nextEval[0]] - tc) <= 0) {
            double te = evalTimes[nextEval[0]];
            double[] ye = it.getInterpolatedState(te).getPrimaryState();
            System.arraycopy(ye, 0, evalOut, nextEval[0] * d, d);
            nextEval[0]++;
          }
        }
      }
    });
    if (model != null) {
      integ.addStepHandler(model);
    }
    String status = "success";
    String message = "The solver successfully reached the end of the integration interval.";
    try {
      if (evalOut != null) {
        // times equal to t0 are answered by the initial state
        while (nextEval[0] < evalTimes.length && evalTimes[nextEval[0]] == span[0]) {
          System.arraycopy(y, 0, evalOut, nextEval[0] * d, d);
          nextEval[0]++;
        }
      }
      integ.integrate(rhs, new ODEState(span[0], y), span[1]);
    } catch (MathIllegalArgumentException | MathIllegalStateException e) {
      status = "failed";
      message = "The solver stopped at t = " + Numbers.format(stepTimes.get(stepTimes.size() - 1)) + ": "
          + solverMessage(e);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    if (evalOut != null) {
      int k = nextEval[0];
      r.put("t", Tensor.wrap(new int[] {k}, java.util.Arrays.copyOf(evalTimes, k)));
      r.put("y", Tensor.wrap(new int[] {k, d}, java.util.Arrays.copyOf(evalOut, k * d)));
    } else {
      int k = stepTimes.size();
      double[] ts = new double[k];
      double[] ys = new double[k * d];
      for (int i = 0; i < k; i++) {
        ts[i] = stepTimes.get(i);
        System.arraycopy(states.get(i), 0, ys, i * d, d);
      }
      r.put("t", Tensor.wrap(new int[] {k}, ts));
      r.put("y", Tensor.wrap(new int[] {k, d}, ys));
    }
    r.put("nfev", (double) rhs.evaluations);
    r.put("status", status);
    r.put("success", status.equals("success"));
    r.put("message", message);
    r.put("sol", model != null && status.equals("success") ? new OdeSolution(model, d, m) : null);
    return r;
  }

  private static double[] times(Tensor t, double[] span, String fn) {
    if (t.isComplex() || t.rank() > 1) {
      throw KernelException.of("%s: t_eval must be a vector of times, got %s", fn, Values.describe(t));
    }
    double[] v = t.raw().clone();
    double dir = Math.signum(span[1] - span[0]);
    double lo = Math.min(span[0], span[1]);
    double hi = Math.max(span[0], span[1]);
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= lo && v[i] <= hi)) {
        throw KernelException.of("%s: t_eval[%d] = %s is outside t_span [%s, %s]", fn, i, v[i], span[0], span[1]);
      }
      if (i > 0 && dir * (v[i] - v[i - 1]) < 0) {
        throw KernelException.of("%s: t_eval must be sorted in the direction of integration (t_eval[%d] = %s after "
            + "%s)", fn, i, v[i], v[i - 1]);
      }
    }
    return v;
  }

  /**
   * Hipparchus's message for a failed integration with its numbers as Exp prints them (1e-15, not
   * 1.0E-15); "nan appears during integration near time NaN" loses the meaningless time.
   */
  public static String solverMessage(org.hipparchus.exception.MathRuntimeException e) {
    Object[] parts = e.getParts() == null ? new Object[0] : e.getParts().clone();
    if (e.getSpecifier() == org.hipparchus.ode.LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION) {
      return parts.length > 0 && parts[0] instanceof Double t && !t.isNaN()
          ? "nan appears during integration near t = " + Numbers.format(t)
          : "nan appears during integration";
    }
    if (e.getSpecifier() == org.hipparchus.exception.LocalizedCoreFormats.MAX_COUNT_EXCEEDED && parts.length > 0) {
      return "max_evals reached: " + parts[0] + " evaluations of f";
    }
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] instanceof Number n) {   // as Exp prints numbers: 1e-15, 1000 (not 1.0E-15, 1,000)
        parts[i] = Numbers.format(n.doubleValue());
      }
    }
    try {
      // the numbers are text now: drop the patterns' number formats ({1,number,0.00E00} -> {1})
      String pattern = e.getSpecifier().getSourceString().replaceAll("\\{(\\d+),number[^}]*\\}", "{$1}");
      return new java.text.MessageFormat(pattern, java.util.Locale.US).format(parts);
    } catch (IllegalArgumentException bad) {
      return e.getMessage();
    }
  }
}
