package dev.exp.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The loops of the Krylov solvers: each against its formula written out here element by element (sums
 * in the documented lane order), and the vector loops bit-identical to the scalar ones, also in a
 * child JVM whose vectors have 4 lanes.
 */
class SolverLoopsTest {
  private static final int[] SIZES = {0, 1, 7, 8, 9, 15, 16, 17, 100, 1027};

  static double[] randn(int n, long seed) {
    Random r = new Random(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
    }
    return a;
  }

  /** Σ f(i) in lane i mod 8, lanes combined as documented. */
  static double laneSum(int from, int to, java.util.function.IntToDoubleFunction f) {
    double[] l = new double[8];
    for (int i = from; i < to; i++) {
      l[i % 8] += f.applyAsDouble(i);
    }
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
  }

  static void bits(double want, double got, String what) {
    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), what + ": " + want + " vs " + got);
  }

  /** Checks one implementation against the formulas; returns nothing, throws on the first difference. */
  static void checkFormulas(SolverLoops loops) {
    for (int n : SIZES) {
      String at = loops.describe() + " n=" + n;
      double[] a = randn(n, 1 + n);
      double[] b = randn(n, 2 + n);
      double[] c = randn(n, 3 + n);
      double[] d = randn(n, 4 + n);
      bits(laneSum(0, n, i -> a[i] * b[i]), loops.dot(a, b, n), at + " dot");
      for (int from = 0; from <= Math.min(n, 11); from += 3) {
        double[] l = SolverLoops.newLanes();
        loops.dotInto(a, b, from, n, l);
        final int f0 = from;
        bits(laneSum(f0, n, i -> a[i] * b[i]), SolverLoops.finish(l), at + " dotInto from " + from);
      }
      double alpha = 0.37;
      double beta = -1.25;
      double[] y = c.clone();
      loops.axpy(alpha, a, y, n);
      double[] p = c.clone();
      loops.xpby(a, beta, p, n);
      double[] s = c.clone();
      loops.scale(alpha, s, n);
      for (int i = 0; i < n; i++) {
        bits(c[i] + alpha * a[i], y[i], at + " axpy");
        bits(a[i] + beta * c[i], p[i], at + " xpby");
        bits(c[i] * alpha, s[i], at + " scale");
      }
      double[] x = c.clone();
      double[] r = d.clone();
      double rr = loops.cgStep(alpha, a, b, x, r, n);
      bits(laneSum(0, n, i -> (d[i] - alpha * b[i]) * (d[i] - alpha * b[i])), rr, at + " cgStep norm");
      for (int i = 0; i < n; i++) {
        bits(c[i] + alpha * a[i], x[i], at + " cgStep x");
        bits(d[i] - alpha * b[i], r[i], at + " cgStep r");
      }
      double omega = 0.81;
      double[] dir = c.clone();
      loops.bicgDirection(a, beta, omega, b, dir, n);
      double[] sv = new double[n];
      double ss = loops.subtractNorm(a, alpha, b, sv, n);
      bits(laneSum(0, n, i -> (a[i] - alpha * b[i]) * (a[i] - alpha * b[i])), ss, at + " subtractNorm");
      double[] two = new double[2];
      loops.dot2(a, b, n, two);
      bits(laneSum(0, n, i -> a[i] * a[i]), two[0], at + " dot2 tt");
      bits(laneSum(0, n, i -> a[i] * b[i]), two[1], at + " dot2 ts");
      double[] bx = c.clone();
      double[] br = new double[n];
      double brr = loops.bicgStep(alpha, a, omega, b, d, bx, br, n);
      bits(laneSum(0, n, i -> (b[i] - omega * d[i]) * (b[i] - omega * d[i])), brr, at + " bicgStep norm");
      for (int i = 0; i < n; i++) {
        bits(a[i] + beta * (c[i] - omega * b[i]), dir[i], at + " bicgDirection");
        bits(a[i] - alpha * b[i], sv[i], at + " subtractNorm s");
        bits(c[i] + (alpha * a[i] + omega * b[i]), bx[i], at + " bicgStep x");
        bits(b[i] - omega * d[i], br[i], at + " bicgStep r");
      }
      // diagonal sweeps at an offset, first (0 + c x) and accumulating
      if (n > 4) {
        int len = n - 3;
        double[] yd = d.clone();
        loops.diagonal(-0.0, a, 3, yd, 0, len, true);
        double[] ya = d.clone();
        loops.diagonal(b, 1, a, 3, ya, 0, len, false);
        double[] cs = {1.5, -0.0, 2};
        int[] offs = {-2, 0, 3};
        double[] ys = d.clone();
        loops.stencil(cs, offs, 3, a, ys, 2, n - 3);
        for (int i = 0; i < n; i++) {
          double want = i >= 2 && i < n - 3 ? ((0.0 + 1.5 * a[i - 2]) + -0.0 * a[i]) + 2 * a[i + 3] : d[i];
          bits(want, ys[i], at + " stencil");
        }
        for (int k = 0; k < len; k++) {
          bits(0.0 + -0.0 * a[3 + k], yd[k], at + " diagonal first (+0, not -0)");
          bits(d[k] + b[1 + k] * a[3 + k], ya[k], at + " diagonal values");
        }
      }
    }
  }

  @Test
  void scalarLoopsFollowTheirFormulas() {
    checkFormulas(SolverLoops.scalar());
  }

  @Test
  void vectorLoopsFollowTheSameFormulasBitForBit() {
    SolverLoops v = SolverLoops.vectorOrNull();
    assertNotNull(v, "the tests run with jdk.incubator.vector");
    checkFormulas(v);
    // and on special values the two agree exactly (NaN payloads aside)
    double[] a = randn(37, 9);
    double[] b = randn(37, 10);
    a[5] = Double.POSITIVE_INFINITY;
    b[11] = Double.NaN;
    a[20] = -0.0;
    assertEquals(SolverLoops.scalar().dot(a, b, 37), v.dot(a, b, 37));
    double[] x1 = randn(37, 11);
    double[] x2 = x1.clone();
    double[] r1 = b.clone();
    double[] r2 = b.clone();
    assertEquals(SolverLoops.scalar().cgStep(2, a, b, x1, r1, 37), v.cgStep(2, a, b, x2, r2, 37));
    assertArrayEquals(x1, x2);
    assertArrayEquals(r1, r2);
  }

  /** Run in a child JVM: checks the active (vector) loops and prints their description. */
  public static void main(String[] args) {
    checkFormulas(SolverLoops.chosen());
    System.out.println(SolverLoops.chosen().describe());
  }

  @Test
  void fourLaneVectorsKeepTheLaneOrder() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32",
        "-cp", System.getProperty("java.class.path"), SolverLoopsTest.class.getName()));
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out + err);
    assertEquals("vector (4 x float64 lanes)", out);
  }
}
