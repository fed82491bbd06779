package dev.exp.learn.conformal;

import dev.exp.kernel.KernelException;
import dev.exp.learn.FittedModel;
import dev.exp.learn.Model;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conformal regressor: split conformal around one model ([ŷ − q̂, ŷ + q̂]) or conformalized quantile
 * regression around a lower and an upper model ([lo − q̂, hi + q̂]). predict gives the centre (the base
 * prediction, or the midpoint for CQR); {@link #intervals} the [n, 2] intervals.
 */
public final class ConformalRegressor extends FittedModel {
  private final Model center;
  private final Model lower;
  private final Model upper;
  private final double q;

  ConformalRegressor(String kind, Model center, Model lower, Model upper, double q, double alpha, int nCal) {
    super(kind, Task.REGRESSION, params(q), settings(alpha, nCal, center, lower, upper));
    this.center = center;
    this.lower = lower;
    this.upper = upper;
    this.q = q;
  }

  private static Map<String, Object> params(double q) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("quantile", q);
    return p;
  }

  private static Map<String, Object> settings(double alpha, int n, Model c, Model lo, Model hi) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    s.put("n_calibration", (double) n);
    if (c != null) {
      s.put("model", c);
    } else {
      s.put("lower_model", lo);
      s.put("upper_model", hi);
    }
    return s;
  }

  /** [n, 2] intervals (lower, upper). */
  public Tensor intervals(Tensor x) {
    double[] lo;
    double[] hi;
    if (center != null) {
      lo = vector(center.predict(x));
      hi = lo.clone();
    } else {
      lo = vector(lower.predict(x));
      hi = vector(upper.predict(x));
    }
    int n = lo.length;
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = lo[i] - q;
      out[2 * i + 1] = hi[i] + q;
    }
    return Tensor.wrap(new int[] {n, 2}, out);
  }

  static double[] vector(Tensor p) {
    if (p.rank() != 1) {
      throw KernelException.of("conformal intervals need a model with one output per sample, got predictions of shape %s",
          Tensor.shapeString(p.shape()));
    }
    return p.raw();
  }

  @Override
  public Tensor predict(Tensor x) {
    if (center != null) {
      return center.predict(x);
    }
    double[] iv = intervals(x).raw();
    double[] mid = new double[iv.length / 2];
    for (int i = 0; i < mid.length; i++) {
      mid[i] = 0.5 * (iv[2 * i] + iv[2 * i + 1]);
    }
    return Tensor.vector(mid);
  }

  @Override
  protected String describe() {
    return "level " + num(1 - (Double) settings().get("alpha")) + ", quantile " + num(q) + ", "
        + count((int) (double) (Double) settings().get("n_calibration"), "calibration sample");
  }
}
