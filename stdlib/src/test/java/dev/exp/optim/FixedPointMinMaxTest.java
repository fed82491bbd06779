package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fixed-point methods (rates on rotations, Anderson speed-up) and min-max methods on bilinear games. */
class FixedPointMinMaxTest {
  static double[] res(Map<String, Object> r) {
    return ((Tensor) r.get("residuals")).toArray();
  }

  static Fn rotation(double theta) {
    return a -> {
      Tensor z = (Tensor) a[0];
      double c = Math.cos(theta);
      double s = Math.sin(theta);
      return Tensor.vector(c * z.at(0) - s * z.at(1), s * z.at(0) + c * z.at(1));
    };
  }

  @Test
  void picardFindsTheDottieNumber() {
    Fn cos = a -> ((Tensor) a[0]).map(Math::cos);
    Map<String, Object> r = FixedPoint.fixedPoint(cos, Tensor.vector(1), "picard", 0.5, 5, 1e-12, 1000, null);
    assertEquals(0.7390851332151607, ((Tensor) r.get("x")).at(0), 1e-11);
    Map<String, Object> a = FixedPoint.fixedPoint(cos, Tensor.vector(1), "anderson", 1, 2, 1e-12, 1000, null);
    assertEquals(0.7390851332151607, ((Tensor) a.get("x")).at(0), 1e-11);
    assertTrue((double) a.get("iterations") < (double) r.get("iterations") / 3);
  }

  @Test
  void andersonAcceleratesASlowLinearContraction() {
    // T(x) = M x + b with M = diag(0.99, 0.9, 0.5): fixed point b/(1 − m_i)
    double[] m = {0.99, 0.9, 0.5};
    double[] b = {1, 2, 3};
    Fn t = a -> {
      Tensor x = (Tensor) a[0];
      return Tensor.vector(m[0] * x.at(0) + b[0], m[1] * x.at(1) + b[1], m[2] * x.at(2) + b[2]);
    };
    Map<String, Object> p = FixedPoint.fixedPoint(t, Tensor.zeros(3), "picard", 1, 5, 1e-8, 5000, null);
    Map<String, Object> a = FixedPoint.fixedPoint(t, Tensor.zeros(3), "anderson", 1, 5, 1e-8, 5000, null);
    double[] star = {100, 20, 6};
    assertArrayEquals(star, ((Tensor) p.get("x")).toArray(), 1e-5);
    assertArrayEquals(star, ((Tensor) a.get("x")).toArray(), 1e-6);
    assertEquals(true, a.get("converged"));
    assertTrue((double) a.get("iterations") * 20 < (double) p.get("iterations"), a.get("iterations") + " vs "
        + p.get("iterations"));
  }

  @Test
  void halpernMeetsItsOneOverKBoundAndKmItsOneOverRootKBound() {
    // rotation by 90°: nonexpansive, fixed point 0, ‖x0 − x*‖ = 1; plain Picard never converges
    Fn t = rotation(Math.PI / 2);
    Tensor z0 = Tensor.vector(1, 0);
    double[] h = res(FixedPoint.halpern(t, z0, null, 0, 2000, null));
    for (int k = 0; k < h.length; k++) {
      assertTrue(h[k] <= 2.0 / (k + 1) + 1e-12, "Halpern bound at k = " + k + ": " + h[k]);
    }
    double slope = Math.log(h[2000] / h[200]) / Math.log(10);
    assertTrue(slope > -1.1 && slope < -0.9, "Halpern slope " + slope);
    double lam = 0.5;
    double[] km = res(FixedPoint.fixedPoint(t, z0, "km", lam, 5, 0, 2000, null));
    for (int k = 0; k < km.length; k++) {
      assertTrue(km[k] <= 1 / Math.sqrt(lam * (1 - lam) * (k + 1)) + 1e-12, "KM bound at k = " + k);
    }
    Map<String, Object> pic = FixedPoint.fixedPoint(t, z0, "picard", 1, 5, 1e-8, 100, null);
    assertEquals(false, pic.get("converged"));
    assertEquals(Math.sqrt(2), res(pic)[100], 1e-12);
  }

  @Test
  void gdaDivergesOnABilinearGameAndExtragradientConverges() {
    // f(x, y) = xᵀAy with A = diag(1, 0.5): saddle at 0; ‖F(z)‖ grows by √(1 + lr²σ²) per GDA step
    Fn gx = a -> {
      Tensor y = (Tensor) a[1];
      return Tensor.vector(y.at(0), 0.5 * y.at(1));
    };
    Fn gy = a -> {
      Tensor x = (Tensor) a[0];
      return Tensor.vector(x.at(0), 0.5 * x.at(1));
    };
    Tensor x0 = Tensor.vector(1, 1);
    Tensor y0 = Tensor.vector(1, 1);
    double[] g = res(MinMax.gda(gx, gy, x0, y0, 0.1, false, 1e-8, 500, null));
    for (int k = 1; k < g.length; k++) {
      assertTrue(g[k] > g[k - 1], "GDA residual increases at " + k);
    }
    // z ← (I + lr·S)z with S skew per σ-block: ‖block‖² grows by exactly (1 + lr²σ²) per step
    for (int k = 0; k < g.length; k += 50) {
      assertEquals(Math.sqrt(2 * Math.pow(1.01, k) + 0.5 * Math.pow(1.0025, k)), g[k], 1e-12 * g[k]);
    }
    Map<String, Object> eg = MinMax.extragradient(gx, gy, x0, y0, 0.5, 1e-8, 5000, null);
    assertEquals(true, eg.get("converged"));
    assertArrayEquals(new double[2], ((Tensor) eg.get("x")).toArray(), 1e-7);
    Map<String, Object> og = MinMax.ogda(gx, gy, x0, y0, 0.2, 1e-8, 20000, null);
    assertEquals(true, og.get("converged"), (String) og.get("reason"));
    Map<String, Object> alt = MinMax.gda(gx, gy, x0, y0, 0.1, true, 1e-8, 2000, null);
    double[] ra = res(alt);
    // alternating GDA on a bilinear game stays bounded (it is symplectic) but does not converge
    assertTrue(ra[ra.length - 1] < 3 * ra[0] && ra[ra.length - 1] > 0.1 * ra[0]);
  }
}
