package dev.exp.tensor.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * The vector exp against StrictMath.exp (fdlibm, an independent implementation): within 2 ulp over the
 * whole range, exact at the specials, and the same bits before and after the JIT compiles it.
 */
class VectorExpTest {
  private static final int L = DoubleVector.SPECIES_PREFERRED.length();

  static double[] exp(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i + L <= x.length; i += L) {
      VectorExp.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i)).intoArray(out, i);
    }
    return out;
  }

  static void within2Ulp(double x, double got) {
    double want = StrictMath.exp(x);
    if (Double.isNaN(want) || Double.isInfinite(want) || want == 0) {
      assertEquals(want, got, "exp(" + x + ")");
      return;
    }
    double ulp = Math.ulp(want);
    assertTrue(Math.abs(got - want) <= 2 * ulp, "exp(" + x + ") = " + got + ", want " + want);
  }

  @Test
  void wholeRangeAndSpecials() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 200_000 / L * L;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = switch (i % 4) {
        case 0 -> (r.nextDouble() - 0.5) * 1500;       // the whole range, overflow and underflow too
        case 1 -> (r.nextDouble() - 0.5) * 4;
        case 2 -> -708 - r.nextDouble() * 38;           // the subnormal results
        default -> 700 + r.nextDouble() * 10;           // near overflow
      };
    }
    double[] y = exp(x);
    for (int i = 0; i < n; i++) {
      within2Ulp(x[i], y[i]);
    }
    double[] specials = new double[L * 2];
    double[] s = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 709.782712893384,
        709.7827128933841, -745.1332191019411, -745.1332191019412, 1e-300, -1e-300, 1, -1, 0.5 * Math.log(2),
        Math.log(2), 2e-16};
    System.arraycopy(s, 0, specials, 0, Math.min(s.length, specials.length));
    double[] ys = exp(specials);
    for (int i = 0; i < specials.length; i++) {
      within2Ulp(specials[i], ys[i]);
    }
    assertEquals(1.0, ys[3]);
    assertEquals(1.0, ys[4]);
  }

  /** The same inputs give the same bits however often the code ran (interpreted first, compiled later). */
  @Test
  void bitsDoNotDependOnTheJitState() {
    SplittableRandom r = new SplittableRandom(4);
    double[] x = new double[L * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = (r.nextDouble() - 0.5) * 60;
    }
    double[] first = exp(x);
    for (int rep = 0; rep < 30_000; rep++) {
      double[] again = exp(x);
      if (rep % 5000 == 0 || rep == 29_999) {
        for (int i = 0; i < x.length; i++) {
          assertEquals(Double.doubleToLongBits(first[i]), Double.doubleToLongBits(again[i]), "rep " + rep + " at " + i);
        }
      }
    }
  }

  /** The one-factor short path gives the same bits as the general path wherever it is taken. */
  @Test
  void shortPathEqualsTheGeneralPath() {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[L * 4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (i % 3) {
        case 0 -> (r.nextDouble() - 0.5) * 1416;        // all of [-708, 708]
        case 1 -> (r.nextDouble() - 0.5) * 2;
        default -> (r.nextBoolean() ? 1 : -1) * (708 - r.nextDouble() * 1e-3); // the edges of the short range
      };
    }
    for (int i = 0; i + L <= x.length; i += L) {
      DoubleVector v = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i);
      double[] a = VectorExp.exp(v).toArray();
      double[] b = VectorExp.expLong(v).toArray();
      for (int j = 0; j < L; j++) {
        assertEquals(Double.doubleToLongBits(b[j]), Double.doubleToLongBits(a[j]), "exp(" + x[i + j] + ")");
      }
    }
  }

  /** The scalar loops' exp and sigmoid are the vector ones lane by lane, bit for bit, specials included. */
  @Test
  void scalarExpAndSigmoidGiveTheVectorBits() {
    SplittableRandom r = new SplittableRandom(6);
    double[] x = new double[L * 8192];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (i % 4) {
        case 0 -> (r.nextDouble() - 0.5) * 1500;
        case 1 -> (r.nextDouble() - 0.5) * 4;
        case 2 -> -708 - r.nextDouble() * 40;
        default -> 700 + r.nextDouble() * 12;
      };
    }
    double[] s = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 708.0, -708.0,
        Math.nextUp(708.0), Math.nextDown(-708.0), 709.782712893384, -745.1332191019411, -746.0, 710.0, 1e-300};
    System.arraycopy(s, 0, x, 0, s.length);
    double[] vexp = exp(x);
    double[] vsig = new double[x.length];
    Loops vector = Loops.vectorOrNull();
    vector.unary(dev.exp.tensor.op.UnaryOp.SIGMOID, x, 0, vsig, 0, x.length);
    double[] sexp = new double[x.length];
    double[] ssig = new double[x.length];
    Loops.scalar().unary(dev.exp.tensor.op.UnaryOp.EXP, x, 0, sexp, 0, x.length);
    Loops.scalar().unary(dev.exp.tensor.op.UnaryOp.SIGMOID, x, 0, ssig, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Double.doubleToRawLongBits(vexp[i]), Double.doubleToRawLongBits(sexp[i]), "exp(" + x[i] + ")");
      assertEquals(Double.doubleToRawLongBits(vsig[i]), Double.doubleToRawLongBits(ssig[i]), "sigmoid(" + x[i] + ")");
    }
    assertEquals(0.5, ssig[4]);
  }
}
