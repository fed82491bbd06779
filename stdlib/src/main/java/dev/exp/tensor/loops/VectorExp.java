package dev.exp.tensor.loops;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp on a vector from plain IEEE operations only (multiply, add, fused multiply-add, conversions,
 * shifts), so its bits are the same whether the JIT has compiled the code or not. The Vector API's own
 * {@code lanewise(EXP)} is not: compiled it runs Intel's SVML, interpreted a Java fallback, and the two
 * differ in the last bits, so results would depend on how warm the JVM is.
 *
 * <p>Method: {@code k = round(x·log2 e)}, {@code r = x − k·ln 2} in two parts (Cody–Waite), exp(r) by
 * its Taylor polynomial of degree 13 (|r| ≤ ln 2 / 2, truncation below 1e-17) in Horner form, then the
 * scaling by 2^k as two factors 2^⌊k/2⌋·2^(k−⌊k/2⌋) so results near overflow and in the subnormal
 * range come out right. Inputs are clamped to [−746, 710] first (exp is 0 or +inf beyond); nan stays
 * nan. Within 2 ulp of {@link Math#exp} (tested).
 */
final class VectorExp {
  private VectorExp() {}

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
  /** 1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
  private static final double ROUND = 6755399441055744.0;
  /** 1/n! for n = 13 down to 0. */
  private static final double[] COEF = new double[14];

  static {
    double f = 1;
    double[] inv = new double[14];
    for (int n = 0; n < 14; n++) {
      if (n > 0) {
        f *= n;
      }
      inv[n] = 1 / f;
    }
    for (int n = 0; n < 14; n++) {
      COEF[n] = inv[13 - n];
    }
  }

  /** exp of every lane. */
  static DoubleVector exp(DoubleVector x0) {
    DoubleVector x = x0.max(-746.0).min(710.0);
    DoubleVector k = x.mul(LOG2E).add(ROUND).sub(ROUND);
    DoubleVector r = k.fma(DoubleVector.broadcast(x.species(), -LN2_HI), x);
    r = k.fma(DoubleVector.broadcast(x.species(), -LN2_LO), r);
    DoubleVector p = DoubleVector.broadcast(x.species(), COEF[0]);
    for (int i = 1; i < COEF.length; i++) {
      p = p.fma(r, DoubleVector.broadcast(x.species(), COEF[i]));
    }
    LongVector ki = (LongVector) k.convert(VectorOperators.D2L, 0);
    LongVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
    LongVector k2 = ki.sub(k1);
    DoubleVector f1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector f2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector y = p.mul(f1).mul(f2);
    // nan: the clamp keeps it, but the conversion of nan gives k = 0; make sure it stays nan
    return y.blend(x0, x0.test(VectorOperators.IS_NAN));
  }
}
