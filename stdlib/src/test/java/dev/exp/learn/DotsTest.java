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
    for (Dots d : new Dots[] {Dots.scalar(), Dots.active()}) {
      // pairwise over 16 lanes of ~63 terms each: error below (63 + 4) ε Σ|a_i b_i|
      assertEquals(exact.doubleValue(), d.dot(a, 0, b, 0, n), 67 * Math.ulp(1.0) * abs);
    }
    double[] y = {1, 2, 3};
    Dots.active().axpy(2, new double[] {0.5, -1, 4}, 0, y, 0, 3);
    assertEquals("[2.0, 0.0, 11.0]", java.util.Arrays.toString(y));
  }
}
