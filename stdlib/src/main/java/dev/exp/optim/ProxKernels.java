package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/** Proximal operators prox_{λg}(v) = argmin_x λg(x) + ½‖x − v‖² and thresholding. */
public final class ProxKernels {
  private ProxKernels() {}

  @Kernel(name = "optim.soft_threshold", doc = "Soft thresholding sign(x)·max(|x| − t, 0) element-wise (the prox of "
      + "t‖·‖₁). t is a number or a tensor broadcast to x. Example: optim.soft_threshold([3, -0.5, -2], 1) is [2, 0, -1]")
  public static Tensor softThreshold(@Arg("x") Tensor x, @Arg("t") Tensor t) {
    real(x, "optim.soft_threshold");
    checkNonNegative(t, "optim.soft_threshold", "t");
    return Tensor.zip(x, t, (v, s) -> Math.signum(v) * Math.max(Math.abs(v) - s, 0));
  }

  @Kernel(name = "optim.hard_threshold", doc = "Hard thresholding: keeps the entries with |x| > t and zeroes the rest; "
      + "with k instead of t keeps the k entries of largest magnitude (iterative hard thresholding's H_k; ties by "
      + "lower index). Give exactly one of t and k. Example: optim.hard_threshold([3, -0.5, -2], k: 2) is [3, 0, -2]")
  public static Tensor hardThreshold(@Arg("x") Tensor x, @Arg(value = "t", dflt = "none") Double t,
      @Arg(value = "k", dflt = "none") Integer k) {
    String fn = "optim.hard_threshold";
    real(x, fn);
    if ((t == null) == (k == null)) {
      throw KernelException.of("%s: give exactly one of t (a threshold) and k (how many entries to keep)", fn);
    }
    double[] v = x.raw();
    double[] out = new double[v.length];
    if (t != null) {
      for (int i = 0; i < v.length; i++) {
        out[i] = Math.abs(v[i]) > t ? v[i] : 0;
      }
    } else {
      if (k < 0 || k > v.length) {
        throw KernelException.of("%s: k must be in [0, %d], got %d", fn, v.length, k);
      }
      Integer[] idx = new Integer[v.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Double.compare(Math.abs(v[b]), Math.abs(v[a])));
      for (int i = 0; i < k; i++) {
        out[idx[i]] = v[idx[i]];
      }
    }
    return Tensor.wrap(x.shape(), out);
  }

  @Kernel(name = "optim.prox_l1", doc = "The prox of lam·‖x‖₁: soft thresholding at lam. Example: "
      + "optim.prox_l1([3, -0.5], 1) is [2, 0]")
  public static Tensor proxL1(@Arg("x") Tensor x, @Arg("lam") Tensor lam) {
    return softThreshold(x, lam);
  }

  @Kernel(name = "optim.prox_l2", doc = "The prox of lam·‖x‖₂ (the norm, not its square): block soft thresholding "
      + "x·max(0, 1 − lam/‖x‖₂), 0 when ‖x‖₂ ≤ lam. Example: optim.prox_l2([3, 4], 1) is [2.4, 3.2]")
  public static Tensor proxL2(@Arg("x") Tensor x, @Arg("lam") double lam) {
    real(x, "optim.prox_l2");
    nonNegative(lam, "optim.prox_l2", "lam");
    double[] v = x.raw();
    double s = shrink(Vec.norm(v), lam);
    double[] out = v.clone();
    Vec.scale(s, out);
    return Tensor.wrap(x.shape(), out);
  }

  @Kernel(name = "optim.prox_group", doc = "The prox of the group-lasso penalty lam·Σ_g ‖x_g‖₂: block soft "
      + "thresholding of each group, where groups gives an integer group label per entry of x (same length). "
      + "Example: optim.prox_group([3, 4, 0.1], [0, 0, 1], 1) is [2.4, 3.2, 0]")
  public static Tensor proxGroup(@Arg("x") Tensor x, @Arg("groups") Tensor groups, @Arg("lam") double lam) {
    String fn = "optim.prox_group";
    real(x, fn);
    nonNegative(lam, fn, "lam");
    if (groups.size() != x.size()) {
      throw KernelException.of("%s: groups needs one label per entry of x (%d), got %d", fn, x.size(), groups.size());
    }
    double[] v = x.raw();
    double[] gl = groups.raw();
    Map<Double, Double> norms = new HashMap<>();
    for (int i = 0; i < v.length; i++) {
      if (gl[i] != Math.rint(gl[i])) {
        throw KernelException.of("%s: group labels must be integers, got %s at %d", fn, gl[i], i);
      }
      norms.merge(gl[i], v[i] * v[i], Double::sum);
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * shrink(Math.sqrt(norms.get(gl[i])), lam);
    }
    return Tensor.wrap(x.shape(), out);
  }

  @Kernel(name = "optim.prox_nuclear", doc = "The prox of lam·‖X‖_* (nuclear norm) of a matrix: singular value "
      + "soft thresholding U·diag(max(σ − lam, 0))·Vᵀ. Example: optim.prox_nuclear(diag([3, 1]), 2) is diag([1, 0])")
  public static Tensor proxNuclear(@Arg("x") Tensor x, @Arg("lam") double lam) {
    String fn = "optim.prox_nuclear";
    real(x, fn);
    nonNegative(lam, fn, "lam");
    if (x.rank() != 2) {
      throw KernelException.of("%s: needs a matrix, got shape %s", fn, Tensor.shapeString(x.shape()));
    }
    RealMatrix a = new Array2DRowRealMatrix(x.toMatrix(), false);
    SingularValueDecomposition svd = new SingularValueDecomposition(a);
    double[] s = svd.getSingularValues();
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.max(s[i] - lam, 0);
    }
    RealMatrix r = svd.getU().multiply(new org.hipparchus.linear.DiagonalMatrix(s)).multiply(svd.getVT());
    return Tensor.matrix(r.getData());
  }

  static double shrink(double norm, double lam) {
    return norm <= lam ? 0 : 1 - lam / norm;
  }

  static void real(Tensor x, String fn) {
    if (x.isComplex()) {
      throw KernelException.of("%s: needs a real tensor", fn);
    }
  }

  static void nonNegative(double v, String fn, String p) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number >= 0, got %s", fn, p, v);
    }
  }

  private static void checkNonNegative(Tensor t, String fn, String p) {
    for (double v : t.raw()) {
      nonNegative(v, fn, p);
    }
  }
}
