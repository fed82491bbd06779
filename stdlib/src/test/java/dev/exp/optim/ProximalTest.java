package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prox operators (Moreau identities), projections (sort-based reference, KKT), ISTA/FISTA, projected gradient. */
class ProximalTest {
  static final Tensor V = Tensor.vector(OptimReference.input("proj_v"));

  @Test
  void simplexAndL1BallMatchTheSortBasedReferenceAndKkt() {
    double[] p = ProjectionKernels.projectSimplex(V, 1).toArray();
    assertArrayEquals(OptimReference.array(OptimReference.expected("simplex_1"), "s1"), p, 1e-14);
    assertArrayEquals(OptimReference.array(OptimReference.expected("simplex_3"), "s3"),
        ProjectionKernels.projectSimplex(V, 3).toArray(), 1e-14);
    assertArrayEquals(OptimReference.array(OptimReference.expected("l1ball_2"), "l1"),
        ProjectionKernels.projectL1Ball(V, 2).toArray(), 1e-14);
    // KKT: p ≥ 0, Σp = 1, v − p = θ on the support and v − p ≤ θ... i.e. v_i ≤ θ where p_i = 0
    double[] v = V.toArray();
    double sum = 0;
    double theta = Double.NaN;
    for (int i = 0; i < p.length; i++) {
      assertTrue(p[i] >= 0);
      sum += p[i];
      if (p[i] > 0) {
        if (Double.isNaN(theta)) {
          theta = v[i] - p[i];
        }
        assertEquals(theta, v[i] - p[i], 1e-12);
      }
    }
    assertEquals(1, sum, 1e-12);
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0) {
        assertTrue(v[i] <= theta + 1e-12);
      }
    }
  }

  @Test
  void simplexProjectionIsTheClosestPointByBruteForceOnAGrid() {
    double[] v = {0.9, -0.3, 0.6};
    double[] p = ProjectionKernels.projectSimplex(Tensor.vector(v), 1).toArray();
    double best = Double.MAX_VALUE;
    int steps = 400;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; i + j <= steps; j++) {
        double[] q = {(double) i / steps, (double) j / steps, (double) (steps - i - j) / steps};
        best = Math.min(best, Vec.dist(q, v));
      }
    }
    assertTrue(Vec.dist(p, v) <= best + 1e-12);
    assertArrayEquals(new double[] {0.65, 0, 0.35}, p, 1e-14);
  }

  @Test
  void boxAndL2Ball() {
    assertArrayEquals(new double[] {0, 0.5, 1}, ProjectionKernels.projectBox(Tensor.vector(-2, 0.5, 3),
        Tensor.scalar(0), Tensor.scalar(1)).toArray(), 0);
    assertArrayEquals(new double[] {0.6, 0.8}, ProjectionKernels.projectL2Ball(Tensor.vector(3, 4), 1, null).toArray(),
        1e-15);
    assertArrayEquals(new double[] {1, 3}, ProjectionKernels.projectL2Ball(Tensor.vector(1, 5), 2,
        Tensor.vector(1, 1)).toArray(), 1e-15);
    assertArrayEquals(new double[] {0.2, 0.3}, ProjectionKernels.projectL2Ball(Tensor.vector(0.2, 0.3), 1, null)
        .toArray(), 0);
  }

  @Test
  void moreauDecompositionOfL1L2AndGroupNorms() {
    double lam = 0.7;
    // v = prox_{λ‖·‖}(v) + P_{λ·B*}(v), B* the unit ball of the dual norm
    double[] v = V.toArray();
    double[] p1 = ProxKernels.proxL1(V, Tensor.scalar(lam)).toArray();
    double[] box = ProjectionKernels.projectBox(V, Tensor.scalar(-lam), Tensor.scalar(lam)).toArray();
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], p1[i] + box[i], 1e-14);
    }
    double[] p2 = ProxKernels.proxL2(V, 3 * lam).toArray();
    double[] ball = ProjectionKernels.projectL2Ball(V, 3 * lam, null).toArray();
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], p2[i] + ball[i], 1e-14);
    }
    Tensor groups = Tensor.vector(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3);
    double[] pg = ProxKernels.proxGroup(V, groups, 1.5).toArray();
    for (int g = 0; g < 4; g++) {
      double[] part = java.util.Arrays.copyOfRange(v, 3 * g, 3 * g + 3);
      double[] pp = ProxKernels.proxL2(Tensor.vector(part), 1.5).toArray();
      assertArrayEquals(pp, java.util.Arrays.copyOfRange(pg, 3 * g, 3 * g + 3), 1e-15);
    }
    assertArrayEquals(new double[] {2.4, 3.2, 0}, ProxKernels.proxGroup(Tensor.vector(3, 4, 0.1),
        Tensor.vector(0, 0, 1), 1).toArray(), 1e-15);
  }

  @Test
  void thresholdsAndNuclearProx() {
    assertArrayEquals(new double[] {2, 0, -1}, ProxKernels.softThreshold(Tensor.vector(3, -0.5, -2),
        Tensor.scalar(1)).toArray(), 0);
    assertArrayEquals(new double[] {3, 0, -2}, ProxKernels.hardThreshold(Tensor.vector(3, -0.5, -2), null, 2)
        .toArray(), 0);
    assertArrayEquals(new double[] {3, 0, -2}, ProxKernels.hardThreshold(Tensor.vector(3, -0.5, -2), 1.0, null)
        .toArray(), 0);
    // X = R(30°) diag(3, 1) R(45°)ᵀ: prox at λ = 2 is R(30°) diag(1, 0) R(45°)ᵀ
    double a = Math.PI / 6;
    double b = Math.PI / 4;
    double[][] u = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
    double[][] w = {{Math.cos(b), -Math.sin(b)}, {Math.sin(b), Math.cos(b)}};
    double[][] x = new double[2][2];
    double[][] e = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        x[i][j] = 3 * u[i][0] * w[j][0] + 1 * u[i][1] * w[j][1];
        e[i][j] = 1 * u[i][0] * w[j][0];
      }
    }
    double[] got = ProxKernels.proxNuclear(Tensor.matrix(x), 2).toArray();
    assertArrayEquals(Tensor.matrix(e).toArray(), got, 1e-14);
    KernelException ex = assertThrows(KernelException.class, () -> ProxKernels.hardThreshold(Tensor.vector(1), null,
        null));
    assertTrue(ex.getMessage().contains("exactly one of t"), ex.getMessage());
  }

  /** ½‖Xw − y‖² with X = Q·diag(s) (orthogonal columns scaled by s). */
  static Fn lasso(double[][] x, double[] y) {
    return args -> {
      double[] w = ((Tensor) args[0]).toArray();
      int n = y.length;
      double[] r = new double[n];
      double f = 0;
      for (int i = 0; i < n; i++) {
        double s = -y[i];
        for (int j = 0; j < w.length; j++) {
          s += x[i][j] * w[j];
        }
        r[i] = s;
        f += 0.5 * s * s;
      }
      double[] g = new double[w.length];
      for (int j = 0; j < w.length; j++) {
        for (int i = 0; i < n; i++) {
          g[j] += x[i][j] * r[i];
        }
      }
      return Map.of("value", f, "grad", Tensor.vector(g));
    };
  }

  @Test
  void lassoWithOrthonormalDesignIsSoftThresholdingAndFistaBeatsIsta() {
    // X = first 3 columns of the 4×4 Hadamard/2: XᵀX = I, so w* = S_λ(Xᵀy)
    double[][] x = {{0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0.5, 0.5, -0.5}, {0.5, -0.5, -0.5}};
    double[] y = {2, 0.4, 1, -0.6};
    double lam = 0.3;
    double[] xty = {0.5 * (2 + 0.4 + 1 - 0.6), 0.5 * (2 - 0.4 + 1 + 0.6), 0.5 * (2 + 0.4 - 1 + 0.6)};
    double[] expect = ProxKernels.softThreshold(Tensor.vector(xty), Tensor.scalar(lam)).toArray();
    Map<String, Object> ista = ProximalGradient.ista(lasso(x, y), Tensor.zeros(3), lam, null, null, 1e-10, 1000, null);
    assertArrayEquals(expect, ((Tensor) ista.get("x")).toArray(), 1e-9);
    assertEquals(true, ista.get("converged"));
    // ill-conditioned design: scale the columns by (1, 0.3, 0.05)
    double[] sc = {1, 0.3, 0.05};
    double[][] xs = new double[4][3];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        xs[i][j] = x[i][j] * sc[j];
      }
    }
    // still orthogonal columns: w*_j = S_{λ}(s_j xⱼᵀy)/s_j²
    double lam2 = 0.01;
    double[] ex2 = new double[3];
    for (int j = 0; j < 3; j++) {
      double z = sc[j] * xty[j];
      ex2[j] = Math.signum(z) * Math.max(Math.abs(z) - lam2, 0) / (sc[j] * sc[j]);
    }
    Map<String, Object> i2 = ProximalGradient.ista(lasso(xs, y), Tensor.zeros(3), lam2, null, 1.0, 1e-8, 100000, null);
    Map<String, Object> f2 = ProximalGradient.fista(lasso(xs, y), Tensor.zeros(3), lam2, null, 1.0, 1e-8, 100000, null);
    assertArrayEquals(ex2, ((Tensor) i2.get("x")).toArray(), 1e-4);
    assertArrayEquals(ex2, ((Tensor) f2.get("x")).toArray(), 1e-4);
    double ni = (double) i2.get("iterations");
    double nf = (double) f2.get("iterations");
    assertTrue(nf * 2 < ni, "fista " + nf + " vs ista " + ni);
  }

  @Test
  void projectedGradientOntoTheSimplexGivesTheProjection() {
    double[] v = {0.9, -0.3, 0.6, 0.2};
    Fn f = a -> {
      double[] x = ((Tensor) a[0]).toArray();
      double[] g = Vec.minus(x, v);
      return Map.of("value", 0.5 * Vec.dot(g, g), "grad", Tensor.vector(g));
    };
    Fn proj = a -> ProjectionKernels.projectSimplex((Tensor) a[0], 1);
    Map<String, Object> r = ProximalGradient.projectedGradient(f, Tensor.vector(0.25, 0.25, 0.25, 0.25), proj, null,
        1e-10, 500, false, null);
    assertArrayEquals(ProjectionKernels.projectSimplex(Tensor.vector(v), 1).toArray(), ((Tensor) r.get("x")).toArray(),
        1e-10);
  }
}
