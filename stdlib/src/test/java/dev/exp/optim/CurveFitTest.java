package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Levenberg–Marquardt and curve fits against scipy.optimize.curve_fit (params and pcov). */
class CurveFitTest {
  static void sameFit(String ref, CurveFit f, double ptol, double ctol) {
    JsonNode e = OptimReference.expected(ref);
    double[] popt = OptimReference.array(e.get("popt"), ref);
    double[] pcov = OptimReference.array(e.get("pcov"), ref);
    assertArrayEquals(popt, ((Tensor) f.field("params")).toArray(), ptol, ref + " params");
    double[] cov = ((Tensor) f.field("cov")).toArray();
    for (int i = 0; i < cov.length; i++) {
      assertEquals(pcov[i], cov[i], ctol * Math.abs(pcov[i]) + 1e-15, ref + " cov[" + i + "]");
    }
  }

  @Test
  void scipyDocsExponentialExample() {
    Tensor x = Tensor.vector(OptimReference.input("cf_x"));
    Tensor y = Tensor.vector(OptimReference.input("cf_y"));
    CurveFit f = CurveFitKernels.curveFit("exponential", x, y, Tensor.vector(1, 1, 1), null, 0.95, null, null, 200,
        null);
    assertEquals(true, f.field("converged"));
    sameFit("cf_exp", f, 1e-6, 1e-4);
    // the same model as a script function, finite-difference Jacobian
    Fn model = a -> {
      Tensor xs = (Tensor) a[0];
      Tensor p = (Tensor) a[1];
      return xs.map(v -> p.at(0) * Math.exp(-p.at(1) * v) + p.at(2));
    };
    CurveFit g = CurveFitKernels.curveFit(model, x, y, Tensor.vector(1, 1, 1), null, 0.95, null, null, 200, null);
    sameFit("cf_exp", g, 1e-6, 1e-4);
    assertEquals(java.util.List.of("p0", "p1", "p2"), g.field("names"));
  }

  @Test
  void offsetPowerLawAndSaturating() {
    CurveFit f = CurveFitKernels.curveFit("power_law_offset", Tensor.vector(OptimReference.input("pl_x")),
        Tensor.vector(OptimReference.input("pl_y")), Tensor.vector(0.1, 1, 0.5), null, 0.95, null, null, 200, null);
    sameFit("cf_plo", f, 1e-5, 1e-3);
    // default starting point from the data reaches the same minimum
    CurveFit d = CurveFitKernels.curveFit("power_law_offset", Tensor.vector(OptimReference.input("pl_x")),
        Tensor.vector(OptimReference.input("pl_y")), null, null, 0.95, null, null, 200, null);
    sameFit("cf_plo", d, 1e-5, 1e-3);
    CurveFit s = CurveFitKernels.curveFit("saturating", Tensor.vector(OptimReference.input("sat_x")),
        Tensor.vector(OptimReference.input("sat_y")), null, null, 0.95, null, null, 200, null);
    sameFit("cf_sat", s, 1e-6, 1e-4);
    Map<?, ?> values = (Map<?, ?>) f.field("values");
    assertEquals(((Tensor) f.field("params")).at(2), values.get("alpha"));
  }

