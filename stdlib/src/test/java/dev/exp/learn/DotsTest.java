package dev.exp.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotsTest {
  @Test
  void vectorDotsAreBitIdenticalToTheScalarLoops() {
    Dots v = Dots.vectorOrNull();
    assertNotNull(v, "the tests run with jdk.incubator.vector");
    Dots s = Dots.scalar();
    Random r = new Random(7);
    for (int n = 0; n <= 70; n++) {
      double[] a = new double[n + 5];
      double[] b = new double[n + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextGaussian();
      }
      assertEquals(s.dot(a, 5, b, 3, n), v.dot(a, 5, b, 3, n), 0.0, "dot n=" + n);
      double[] y1 = b.clone();
      double[] y2 = b.clone();
      s.axpy(-0.37, a, 5, y1, 3, n);
      v.axpy(-0.37, a, 5, y2, 3, n);
      assertEquals(java.util.Arrays.toString(y1), java.util.Arrays.toString(y2), "axpy n=" + n);
    }
  }

  @Test
  void dotIsTheExactSumToRounding() {
    Random r = new Random(3);
    int n = 1001;
    double[] a = new double[n];
    double[] b = new double[n];
    BigDecimal exact = BigDecimal.ZERO;
    double abs = 0;
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian();
      exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
      abs += Math.abs(a[i] * b[i]);
    }
    for (Dots d : new Dots[] {Dots.scalar(), Dots.chosen()}) {
      // 16 lanes of ~62 terms, combined pairwise, then a tail of 9 terms: error below (62 + 4 + 9) ε Σ|a_i b_i|
      assertEquals(exact.doubleValue(), d.dot(a, 0, b, 0, n), 75 * Math.ulp(1.0) * abs);
    }
    double[] y = {1, 2, 3};
    Dots.active().axpy(2, new double[] {0.5, -1, 4}, 0, y, 0, 3);
    assertEquals("[2.0, 0.0, 11.0]", java.util.Arrays.toString(y));
  }

  @Test
  void syrkUpperIsTheGramMatrixAndBitIdentical() {
    Random r = new Random(5);
    for (int p : new int[] {1, 5, 8, 13, 51}) {
      int ps = Dots.stride(p);
      int m = 37;
      double[] b = new double[m * ps];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < p; j++) {
          b[i * ps + j] = r.nextGaussian();
        }
      }
      double[] hs = new double[ps * ps];
      double[] hv = new double[ps * ps];
      java.util.Arrays.fill(hs, 1.0);
      java.util.Arrays.fill(hv, 1.0);
      Dots.scalar().syrkUpper(b, m, p, ps, hs);
      Dots.vectorOrNull().syrkUpper(b, m, p, ps, hv);
      for (int j = 0; j < p; j++) {
        for (int l = j; l < p; l++) {
          double exact = 0;
          for (int i = 0; i < m; i++) {
            exact += b[i * ps + j] * b[i * ps + l];
          }
          assertEquals(1 + exact, hs[j * ps + l], 1e-12, "p=" + p + " (" + j + "," + l + ")");
          assertEquals(hs[j * ps + l], hv[j * ps + l], 0.0, "bit-identical p=" + p);
        }
      }
    }
  }
}
