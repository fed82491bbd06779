package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** Euclidean projections onto simple convex sets. */
public final class ProjectionKernels {
  private ProjectionKernels() {}

  @Kernel(name = "optim.project_box", doc = "Projection onto the box lower ≤ x ≤ upper (element-wise clipping; "
      + "bounds are numbers or tensors broadcast to x; none means unbounded on that side). Example: "
      + "optim.project_box([-2, 0.5, 3], 0, 1) is [0, 0.5, 1]")
  public static Tensor projectBox(@Arg("x") Tensor x, @Arg(value = "lower", dflt = "none") Tensor lower,
      @Arg(value = "upper", dflt = "none") Tensor upper) {
    ProxKernels.real(x, "optim.project_box");
    Tensor r = x;
    if (lower != null) {
      r = Tensor.zip(r, lower, Math::max);
    }
    if (upper != null) {
      r = Tensor.zip(r, upper, Math::min);
    }
    if (lower != null && upper != null) {
      Tensor bad = Tensor.zip(lower, upper, (a, b) -> a > b ? 1 : 0);
      for (double v : bad.raw()) {
        if (v != 0) {
          throw KernelException.of("optim.project_box: lower is above upper somewhere (the box is empty)");
        }
      }
    }
    return r == x ? x.copy() : r;
  }

  @Kernel(name = "optim.project_simplex", doc = "Projection onto the simplex {x ≥ 0, Σx = radius} by the sort-based "
      + "algorithm (O(n log n); Held, Wolfe & Crowder; Duchi et al. 2008): x − θ clipped at 0 with θ chosen so the "
      + "sum is radius. Default radius 1. Example: optim.project_simplex([0.5, 0.5, 1]) is [0.1667, 0.1667, 0.6667]")
  public static Tensor projectSimplex(@Arg("x") Tensor x, @Arg(value = "radius", dflt = "1") double radius) {
    String fn = "optim.project_simplex";
    ProxKernels.real(x, fn);
    if (!(radius > 0) || Double.isInfinite(radius) || x.size() == 0) {
      throw KernelException.of("%s: needs a non-empty x and a finite radius > 0, got radius %s", fn, radius);
    }
    return Tensor.wrap(x.shape(), simplex(x.raw(), radius));
  }

  @Kernel(name = "optim.project_l1_ball", doc = "Projection onto the ℓ1 ball {‖x‖₁ ≤ radius}: x itself inside, "
      + "else sign(x)·(simplex projection of |x|). Default radius 1. Example: optim.project_l1_ball([2, -2], "
      + "radius: 2) is [1, -1]")
  public static Tensor projectL1Ball(@Arg("x") Tensor x, @Arg(value = "radius", dflt = "1") double radius) {
    String fn = "optim.project_l1_ball";
    ProxKernels.real(x, fn);
    if (!(radius > 0) || Double.isInfinite(radius)) {
      throw KernelException.of("%s: radius must be a finite number > 0, got %s", fn, radius);
    }
    double[] v = x.raw();
    double s = 0;
    for (double a : v) {
      s += Math.abs(a);
    }
    if (s <= radius) {
      return x.copy();
    }
    double[] abs = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      abs[i] = Math.abs(v[i]);
    }
    double[] p = simplex(abs, radius);
    for (int i = 0; i < v.length; i++) {
      p[i] *= Math.signum(v[i]);
    }
    return Tensor.wrap(x.shape(), p);
  }

  @Kernel(name = "optim.project_l2_ball", doc = "Projection onto the ℓ2 ball {‖x − center‖₂ ≤ radius}: center + "
      + "(x − center)·min(1, radius/‖x − center‖). Defaults radius 1, center 0. Example: optim.project_l2_ball([3, "
      + "4]) is [0.6, 0.8]")
  public static Tensor projectL2Ball(@Arg("x") Tensor x, @Arg(value = "radius", dflt = "1") double radius,
      @Arg(value = "center", dflt = "none") Tensor center) {
    String fn = "optim.project_l2_ball";
    ProxKernels.real(x, fn);
    if (!(radius >= 0) || Double.isInfinite(radius)) {
      throw KernelException.of("%s: radius must be a finite number >= 0, got %s", fn, radius);
    }
    double[] v = x.raw().clone();
    double[] c = center == null ? new double[v.length] : center.broadcastTo(x.shape()).raw();
    double[] d = Vec.minus(v, c);
    double nrm = Vec.norm(d);
    double s = nrm <= radius ? 1 : radius / nrm;
    for (int i = 0; i < v.length; i++) {
      v[i] = c[i] + s * d[i];
    }
    return Tensor.wrap(x.shape(), v);
  }

  static double[] simplex(double[] v, double z) {
    int n = v.length;
    double[] u = v.clone();
    java.util.Arrays.sort(u);
    double css = 0;
    double theta = 0;
    for (int j = 0; j < n; j++) {
      double uj = u[n - 1 - j];
      css += uj;
      double t = (css - z) / (j + 1);
      if (uj - t > 0) {
        theta = t;
      }
    }
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.max(v[i] - theta, 0);
    }
    return p;
  }
}