  @Test
  void intervalsAreStudentTAndBandsFollowTheDeltaMethod() {
    CurveFit f = CurveFitKernels.curveFit("exponential", Tensor.vector(OptimReference.input("cf_x")),
        Tensor.vector(OptimReference.input("cf_y")), null, null, 0.9, null, null, 200, null);
    double[] p = ((Tensor) f.field("params")).toArray();
    double[] se = ((Tensor) f.field("stderr")).toArray();
    double[] lo = ((Tensor) f.field("lo")).toArray();
    // t_{0.95, 47} = 1.677926722 (scipy.stats.t.ppf(0.95, 47))
    for (int i = 0; i < 3; i++) {
      assertEquals(p[i] - 1.6779267216418625 * se[i], lo[i], 1e-9);
    }
    // at a point the band's variance is gᵀ C g with g = (e^{−bx}, −a x e^{−bx}, 1)
    Map<String, Object> ex = CurveFitKernels.extrapolate(f, Tensor.vector(2.0, 10.0), 0.9, "confidence");
    double[] cov = ((Tensor) f.field("cov")).toArray();
    double xx = 2;
    double e = Math.exp(-p[1] * xx);
    double[] g = {e, -p[0] * xx * e, 1};
    double v = 0;
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        v += g[a] * cov[a * 3 + b] * g[b];
      }
    }
    assertEquals(Math.sqrt(v), ((Tensor) ex.get("stderr")).at(0), 1e-12);
    assertEquals((double) f.call(2.0), ((Tensor) ex.get("y")).at(0), 1e-15);
    // far out the curve tends to c: the band tends to c's interval
    assertEquals(se[2], ((Tensor) ex.get("stderr")).at(1), 1e-5);
    Map<String, Object> pr = CurveFitKernels.extrapolate(f, Tensor.vector(2.0), null, "prediction");
    double s = (double) f.field("residual_std");
    assertEquals(Math.sqrt(v + s * s), ((Tensor) pr.get("stderr")).at(0), 1e-12);
  }

  @Test
  void levenbergMarquardtOnRosenbrockResidualsAndGaussNewtonOnALinearModel() {
    // Rosenbrock as least squares: r = (10(y − x²), 1 − x), minimum at (1, 1), zero residual
    Fn res = a -> {
      Tensor p = (Tensor) a[0];
      return Tensor.vector(10 * (p.at(1) - p.at(0) * p.at(0)), 1 - p.at(0));
    };
    Fn jac = a -> {
      Tensor p = (Tensor) a[0];
      return Tensor.matrix(new double[][] {{-20 * p.at(0), 10}, {-1, 0}});
    };
    Map<String, Object> r = LeastSquaresKernels.levenbergMarquardt(res, Tensor.vector(-1.2, 1), jac, 200, null);
    assertArrayEquals(new double[] {1, 1}, ((Tensor) r.get("x")).toArray(), 1e-8);
    assertEquals(true, r.get("converged"));
    assertNull(r.get("cov"), "m = n: no covariance");
    // a linear model: Gauss–Newton solves it in one step, cov = s²(XᵀX)⁻¹ exactly
    double[] t = {0, 1, 2, 3, 4};
    double[] yv = {1.1, 2.9, 5.2, 6.8, 9.1};
    Fn lin = a -> {
      Tensor p = (Tensor) a[0];
      double[] out = new double[5];
      for (int i = 0; i < 5; i++) {
        out[i] = p.at(0) + p.at(1) * t[i] - yv[i];
      }
      return Tensor.vector(out);
    };
    Map<String, Object> g = LeastSquaresKernels.leastSquares(lin, Tensor.vector(0, 0), null, "gauss_newton", null,
        null, 1e-12, 1e-12, 1e-12, 50, null);
    double[] x = ((Tensor) g.get("x")).toArray();
    // OLS closed form: slope = Sxy/Sxx = 19.9/10, intercept = ȳ − slope·2
    assertEquals(1.99, x[1], 1e-9);
    assertEquals(5.02 - 2 * 1.99, x[0], 1e-9);
    double sse = 0;
    for (int i = 0; i < 5; i++) {
      double e = x[0] + x[1] * t[i] - yv[i];
      sse += e * e;
    }
    double s2 = sse / 3;
    double[] cov = ((Tensor) g.get("cov")).toArray();
    assertEquals(s2 / 10, cov[3], 1e-9); // var(slope) = s²/Sxx
    assertEquals(s2 * (1.0 / 5 + 4.0 / 10), cov[0], 1e-9);
  }

  @Test
  void anActiveBoundIsHeldAndTheFreeVariablesConvergeAsScipy() {
    // y = 2.5 e^{-1.3 t} + 0.4 + 0.05 sin 7t on 15 points of [0, 4], fitted by a e^{-b t} + c with c >= 0.5
    // (active at the optimum): scipy.optimize.least_squares(..., bounds=([0, 0, 0.5], [10, 10, 10]),
    // xtol=ftol=gtol=1e-15) gives x = [2.44699287, 1.48049824, 0.5], cost 0.03212362794040751
    double[] t = new double[15];
    double[] y = new double[15];
    for (int i = 0; i < 15; i++) {
      t[i] = 4.0 * i / 14;
      y[i] = 2.5 * Math.exp(-1.3 * t[i]) + 0.4 + 0.05 * Math.sin(7 * t[i]);
    }
    Fn res = a -> {
      Tensor p = (Tensor) a[0];
      double[] out = new double[15];
      for (int i = 0; i < 15; i++) {
        out[i] = p.at(0) * Math.exp(-p.at(1) * t[i]) + p.at(2) - y[i];
      }
      return Tensor.vector(out);
    };
    for (String method : new String[] {"lm", "gauss_newton"}) {
      Map<String, Object> r = LeastSquaresKernels.leastSquares(res, Tensor.vector(1, 1, 0.6), null, method,
          Tensor.vector(0, 0, 0.5), Tensor.vector(10, 10, 10), 1e-10, 1e-10, 1e-10, 200, null);
      assertArrayEquals(new double[] {2.44699287, 1.48049824, 0.5}, ((Tensor) r.get("x")).toArray(), 5e-7, method);
      assertEquals(0.03212362794040751, (double) r.get("cost"), 1e-12, method);
      assertEquals(true, r.get("converged"), method);
      assertTrue((double) r.get("iterations") < 50, method + ": " + r.get("iterations") + " iterations");
    }
  }

  @Test
  void boundsAndErrors() {
    Fn res = a -> Tensor.vector(((Tensor) a[0]).at(0) - 5);
    Map<String, Object> r = LeastSquaresKernels.leastSquares(res, Tensor.vector(0), null, "lm", null,
        Tensor.scalar(2), 1e-12, 1e-12, 1e-12, 50, null);
    assertEquals(2, ((Tensor) r.get("x")).at(0), 1e-12);
    KernelException e = assertThrows(KernelException.class, () -> CurveFitKernels.curveFit("power", Tensor.vector(1, 2),
        Tensor.vector(1, 2), null, null, 0.95, null, null, 10, null));
    assertTrue(e.getMessage().contains("unknown model \"power\""), e.getMessage());
    e = assertThrows(KernelException.class, () -> CurveFitKernels.curveFit("exponential", Tensor.vector(1, 2, 3),
        Tensor.vector(1, 2), null, null, 0.95, null, null, 10, null));
    assertTrue(e.getMessage().contains("x [3] and y [2]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> CurveFitKernels.curveFit("saturating", Tensor.vector(1, 2, 3),
        Tensor.vector(1, 2, 3), Tensor.vector(1, 2, 3), null, 0.95, null, null, 10, null));
    assertTrue(e.getMessage().contains("has 2 parameters"), e.getMessage());
    // fewer points than parameters: no fit (scipy.optimize.curve_fit raises too)
    e = assertThrows(KernelException.class, () -> CurveFitKernels.curveFit("exponential", Tensor.vector(1, 2),
        Tensor.vector(1, 2), null, null, 0.95, null, null, 200, null));
    assertTrue(e.getMessage().contains("2 data points cannot determine 3 parameters"), e.getMessage());
    // as many points as parameters: an exact fit whose uncertainty is unknown, inf as scipy's pcov
    CurveFit exact = CurveFitKernels.curveFit("exponential", Tensor.vector(0, 1, 2), Tensor.vector(3, 2, 1.5), null,
        null, 0.95, null, null, 200, null);
    assertEquals(0.0, (double) exact.field("dof"));
    assertEquals(Double.POSITIVE_INFINITY, ((Tensor) exact.field("stderr")).at(0));
    assertEquals(Double.NEGATIVE_INFINITY, ((Tensor) exact.field("lo")).at(1));
    assertEquals(Double.POSITIVE_INFINITY, ((Tensor) exact.field("cov")).at(0));
  }
}
