package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Block coordinate descent (Gauss–Seidel identity, greedy rules) and HVP / inverse-HVP on quadratics. */
class BcdCurvatureTest {
  static final double[][] A = {{4, 1, 0, 0}, {1, 3, 1, 0}, {0, 1, 2, 0.5}, {0, 0, 0.5, 1}};
  static final double[] B = {1, 2, 3, 4};

  static Tensor a() {
    return Tensor.matrix(A);
  }

  static double[] solve() {
    return dev.exp.linalg.Linalg.solve(a(), Tensor.vector(B)).toArray();
  }

  @Test
  void cyclicExactCoordinateDescentIsGaussSeidel() {
    // one sweep of Gauss–Seidel by hand from 0
    double[] x = new double[4];
    for (int i = 0; i < 4; i++) {
      double s = B[i];
      for (int j = 0; j < 4; j++) {
        if (j != i) {
          s -= A[i][j] * x[j];
        }
      }
      x[i] = s / A[i][i];
    }
    Map<String, Object> r = BlockCoordinateDescent.bcdQuadratic(a(), Tensor.vector(B), Tensor.zeros(4), 1, "cyclic",
        "exact", 0, 4, null, null);
    assertArrayEquals(x, ((Tensor) r.get("x")).toArray(), 1e-15);
    Map<String, Object> full = BlockCoordinateDescent.bcdQuadratic(a(), Tensor.vector(B), Tensor.zeros(4), 2,
        "cyclic", "exact", 1e-12, 10000, null, null);
    assertArrayEquals(solve(), ((Tensor) full.get("x")).toArray(), 1e-12);
    assertEquals(true, full.get("converged"));
  }

  @Test
  void greedyRulesPickTheLargestScaledGradient() {
    // at x = 0, ∇f = −b = (−1, −2, −3, −4): GS picks coordinate 3; GS-L too (b_i²/A_ii = 16 at i = 3)
    Map<String, Object> gs = BlockCoordinateDescent.bcdQuadratic(a(), Tensor.vector(B), Tensor.zeros(4), 1,
        "gauss_southwell", "gradient", 0, 1, null, null);
    assertEquals(3, ((Tensor) gs.get("blocks")).at(0));
    // with b = (2, 1, 1, 1.2): GS picks 0 (|g| = 2) but GS-L picks argmax g²/L = (1, 1/3, 1/2, 1.44) → 3
    Tensor b2 = Tensor.vector(2, 1, 1, 1.2);
    Map<String, Object> g1 = BlockCoordinateDescent.bcdQuadratic(a(), b2, Tensor.zeros(4), 1, "gauss_southwell",
        "gradient", 0, 1, null, null);
    Map<String, Object> g2 = BlockCoordinateDescent.bcdQuadratic(a(), b2, Tensor.zeros(4), 1, "gs_lipschitz",
        "gradient", 0, 1, null, null);
    assertEquals(0, ((Tensor) g1.get("blocks")).at(0));
    assertEquals(3, ((Tensor) g2.get("blocks")).at(0));
    // every rule converges to A⁻¹b; the function form agrees with the quadratic form
    Fn f = args -> {
      double[] x = ((Tensor) args[0]).toArray();
      double[] g = Dense.mul(Tensor.matrix(A).raw(), 4, x);
      double v = 0;
      for (int i = 0; i < 4; i++) {
        v += 0.5 * x[i] * g[i] - B[i] * x[i];
        g[i] -= B[i];
      }
      return Map.of("value", v, "grad", Tensor.vector(g));
    };
    for (String rule : new String[] {"cyclic", "random", "gauss_southwell", "gs_lipschitz"}) {
      Map<String, Object> q = BlockCoordinateDescent.bcdQuadratic(a(), Tensor.vector(B), Tensor.zeros(4), 1, rule,
          "gradient", 1e-10, 20000, new Rng(5), null);
      assertArrayEquals(solve(), ((Tensor) q.get("x")).toArray(), 1e-9, rule);
      Map<String, Object> fr = BlockCoordinateDescent.bcd(f, Tensor.zeros(4), Tensor.vector(4, 3, 2, 1), 1, rule,
          1e-10, 20000, new Rng(5), null);
      assertArrayEquals(((Tensor) q.get("x")).toArray(), ((Tensor) fr.get("x")).toArray(), 1e-9, rule);
    }
  }

  @Test
  void hvpOfAQuadraticIsTheMatrixProduct() {
    Fn grad = args -> Tensor.vector(Dense.mul(Tensor.matrix(A).raw(), 4, ((Tensor) args[0]).toArray()));
    Tensor v = Tensor.vector(1, -2, 0.5, 3);
    double[] hv = Curvature.hvp(grad, Tensor.vector(0.3, 0.1, -2, 5), v, 1e-5, null).toArray();
    assertArrayEquals(Dense.mul(Tensor.matrix(A).raw(), 4, v.toArray()), hv, 1e-9);
    // a non-quadratic: f = Σ x_i⁴/4, H = diag(3x²): central differences are O(ε²) accurate
    Fn g4 = args -> ((Tensor) args[0]).map(t -> t * t * t);
    double[] h4 = Curvature.hvp(g4, Tensor.vector(1, 2), Tensor.vector(1, 1), 1e-5, null).toArray();
    assertArrayEquals(new double[] {3, 12}, h4, 1e-8);
  }

  @Test
  void inverseHvpByCgAndLissaSolvesTheDampedSystem() {
    Fn grad = args -> Tensor.vector(Dense.mul(Tensor.matrix(A).raw(), 4, ((Tensor) args[0]).toArray()));
    Map<String, Object> cg = Curvature.inverseHvp(grad, Tensor.zeros(4), Tensor.vector(B), "cg", 0, 10, 1e-10, 100,
        1e-5, null);
    assertArrayEquals(solve(), ((Tensor) cg.get("x")).toArray(), 1e-8);
    assertTrue((double) cg.get("iterations") <= 5, "CG ends in about n steps");
    Map<String, Object> li = Curvature.inverseHvp(grad, Tensor.zeros(4), Tensor.vector(B), "lissa", 0, 6, 1e-12, 5000,
        1e-5, null);
    assertArrayEquals(solve(), ((Tensor) li.get("x")).toArray(), 1e-7);
    assertEquals(true, li.get("converged"));
    // damping: (A + I)⁻¹ b
    Map<String, Object> d = Curvature.inverseHvp(grad, Tensor.zeros(4), Tensor.vector(B), "cg", 1, 10, 1e-10, 100,
        1e-5, null);
    double[][] a1 = new double[4][4];
    for (int i = 0; i < 4; i++) {
      a1[i] = A[i].clone();
      a1[i][i] += 1;
    }
    assertArrayEquals(dev.exp.linalg.Linalg.solve(Tensor.matrix(a1), Tensor.vector(B)).toArray(),
        ((Tensor) d.get("x")).toArray(), 1e-8);
  }
}
