package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** optim.vr_halpern on finite sums with known solutions: Halpern's bound, restarts, exact residuals. */
class VrHalpernTest {
  static final int N = 10;
  // components F_i(x) = D_i x − c_i with D_i diagonal > 0: cocoercive, solution x*_j = Σ_i c_ij / Σ_i D_ij
  static final double[][] D = new double[N][3];
  static final double[][] C = new double[N][3];
  static final double[] STAR = new double[3];

  static {
    Rng r = new Rng(11);
    double[] sd = new double[3];
    double[] sc = new double[3];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 3; j++) {
        D[i][j] = 0.2 + r.nextDouble();
        C[i][j] = r.nextGaussian();
        sd[j] += D[i][j];
        sc[j] += C[i][j];
      }
    }
    for (int j = 0; j < 3; j++) {
      STAR[j] = sc[j] / sd[j];
    }
  }

  static final Fn DIAG = a -> {
    double[] x = ((Tensor) a[0]).raw();
    int i = ((Number) a[1]).intValue();
    return Tensor.vector(D[i][0] * x[0] - C[i][0], D[i][1] * x[1] - C[i][1], D[i][2] * x[2] - C[i][2]);
  };

  static double[] v(Map<String, Object> r, String k) {
    return ((Tensor) r.get(k)).raw();
  }

  static double fullNorm(Fn f, double[] x, int n) {
    double[] s = new double[x.length];
    for (int i = 0; i < n; i++) {
      double[] fi = ((Tensor) f.call(Tensor.vector(x.clone()), (double) i)).raw();
      for (int j = 0; j < s.length; j++) {
        s[j] += fi[j] / n;
      }
    }
    return Vec.norm(s);
  }

  @Test
  void fullEvaluationsArePlainHalpernWithItsBound() {
    // eta ≤ 1/L makes T = I − eta·F nonexpansive, so ‖F(x_k)‖ ≤ 2‖x0 − x*‖/(eta(k + 1)) at every k
    double eta = 1 / 1.2;
    Tensor x0 = Tensor.vector(5, -3, 2);
    Map<String, Object> r = VrHalpern.vrHalpern(DIAG, N, x0, "forward", eta, 1, null, null, 0.1, 0, false, 0, 300,
        null, new Rng(1), null);
    double[] res = v(r, "residuals");
    double[] ev = v(r, "residual_evaluations");
    double r0 = Math.sqrt(Math.pow(5 - STAR[0], 2) + Math.pow(-3 - STAR[1], 2) + Math.pow(2 - STAR[2], 2));
    assertEquals(301, res.length);
    for (int k = 0; k < res.length; k++) {
      assertTrue(res[k] <= 2 * r0 / (eta * (k + 1)), k + ": " + res[k]);
      assertEquals(N * (k + 1.0), ev[k], 0);
    }
    assertEquals(N * 301.0, (Double) r.get("evaluations"), 0);
    assertEquals(false, r.get("converged"));
    assertEquals("max_iter reached", r.get("reason"));
  }

  @Test
  void restartedVarianceReducedForwardHalpernReachesTheSolution() {
    Tensor x0 = Tensor.vector(5, -3, 2);
    Map<String, Object> r = VrHalpern.vrHalpern(DIAG, N, x0, "forward", 1 / 1.2, 1, null, null, 0.1, 20, true, 1e-9,
        100000, null, new Rng(2), null);
    assertEquals(true, r.get("converged"), (String) r.get("reason"));
    double[] x = v(r, "x");
    // strongly monotone with μ ≥ 2 (Σ D_ij/N ≥ 0.2·… ): ‖x − x*‖ ≤ ‖F(x)‖/μ, and the logged residual is exact
    for (int j = 0; j < 3; j++) {
      assertEquals(STAR[j], x[j], 1e-8);
    }
    double[] res = v(r, "residuals");
    assertEquals(fullNorm(DIAG, x, N), res[res.length - 1], 1e-15);
    assertTrue(res[res.length - 1] <= 1e-9);
  }

  @Test
  void resolventFormSolvesAFiniteSumBilinearGame() {
    // F_i(x, y) = (A_i y, −A_iᵀ x) on R² × R², mean A = [[1, 0.3], [0, 0.5]] (invertible): z* = 0 and
    // ‖z‖ ≤ ‖F(z)‖/σ_min(A); the components differ by zero-mean perturbations
    int n = 8;
    double[][][] a = new double[n][2][2];
    Rng rng = new Rng(5);
    double[][] mean = {{1, 0.3}, {0, 0.5}};
    double[][] pert = new double[2][2];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < 2; p++) {
        for (int q = 0; q < 2; q++) {
          double e = i < n - 1 ? 0.5 * rng.nextGaussian() : -pert[p][q];
          pert[p][q] += e;
          a[i][p][q] = mean[p][q] + e;
        }
      }
    }
    Fn f = args -> {
      double[] z = ((Tensor) args[0]).raw();
      double[][] m = a[((Number) args[1]).intValue()];
      return Tensor.vector(m[0][0] * z[2] + m[0][1] * z[3], m[1][0] * z[2] + m[1][1] * z[3],
          -(m[0][0] * z[0] + m[1][0] * z[1]), -(m[0][1] * z[0] + m[1][1] * z[1]));
    };
    Tensor z0 = Tensor.vector(1, -1, 0.5, 2);
    for (boolean vr : new boolean[] {true, false}) {
      Map<String, Object> r = VrHalpern.vrHalpern(f, n, z0, "resolvent", 1, 2, null, null, 0.1, 10, vr, 1e-7, 100000,
          null, new Rng(3), null);
      assertEquals(true, r.get("converged"), vr + " " + r.get("reason"));
      double[] z = v(r, "x");
      double[] res = v(r, "residuals");
      assertEquals(fullNorm(f, z, n), res[res.length - 1], 1e-14);
      double sigmaMin = 0.4; // singular values of mean A: ≈ 1.08 and 0.46
      assertTrue(Vec.norm(z) <= 1e-7 / sigmaMin, vr + ": " + Vec.norm(z));
    }
  }

  @Test
  void aStackOfMatricesIsTheSameOracleAsTheFunction() {
    // F_i(z) = M_i z given as [n, D, D] or as a function: same seed, same run, same counts
    int n = 4;
    double[] m = new double[n * 4];
    Rng rng = new Rng(9);
    for (int i = 0; i < n; i++) {
      double a = 1 + 0.3 * rng.nextGaussian();
      m[i * 4 + 1] = a;
      m[i * 4 + 2] = -a;
    }
    Tensor stack = Tensor.wrap(new int[] {n, 2, 2}, m);
    Fn f = args -> {
      double[] z = ((Tensor) args[0]).raw();
      int i = ((Number) args[1]).intValue();
      return Tensor.vector(m[i * 4 + 1] * z[1], m[i * 4 + 2] * z[0]);
    };
    Tensor z0 = Tensor.vector(1, 1);
    Map<String, Object> a = VrHalpern.vrHalpern(stack, n, z0, "resolvent", 1, 1.5, null, null, 0.3, 0, true, 1e-3,
        10000, null, new Rng(4), null);
    Map<String, Object> b = VrHalpern.vrHalpern(f, n, z0, "resolvent", 1, 1.5, null, null, 0.3, 0, true, 1e-3,
        10000, null, new Rng(4), null);
    assertEquals(true, a.get("converged"));
    assertEquals(a.get("evaluations"), b.get("evaluations"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(v(a, "residuals"), v(b, "residuals"), 1e-15);
  }

  @Test
  void errorsNameTheParameter() {
    KernelException e = assertThrows(KernelException.class, () -> VrHalpern.vrHalpern(DIAG, N, Tensor.vector(0, 0, 0),
        "backward", 1, 1, null, null, 0.1, 0, true, 1e-6, 10, null, null, null));
    assertTrue(e.getMessage().contains("\"forward\" or \"resolvent\""), e.getMessage());
    e = assertThrows(KernelException.class, () -> VrHalpern.vrHalpern(DIAG, 0, Tensor.vector(0, 0, 0), "forward", 1,
        1, null, null, 0.1, 0, true, 1e-6, 10, null, null, null));
    assertTrue(e.getMessage().contains("n (the number of components) must be >= 1"), e.getMessage());
    Fn bad = args -> Tensor.vector(1, 2);
    e = assertThrows(KernelException.class, () -> VrHalpern.vrHalpern(bad, 3, Tensor.vector(0, 0, 0), "forward", 1, 1,
        null, null, 0.1, 0, true, 1e-6, 10, null, null, null));
    assertTrue(e.getMessage().contains("shape [3]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> VrHalpern.vrHalpern(Tensor.zeros(2, 3, 3), 3, Tensor.vector(0, 0,
        0), "forward", 1, 1, null, null, 0.1, 0, true, 1e-6, 10, null, null, null));
    assertTrue(e.getMessage().contains("stack of n = 3 matrices [3, 3, 3]"), e.getMessage());
  }
}
