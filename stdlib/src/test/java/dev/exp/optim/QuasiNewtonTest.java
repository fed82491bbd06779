package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.Fn;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BFGS, L-BFGS and Newton on Rosenbrock, against SciPy's L-BFGS-B, and the line search. */
class QuasiNewtonTest {
  static final Fn ROSEN = a -> MinimizeKernels.rosenbrock((Tensor) a[0]);
  static final Fn ROSEN_VALUE = a -> MinimizeKernels.rosenbrock((Tensor) a[0]).get("value");

  static double[] x(Map<String, Object> r) {
    return ((Tensor) r.get("x")).toArray();
  }

  @Test
  void rosenbrockFromTheClassicStartByEveryMethod() {
    Tensor x0 = Tensor.vector(-1.2, 1);
    for (String m : new String[] {"bfgs", "lbfgs", "newton"}) {
      Map<String, Object> r = MinimizeKernels.minimize(ROSEN, x0, m, null, 1e-8, null, null, null, null);
      assertEquals(true, r.get("converged"), m + ": " + r.get("message"));
      assertArrayEquals(new double[] {1, 1}, x(r), 1e-6, m);
      assertTrue((double) r.get("fun") < 1e-12, m);
    }
  }

  @Test
  void newtonWithAnalyticHessianConvergesQuadratically() {
    Fn hess = a -> {
      Tensor t = (Tensor) a[0];
      double x = t.at(0);
      double y = t.at(1);
      return Tensor.matrix(new double[][] {{1200 * x * x - 400 * y + 2, -400 * x}, {-400 * x, 200}});
    };
    Map<String, Object> r = MinimizeKernels.newton(ROSEN, Tensor.vector(-1.2, 1), hess, 1e-10, 100, null);
    assertArrayEquals(new double[] {1, 1}, x(r), 1e-9);
    // scipy's Newton-CG needs ~24 iterations from here; pure damped Newton about 21
    assertTrue((double) r.get("iterations") < 30, "iterations " + r.get("iterations"));
  }

  @Test
  void lbfgsMatchesScipyLbfgsbOnTheTutorialStart() {
    JsonNode ref = OptimReference.expected("lbfgsb_rosen");
    Map<String, Object> r = MinimizeKernels.lbfgs(ROSEN, Tensor.vector(OptimReference.input("rosen_x0")), 10, 1e-5,
        2.220446049250313e-9, 15000, 15000, null, null, null);
    assertEquals(true, r.get("converged"));
    assertArrayEquals(OptimReference.array(ref.get("x"), "x"), x(r), 2e-5);
    double nfev = ref.get("nfev").asDouble();
    double ours = (double) r.get("evaluations");
    assertTrue(ours <= 1.5 * nfev + 5, "evaluations " + ours + " vs scipy " + nfev);
    JsonNode ref2 = OptimReference.expected("lbfgsb_rosen2");
    r = MinimizeKernels.lbfgs(ROSEN, Tensor.vector(-1.2, 1), 10, 1e-5, 2.220446049250313e-9, 15000, 15000, null, null,
        null);
    assertArrayEquals(OptimReference.array(ref2.get("x"), "x"), x(r), 1e-4);
    assertTrue((double) r.get("evaluations") <= 1.5 * ref2.get("nfev").asDouble() + 5, "evals " + r.get("evaluations"));
  }

  @Test
  void boundedLbfgsFindsScipysBoundedMinimum() {
    JsonNode ref = OptimReference.expected("lbfgsb_rosen_bounded");
    Map<String, Object> r = MinimizeKernels.lbfgs(ROSEN, Tensor.full(new int[] {4}, 0.3), 10, 1e-9, 0, 15000, 15000,
        Tensor.scalar(0), Tensor.scalar(0.7), null);
    assertEquals(true, r.get("converged"), (String) r.get("message"));
    assertArrayEquals(OptimReference.array(ref.get("x"), "x"), x(r), 1e-6);
    assertEquals(ref.get("fun").asDouble(), (double) r.get("fun"), 1e-10);
  }

  @Test
  void finiteDifferenceGradientWhenFReturnsANumber() {
    Map<String, Object> r = MinimizeKernels.bfgs(ROSEN_VALUE, Tensor.vector(-1.2, 1), 1e-5, null, null);
    assertArrayEquals(new double[] {1, 1}, x(r), 1e-4);
    assertTrue((double) r.get("evaluations") > 5 * (double) r.get("iterations"), "counts the FD calls");
  }

  @Test
  void maxIterIsNotConvergence() {
    Map<String, Object> r = MinimizeKernels.lbfgs(ROSEN, Tensor.vector(-1.2, 1), 10, 1e-5, 0, 3, 15000, null, null,
        null);
    assertEquals(false, r.get("converged"));
    assertEquals("max_iter reached", r.get("message"));
    assertEquals(4, ((Tensor) r.get("history")).size());
  }

  @Test
  void lineSearchSatisfiesStrongWolfe() {
    Tensor x = Tensor.vector(-1.2, 1);
    Tensor g = (Tensor) MinimizeKernels.rosenbrock(x).get("grad");
    Tensor d = g.map(v -> -v);
    Map<String, Object> r = MinimizeKernels.lineSearch(ROSEN, x, d, 1e-3, 1e-4, 0.9, 40, null);
    assertEquals(true, r.get("success"));
    double a = (double) r.get("alpha");
    double f0 = (double) MinimizeKernels.rosenbrock(x).get("value");
    double dphi0 = -(g.at(0) * g.at(0) + g.at(1) * g.at(1));
    double fa = (double) r.get("fun");
    Tensor ga = (Tensor) r.get("grad");
    assertTrue(fa <= f0 + 1e-4 * a * dphi0);
    assertTrue(Math.abs(ga.at(0) * d.at(0) + ga.at(1) * d.at(1)) <= 0.9 * Math.abs(dphi0));
  }

  @Test
  void illConditionedQuadraticByBfgsInAboutNIterations() {
    // exact line search on a quadratic makes BFGS terminate in n steps; with the Wolfe search SciPy's BFGS
    // (H0 = I, gtol 1e-8) takes 7 iterations here
    double[] diag = {1, 3, 10, 30, 100};
    Fn f = a -> {
      double[] x = ((Tensor) a[0]).toArray();
      double v = 0;
      double[] g = new double[5];
      for (int i = 0; i < 5; i++) {
        v += 0.5 * diag[i] * x[i] * x[i];
        g[i] = diag[i] * x[i];
      }
      return Map.of("value", v, "grad", Tensor.vector(g));
    };
    Map<String, Object> r = MinimizeKernels.bfgs(f, Tensor.full(new int[] {5}, 1), 1e-8, null, null);
    assertArrayEquals(new double[5], x(r), 1e-8);
    assertTrue((double) r.get("iterations") <= 10, "iterations " + r.get("iterations"));
  }
}
