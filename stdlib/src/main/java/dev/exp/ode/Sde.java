package dev.exp.ode;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ode.euler_maruyama} and {@code ode.langevin}: stochastic integrators vectorised over many
 * paths (the script functions see all paths at once, one row per path).
 */
public final class Sde {
  private Sde() {}

  /** The largest number of stored values (times × paths × dims). */
  static final long MAX_VALUES = 50_000_000L;

  @Kernel(name = "ode.euler_maruyama", doc = "Simulates the Itô SDE dX = drift(t, X) dt + diffusion(t, X) dW from "
      + "X(t0) = y0 over t_span = [t0, t1] with the Euler–Maruyama scheme X ← X + drift·h + diffusion·√h·Z, Z ~ N(0, "
      + "I) (diagonal noise), fixed step dt (the last step shortened to end at t1). paths: none simulates one path "
      + "and the functions see X as a vector [d]; paths: n simulates n independent paths at once and they see X "
      + "as a matrix [n, d] (one row per path; write drift with broadcasting, e.g. (t, x) => -theta * x). drift and "
      + "diffusion return X's shape, or a number (the same value everywhere). seed: the noise stream. Returns {t "
      + "[steps + 1], y [steps + 1, d] (one path) or [steps + 1, n, d], final (X(t1)), nfev}. Example: "
      + "ode.euler_maruyama((t, x) => -x, (t, x) => 0.5, [1], [0, 5], 0.01, paths: 1000, seed: 1).final")
  public static Map<String, Object> eulerMaruyama(@Arg("drift") Fn drift, @Arg("diffusion") Fn diffusion,
      @Arg("y0") Tensor y0, @Arg("t_span") Tensor tSpan, @Arg("dt") double dt,
      @Arg(value = "paths", dflt = "none") Integer paths, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "ode.euler_maruyama";
    double[] span = Rhs.span(tSpan, fn);
    double[] x0 = Rhs.initial(y0, fn);
    int d = x0.length;
    if (paths != null && paths < 1) {
      throw KernelException.of("%s: paths must be >= 1, got %d", fn, paths);
    }
    int np = paths == null ? 1 : paths;
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw KernelException.of("%s: dt must be a positive step, got %s", fn, dt);
    }
    double len = Math.abs(span[1] - span[0]);
    int n = (int) Math.max(1, Math.ceil(len / dt - 1e-9));
    if ((double) (n + 1) * np * d > MAX_VALUES) {
      throw KernelException.of("%s: %d steps × %d paths × %d dims is too many values to keep (at most %d)", fn, n, np, d,
          MAX_VALUES);
    }
    Rng r = rng == null ? new Rng(0) : rng;
    KernelContext ctx = KernelContext.current();
    int[] shape = paths == null ? new int[] {d} : new int[] {np, d};
    int size = np * d;
    double[] x = new double[size];
    for (int p = 0; p < np; p++) {
      System.arraycopy(x0, 0, x, p * d, d);
    }
    double[] ts = new double[n + 1];
    double[] ys = new double[(n + 1) * size];
    ts[0] = span[0];
    System.arraycopy(x, 0, ys, 0, size);
    double h = Math.copySign(dt, span[1] - span[0]);
    double t = span[0];
    for (int s = 0; s < n; s++) {
      ctx.poll();
      double hs = s == n - 1 ? span[1] - t : h;
      double sq = Math.sqrt(Math.abs(hs));
      Tensor xt = Tensor.of(shape, x);
      double[] a = field(ctx.call(drift, t, xt), size, fn, "drift(t, x)", shape);
      double[] b = field(ctx.call(diffusion, t, xt), size, fn, "diffusion(t, x)", shape);
      for (int i = 0; i < size; i++) {
        x[i] += a[i] * hs + b[i] * sq * r.nextGaussian();
      }
      t = s == n - 1 ? span[1] : span[0] + (s + 1) * h;
      ts[s + 1] = t;
      System.arraycopy(x, 0, ys, (s + 1) * size, size);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("t", Tensor.wrap(new int[] {n + 1}, ts));
    out.put("y", Tensor.wrap(paths == null ? new int[] {n + 1, d} : new int[] {n + 1, np, d}, ys));
    out.put("final", Tensor.wrap(shape, x));
    out.put("nfev", (double) n);
    return out;
  }

