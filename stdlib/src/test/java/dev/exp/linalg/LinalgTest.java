package dev.exp.linalg;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Creation;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Random;
import dev.exp.tensor.Shapes;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinalgTest {
  static Tensor hilbert(int n) {
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] = 1.0 / (i + j + 1);
      }
    }
    return Tensor.matrix(h);
  }

  static Tensor mm(Tensor a, Tensor b) {
    return MatMul.matmul(a, b);
  }

  static Tensor tr(Tensor a) {
    return Shapes.transpose(a);
  }

  @Test
  void invOfHilbertIsTheExactIntegerMatrix() {
    Tensor expected = Tensor.matrix(new double[][] {
        {16, -120, 240, -140}, {-120, 1200, -2700, 1680}, {240, -2700, 6480, -4200}, {-140, 1680, -4200, 2800}});
    close(expected, Linalg.inv(hilbert(4)), 1e-9);
  }

  @Test
  void solveVectorAndMatrix() {
    Tensor a = Tensor.matrix(new double[][] {{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}});
    // classic Gaussian elimination example: x = (2, 3, -1)
    close(new int[] {3}, new double[] {2, 3, -1}, Linalg.solve(a, Tensor.vector(8, -11, -3)), 1e-13);
    Tensor big = Random.randn(new int[] {40, 40}, new Rng(1));
    Tensor x = Random.randn(new int[] {40, 3}, new Rng(2));
    close(x, Linalg.solve(big, mm(big, x)), 1e-9);
    // needs pivoting: zero in the top-left corner
    close(new int[] {2}, new double[] {3, 2}, Linalg.solve(Tensor.matrix(new double[][] {{0, 1}, {1, 0}}), Tensor.vector(2, 3)), 0);
  }

  @Test
  void singularAndBadInputErrors() {
    Tensor s = Tensor.matrix(new double[][] {{1, 2}, {2, 4}});
    KernelException e = assertThrows(KernelException.class, () -> Linalg.solve(s, Tensor.vector(1, 2)));
    assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("[2, 2]"), e.getMessage());
    assertThrows(KernelException.class, () -> Linalg.inv(s));
    KernelException near = assertThrows(KernelException.class, () -> Linalg.solve(hilbert(14), Creation.ones(new int[] {14})));
    assertTrue(near.getMessage().contains("rcond = "), near.getMessage());
    KernelException sq = assertThrows(KernelException.class, () -> Linalg.inv(Tensor.zeros(2, 3)));
    assertTrue(sq.getMessage().contains("square") && sq.getMessage().contains("[2, 3]"), sq.getMessage());
    KernelException b = assertThrows(KernelException.class, () -> Linalg.solve(Creation.eye(3), Tensor.vector(1, 2)));
    assertTrue(b.getMessage().contains("[3, 3]") && b.getMessage().contains("[2]"), b.getMessage());
    KernelException nan = assertThrows(KernelException.class,
        () -> Linalg.det(Tensor.matrix(new double[][] {{1, Double.NaN}, {0, 1}})));
    assertTrue(nan.getMessage().contains("nan"), nan.getMessage());
    assertThrows(KernelException.class, () -> Linalg.solve(Creation.eye(2), Tensor.vector(1, Double.POSITIVE_INFINITY)));
  }

  @Test
  void singularTestUsesTheOneNormConditionNumberNotTheInfinityNorm() {
    // A = [[1, a, a], [0, 1, 0], [0, 0, 1]] has A⁻¹ = [[1, -a, -a], [0, 1, 0], [0, 0, 1]]:
    // κ₁(A) = (1 + a)² and κ∞(A) = (1 + 2a)². With a = 5e7, rcond₁ = 4.0e-16 is above machine epsilon
    // (2.2e-16) and rcond∞ = 1.0e-16 below it, so only a 1-norm estimate accepts A; Aᵀ swaps the two.
    double a = 5e7;
    Tensor m = Tensor.matrix(new double[][] {{1, a, a}, {0, 1, 0}, {0, 0, 1}});
    assertEquals(1 / ((1 + a) * (1 + a)), LuFactor.of(Mat.square(m, "t", "A")).rcondEstimate(), 1e-20);
    double rcondT = LuFactor.of(Mat.square(tr(m), "t", "A")).rcondEstimate();
    assertTrue(rcondT >= 0.99 / ((1 + 2 * a) * (1 + 2 * a)) && rcondT < 2.2e-16, "rcond of Aᵀ " + rcondT);
    // solve equilibrates first (powers of two, exact): both are then well conditioned and solved
    close(new int[] {3}, new double[] {1 - 2 * a, 1, 1}, Linalg.solve(m, Tensor.vector(1, 1, 1)), 1e-6);
    close(new int[] {3}, new double[] {1, 1 - a, 1 - a}, Linalg.solve(tr(m), Tensor.vector(1, 1, 1)), 1e-6);
    // a matrix right-hand side on the transposed factor: columns solved independently
    Tensor rhs = Tensor.matrix(new double[][] {{1, 0}, {1, 2}, {1, 3}});
    close(new int[] {3, 2}, new double[] {1 - 2 * a, -5 * a, 1, 2, 1, 3}, Linalg.solve(m, rhs), 1e-6);
  }

  @Test
  void badlyScaledButWellConditionedSystemsAreSolvedAsNumpy() {
    // numpy.linalg.solve([[1e-20, 0], [0, 1]], [1, 1]) = [1e20, 1]; ([[1e300, 2e300], [3, 4]], [1, 2]) = [2, -1]
    close(new int[] {2}, new double[] {1e20, 1}, Linalg.solve(Tensor.matrix(new double[][] {{1e-20, 0}, {0, 1}}),
        Tensor.vector(1, 1)), 0);
    close(new int[] {2}, new double[] {2, -1}, Linalg.solve(Tensor.matrix(new double[][] {{1e300, 2e300}, {3, 4}}),
        Tensor.vector(1, 2)), 1e-15);
    // a row of subnormals: scaled by 2^1000 at most, still solved exactly
    close(new int[] {2}, new double[] {1, 1}, Linalg.solve(Tensor.matrix(new double[][] {{1e-310, 0}, {0, 1}}),
        Tensor.vector(1e-310, 1)), 1e-15);
    assertEquals(1.0 / 8, Equilibration.reciprocalPowerOfTwo(10), 0);
    assertEquals(1, Equilibration.reciprocalPowerOfTwo(0), 0);
  }

  @Test
  void determinants() {
    assertEquals(-2, Linalg.det(Tensor.matrix(new double[][] {{1, 2}, {3, 4}})), 1e-14);
    assertEquals(-306, Linalg.det(Tensor.matrix(new double[][] {{6, 1, 1}, {4, -2, 5}, {2, 8, 7}})), 1e-12);
    assertEquals(-1, Linalg.det(Tensor.matrix(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}})), 0);
    assertEquals(0, Linalg.det(Tensor.matrix(new double[][] {{1, 2}, {2, 4}})), 0);
    // det of the 4x4 Hilbert matrix is 1/6048000
    assertEquals(1.0 / 6048000, Linalg.det(hilbert(4)), 1e-19);
    assertEquals(24, Linalg.det(Creation.diag(Tensor.vector(1, 2, 3, 4), 0)), 1e-14);
    Map<String, Object> sl = Linalg.slogdet(Tensor.matrix(new double[][] {{6, 1, 1}, {4, -2, 5}, {2, 8, 7}}));
    assertEquals(-1.0, sl.get("sign"));
    assertEquals(Math.log(306), (Double) sl.get("logabsdet"), 1e-13);
  }

  @Test
  void lstsqExactAndNoisy() {
    Rng rng = new Rng(3);
    Tensor xs = Random.randn(new int[] {30}, rng);
    double[] a = new double[30 * 3];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      double v = xs.at(i);
      a[3 * i] = 1;
      a[3 * i + 1] = v;
      a[3 * i + 2] = v * v;
      y[i] = 2 - 3 * v + 0.5 * v * v;
    }
    Tensor A = Tensor.wrap(new int[] {30, 3}, a);
    Map<String, Object> r = Linalg.lstsq(A, Tensor.vector(y), null);
    close(new int[] {3}, new double[] {2, -3, 0.5}, (Tensor) r.get("x"), 1e-12);
    assertEquals(0, (Double) r.get("residuals"), 1e-20);
    assertEquals(3.0, r.get("rank"));
    // noisy: matches the normal equations
    Tensor noisy = Tensor.zip(Tensor.vector(y), Random.randn(new int[] {30}, rng), (p, q) -> p + 0.3 * q);
    Tensor x = (Tensor) Linalg.lstsq(A, noisy, null).get("x");
    Tensor normal = Linalg.solve(mm(tr(A), A), mm(tr(A), noisy));
    close(normal, x, 1e-10);
    Tensor res = Tensor.zip(mm(A, x), noisy, (p, q) -> p - q);
    assertEquals((Double) MatMul.dot(res, res), (Double) Linalg.lstsq(A, noisy, null).get("residuals"), 1e-10);
    // rank-deficient: duplicated column, minimum-norm solution splits the weight
    Tensor D = Tensor.matrix(new double[][] {{1, 1}, {2, 2}, {3, 3}});
    Map<String, Object> rd = Linalg.lstsq(D, Tensor.vector(2, 4, 6), null);
    close(new int[] {2}, new double[] {1, 1}, (Tensor) rd.get("x"), 1e-12);
    assertEquals(1.0, rd.get("rank"));
    // matrix right-hand side: each column solved independently
    Tensor B = Shapes.stack(java.util.List.of(Tensor.vector(y), noisy), 1);
    Map<String, Object> rb = Linalg.lstsq(A, B, null);
    Tensor X = (Tensor) rb.get("x");
    assertArrayEquals(new int[] {3, 2}, X.shape());
    for (int i = 0; i < 3; i++) {
      assertEquals(new double[] {2, -3, 0.5}[i], X.get(i, 0), 1e-12);
      assertEquals(x.at(i), X.get(i, 1), 1e-12);
    }
    assertArrayEquals(new int[] {2}, ((Tensor) rb.get("residuals")).shape());
  }

  @Test
  void pinvSatisfiesPenroseConditions() {
    // rank 2, 4x3
    Tensor a = Tensor.matrix(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}, {0, 1, 1}});
    Tensor p = Linalg.pinv(a, null);
    assertArrayEquals(new int[] {3, 4}, p.shape());
    close(a, mm(mm(a, p), a), 1e-12);
    close(p, mm(mm(p, a), p), 1e-12);
    Tensor ap = mm(a, p);
    close(ap, tr(ap), 1e-12);
    Tensor pa = mm(p, a);
    close(pa, tr(pa), 1e-12);
    // of an invertible matrix it is the inverse
    close(Linalg.inv(hilbert(3)), Linalg.pinv(hilbert(3), null), 1e-9);
  }

  @Test
  void rankAndCond() {
    Tensor u = Random.randn(new int[] {6, 2}, new Rng(5));
    Tensor v = Random.randn(new int[] {2, 5}, new Rng(6));
    assertEquals(2, Linalg.rank(mm(u, v), null));
    assertEquals(5, Linalg.rank(Creation.eye(5), null));
    assertEquals(0, Linalg.rank(Tensor.zeros(3, 3), null));
    assertEquals(1, Linalg.rank(Tensor.vector(0, 2), null));
    assertEquals(10, Linalg.cond(Creation.diag(Tensor.vector(1, -10), 0)), 1e-13);
    Tensor rot = Tensor.matrix(new double[][] {{0.6, -0.8}, {0.8, 0.6}});
    assertEquals(1, Linalg.cond(rot), 1e-14);
    assertEquals(Double.POSITIVE_INFINITY, Linalg.cond(Tensor.matrix(new double[][] {{1, 1}, {1, 1}})));
    // cond of [[3,2,2],[2,3,-2]] is 5 / 3
    assertEquals(5.0 / 3, Linalg.cond(Tensor.matrix(new double[][] {{3, 2, 2}, {2, 3, -2}})), 1e-14);
  }

  @Test
  void traceKronOuterNorm() {
    assertEquals(5, Linalg.trace(Tensor.matrix(new double[][] {{1, 2}, {3, 4}})));
    Tensor k = Linalg.kron(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}), Tensor.matrix(new double[][] {{0, 1}, {1, 0}}));
    close(new int[] {4, 4}, new double[] {0, 1, 0, 2, 1, 0, 2, 0, 0, 3, 0, 4, 3, 0, 4, 0}, k, 0);
    close(new int[] {4}, new double[] {3, 4, 6, 8}, Linalg.kron(Tensor.vector(1, 2), Tensor.vector(3, 4)), 0);
    close(new int[] {2, 2}, new double[] {3, 4, 6, 8}, Linalg.outer(Tensor.vector(1, 2), Tensor.vector(3, 4)), 0);
    assertEquals(5.0, Linalg.norm(Tensor.vector(3, 4), null, null, false));
    assertEquals(7.0, Linalg.norm(Tensor.matrix(new double[][] {{1, -2}, {3, 4}}), Double.POSITIVE_INFINITY, null, false));
  }

  @Test
  void stacksOfMatricesMatchNumpy() {
    // numpy.linalg on A = [[[2, 1], [1, 3]], [[4, -2], [1, 1]], [[0, 1], [1, 0]]]
    Tensor a = Tensor.wrap(new int[] {3, 2, 2}, new double[] {2, 1, 1, 3, 4, -2, 1, 1, 0, 1, 1, 0});
    close(new int[] {3}, new double[] {5, 6, -1}, (Tensor) Linalg.determinant(a), 1e-14);
    close(new int[] {3, 2}, new double[] {0.2, 0.6, 5.0 / 6, 7.0 / 6, 2, 1}, Linalg.solve(a, Tensor.vector(1, 2)), 1e-14);
    Tensor b = Tensor.wrap(new int[] {3, 2, 1}, new double[] {1, 2, 3, 4, 5, 6});
    close(new int[] {3, 2, 1}, new double[] {0.2, 0.6, 11.0 / 6, 13.0 / 6, 6, 5}, Linalg.solve(a, b), 1e-14);
    Tensor inv = Linalg.inv(a);
    close(new int[] {3, 2, 2}, new double[] {0.6, -0.2, -0.2, 0.4, 1.0 / 6, 1.0 / 3, -1.0 / 6, 2.0 / 3, 0, 1, 1, 0}, inv, 1e-14);
    Map<String, Object> sl = Linalg.slogdet(a);
    close(new int[] {3}, new double[] {1, 1, -1}, (Tensor) sl.get("sign"), 0);
    close(new int[] {3}, new double[] {Math.log(5), Math.log(6), 0}, (Tensor) sl.get("logabsdet"), 1e-14);
    // a single matrix against a stack of right-hand sides broadcasts (the batch comes from b)
    Tensor one = Tensor.matrix(new double[][] {{2, 1}, {1, 3}});
    close(new int[] {2, 2, 1}, new double[] {0.2, 0.6, 1, 1}, Linalg.solve(one, Tensor.wrap(new int[] {2, 2, 1},
        new double[] {1, 2, 3, 4})), 1e-14);
    // a stack [k, n] is not a stack of vectors (NumPy 2): the error says how to write one
    KernelException e = assertThrows(KernelException.class, () -> Linalg.solve(a, Tensor.zeros(3, 2)));
    assertTrue(e.getMessage().contains("[..., 2, 1]"), e.getMessage());
    KernelException sing = assertThrows(KernelException.class, () -> Linalg.inv(Tensor.wrap(new int[] {2, 2, 2},
        new double[] {1, 0, 0, 1, 1, 2, 2, 4})));
    assertTrue(sing.getMessage().contains("A[1] (shape [2, 2]) is singular"), sing.getMessage());
  }
}
