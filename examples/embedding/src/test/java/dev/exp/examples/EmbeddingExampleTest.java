package dev.exp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the embedding example and checks what it computed against values known independently. */
class EmbeddingExampleTest {
  @Test
  void exampleRecoversTheCoefficientsAndShrinksThemWithTheRidgePenalty() throws Exception {
    List<String> printed = new ArrayList<>();
    EmbeddingExample.Result r = EmbeddingExample.run(printed::add);
    assertEquals(1, printed.size());
    assertTrue(printed.get(0).startsWith("n = 50, d = 3, least squares: rmse "), printed.get(0));
    // noise-free samples of 1 + 2x - 0.5x²: least squares recovers the generating coefficients
    assertArrayEquals(new double[] {1, 2, -0.5}, r.coefficients()[0], 1e-9);
    // ridge: the norm of w decreases strictly as lambda grows
    for (int i = 1; i < r.lambdas().length; i++) {
      assertTrue(norm(r.coefficients()[i]) < norm(r.coefficients()[i - 1]), "lambda " + r.lambdas()[i]);
    }
    // lambda = 1 against the normal equations solved here by Cramer's rule
    double[][] x = EmbeddingExample.design(50);
    double[] y = EmbeddingExample.target(x);
    double[][] a = new double[3][3];
    double[] b = new double[3];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 3; j++) {
        b[j] += x[i][j] * y[i];
        for (int k = 0; k < 3; k++) {
          a[j][k] += x[i][j] * x[i][k];
        }
      }
    }
    for (int j = 0; j < 3; j++) {
      a[j][j] += 1;
    }
    double d = det(a);
    for (int c = 0; c < 3; c++) {
      double[][] ac = new double[3][];
      for (int j = 0; j < 3; j++) {
        ac[j] = a[j].clone();
        ac[j][c] = b[j];
      }
      assertEquals(det(ac) / d, r.coefficients()[1][c], 1e-9);
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double det(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