  @Kernel(name = "ode.langevin", doc = "Samples from a density p by (unadjusted) Langevin dynamics x ← x + h·s(x) + "
      + "√(2h)·Z with s = ∇log p the score function, n_steps steps of size step, from x0 [d] (with paths: n, n "
      + "copies; or x0 [n, d] for given starting points). The score function sees all chains at once, a matrix [n, "
      + "d] (or the vector [d] for one chain) and returns that shape. sigmas (a decreasing vector of noise levels "
      + "σ_1 > … > σ_L) runs annealed Langevin (Song & Ermon 2019): n_steps steps at each level with h_i = step·"
      + "σ_i²/σ_L², calling score(x, σ_i). ULA is biased by O(step): for a Gaussian N(μ, s²) its stationary variance "
      + "is s²/(1 − step/(2s²)). Returns {x (the final samples), steps, step, sigmas}. Example: ode.langevin((x) => "
      + "-x, [0], 0.01, 2000, paths: 500, seed: 2).x")
  public static Map<String, Object> langevin(@Arg("score") Fn score, @Arg("x0") Tensor x0, @Arg("step") double step,
      @Arg("n_steps") int nSteps, @Arg(value = "sigmas", dflt = "none") Tensor sigmas,
      @Arg(value = "paths", dflt = "none") Integer paths, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "ode.langevin";
    if (x0 == null || x0.isComplex() || x0.rank() > 2 || x0.size() == 0) {
      throw KernelException.of("%s: x0 must be a number, a vector [d] or a matrix [n, d], got %s", fn,
          Values.describe(x0));
    }
    if (!(step > 0) || Double.isInfinite(step) || nSteps < 0) {
      throw KernelException.of("%s: need step > 0 and n_steps >= 0, got step = %s, n_steps = %d", fn, step, nSteps);
    }
    int[] shape;
    double[] x;
    if (x0.rank() == 2) {
      if (paths != null && paths != x0.dim(0)) {
        throw KernelException.of("%s: x0 [%d, %d] already gives %d chains, but paths = %d", fn, x0.dim(0), x0.dim(1),
            x0.dim(0), paths);
      }
      shape = x0.shape();
      x = x0.raw().clone();
    } else {
      int d = Math.max(1, x0.size());
      double[] v = x0.raw();
      if (paths == null) {
        shape = new int[] {d};
        x = v.clone();
      } else {
        if (paths < 1) {
          throw KernelException.of("%s: paths must be >= 1, got %d", fn, paths);
        }
        shape = new int[] {paths, d};
        x = new double[paths * d];
        for (int p = 0; p < paths; p++) {
          System.arraycopy(v, 0, x, p * d, d);
        }
      }
    }
    double[] levels = null;
    if (sigmas != null) {
      if (sigmas.isComplex() || sigmas.rank() > 1 || sigmas.size() == 0) {
        throw KernelException.of("%s: sigmas must be a vector of noise levels, got %s", fn, Values.describe(sigmas));
      }
      levels = sigmas.raw().clone();
      for (double s : levels) {
        if (!(s > 0) || Double.isInfinite(s)) {
          throw KernelException.of("%s: noise levels must be positive, got %s", fn, s);
        }
      }
    }
    Rng r = rng == null ? new Rng(0) : rng;
    KernelContext ctx = KernelContext.current();
    int size = x.length;
    int rounds = levels == null ? 1 : levels.length;
    double last = levels == null ? 1 : levels[levels.length - 1];
    for (int l = 0; l < rounds; l++) {
      double h = levels == null ? step : step * levels[l] * levels[l] / (last * last);
      double sq = Math.sqrt(2 * h);
      for (int s = 0; s < nSteps; s++) {
        ctx.poll();
        Tensor xt = Tensor.of(shape, x);
        Object res = levels == null ? ctx.call(score, xt) : ctx.call(score, xt, levels[l]);
        double[] g = field(res, size, fn, levels == null ? "score(x)" : "score(x, sigma)", shape);
        for (int i = 0; i < size; i++) {
          x[i] += h * g[i] + sq * r.nextGaussian();
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(shape, x));
    out.put("steps", (double) nSteps * rounds);
    out.put("step", step);
    out.put("sigmas", levels == null ? null : Tensor.wrap(new int[] {levels.length}, levels));
    return out;
  }

  /** A function result of the state's shape (or a number, broadcast). */
  static double[] field(Object v, int size, String fn, String what, int[] shape) {
    if (v instanceof Number x) {
      double[] a = new double[size];
      java.util.Arrays.fill(a, x.doubleValue());
      return a;
    }
    if (v instanceof Tensor t && !t.isComplex()) {
      if (t.size() == 1) {
        double[] a = new double[size];
        java.util.Arrays.fill(a, t.at(0));
        return a;
      }
      if (t.size() == size) {
        return t.raw();
      }
    }
    throw KernelException.of("%s: %s must return a number or a tensor of the state's shape %s, got %s", fn, what,
        Tensor.shapeString(shape), Values.describe(v));
  }
}
