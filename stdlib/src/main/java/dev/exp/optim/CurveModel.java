package dev.exp.optim;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.List;

/**
 * A model y = g(x; p) for curve fitting: a named closed form with its analytic parameter gradient,
 * or a script function model(x, p) returning the predictions at every x (gradient by central
 * differences).
 */
abstract class CurveModel {
  /** Name shown in the fit ("power_law_offset", "exponential", "saturating", "function"). */
  abstract String name();

  /** Parameter names (p0, p1, ... for a function). */
  abstract List<String> paramNames(int n);

  /** Predictions at xs. */
  abstract double[] predict(double[] xs, double[] p);

  /** ∂g/∂p at every x: m×n row-major. */
  double[] gradient(double[] xs, double[] p) {
    return LeastSquares.centralJacobian(q -> predict(xs, q), p, xs.length);
  }

  /** A starting point from the data (named models only). */
  double[] guess(double[] xs, double[] ys) {
    throw KernelException.of("optim.curve_fit: a model function needs p0 (the starting parameters)");
  }

  static CurveModel named(String name) {
    return switch (name) {
      case "power_law_offset" -> new PowerLawOffset();
      case "exponential" -> new Exponential();
      case "saturating" -> new Saturating();
      default -> throw KernelException.of("optim.curve_fit: unknown model \"%s\" (power_law_offset: E + A·x^−alpha, "
          + "exponential: a·exp(−b·x) + c, saturating: a·(1 − exp(−x/b)), or a function model(x, p))", name);
    };
  }

  static CurveModel function(Fn f) {
    return new CurveModel() {
      @Override
      String name() {
        return "function";
      }

      @Override
      List<String> paramNames(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
          s[i] = "p" + i;
        }
        return List.of(s);
      }

      @Override
      double[] predict(double[] xs, double[] p) {
        Object r = KernelContext.current().call(f, Tensor.wrap(new int[] {xs.length}, xs.clone()), Tensor.wrap(new int[] {p.length},
            p.clone()));
        double[] v = LeastSquaresKernels.vector(r, "optim.curve_fit", "model");
        if (v.length != xs.length) {
          throw KernelException.of("optim.curve_fit: model(x, p) must return one value per x (%d), got %d", xs.length,
              v.length);
        }
        return v;
      }
    };
  }

  private static final class PowerLawOffset extends CurveModel {
    @Override
    String name() {
      return "power_law_offset";
    }

    @Override
    List<String> paramNames(int n) {
      return List.of("E", "A", "alpha");
    }

    @Override
    double[] predict(double[] xs, double[] p) {
      double[] y = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        y[i] = p[0] + p[1] * Math.pow(xs[i], -p[2]);
      }
      return y;
    }

    @Override
    double[] gradient(double[] xs, double[] p) {
      double[] j = new double[3 * xs.length];
      for (int i = 0; i < xs.length; i++) {
        double t = Math.pow(xs[i], -p[2]);
        j[3 * i] = 1;
        j[3 * i + 1] = t;
        j[3 * i + 2] = -p[1] * t * Math.log(xs[i]);
      }
      return j;
    }

    @Override
    double[] guess(double[] xs, double[] ys) {
      double ymin = Double.MAX_VALUE;
      int first = 0;
      for (int i = 0; i < xs.length; i++) {
        ymin = Math.min(ymin, ys[i]);
        if (xs[i] < xs[first]) {
          first = i;
        }
      }
      double e = ymin > 0 ? ymin / 2 : ymin - 1;
      return new double[] {e, (ys[first] - e) * Math.sqrt(xs[first]), 0.5};
    }
  }

  private static final class Exponential extends CurveModel {
    @Override
    String name() {
      return "exponential";
    }

    @Override
    List<String> paramNames(int n) {
      return List.of("a", "b", "c");
    }

    @Override
    double[] predict(double[] xs, double[] p) {
      double[] y = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        y[i] = p[0] * Math.exp(-p[1] * xs[i]) + p[2];
      }
      return y;
    }

    @Override
    double[] gradient(double[] xs, double[] p) {
      double[] j = new double[3 * xs.length];
      for (int i = 0; i < xs.length; i++) {
        double e = Math.exp(-p[1] * xs[i]);
        j[3 * i] = e;
        j[3 * i + 1] = -p[0] * xs[i] * e;
        j[3 * i + 2] = 1;
      }
      return j;
    }

    @Override
    double[] guess(double[] xs, double[] ys) {
      int lo = 0;
      int hi = 0;
      for (int i = 0; i < xs.length; i++) {
        lo = xs[i] < xs[lo] ? i : lo;
        hi = xs[i] > xs[hi] ? i : hi;
      }
      double span = xs[hi] - xs[lo];
      return new double[] {ys[lo] - ys[hi], span > 0 ? 1 / span : 1, ys[hi]};
    }
  }

  private static final class Saturating extends CurveModel {
    @Override
    String name() {
      return "saturating";
    }

    @Override
    List<String> paramNames(int n) {
      return List.of("a", "b");
    }

    @Override
    double[] predict(double[] xs, double[] p) {
      double[] y = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        y[i] = p[0] * (1 - Math.exp(-xs[i] / p[1]));
      }
      return y;
    }

    @Override
    double[] gradient(double[] xs, double[] p) {
      double[] j = new double[2 * xs.length];
      for (int i = 0; i < xs.length; i++) {
        double e = Math.exp(-xs[i] / p[1]);
        j[2 * i] = 1 - e;
        j[2 * i + 1] = -p[0] * e * xs[i] / (p[1] * p[1]);
      }
      return j;
    }

    @Override
    double[] guess(double[] xs, double[] ys) {
      double ymax = -Double.MAX_VALUE;
      double xm = 0;
      for (int i = 0; i < xs.length; i++) {
        ymax = Math.max(ymax, ys[i]);
        xm += Math.abs(xs[i]) / xs.length;
      }
      return new double[] {ymax, xm > 0 ? xm : 1};
    }
  }
}
