package dev.exp.tensor.loops;

/**
 * exp of one double by exactly the operations of {@link VectorExp} on one lane, so the scalar loops
 * give the vector loops' bits (and the scalar-first switch of {@link Loops#active()} changes nothing
 * but speed). Method and accuracy are described on {@link VectorExp}: Cody–Waite reduction, the degree-13
 * Taylor polynomial in Horner form by fused multiply-adds, scaling by 2^k built from bits; within 2 ulp
 * of {@link Math#exp}. The constants here are the ones {@link VectorExp} uses.
 */
final class ScalarExp {
  private ScalarExp() {}

  static final double LOG2E = 1.4426950408889634;
  static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
  /** 1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
  static final double ROUND = 6755399441055744.0;
  /** Inputs of magnitude up to this take the short path: 2^k is one normal factor and the result normal. */
  static final double SHORT_RANGE = 708.0;
  /** The bits of ROUND minus the exponent bias: t's bits minus this are k + 1023. */
  static final long ROUND_BITS_MINUS_BIAS = Double.doubleToRawLongBits(ROUND) - 1023;
  /** 1/n!, n = 2 .. 13. */
  static final double C2 = 1.0 / 2;
  static final double C3 = C2 / 3;
  static final double C4 = C3 / 4;
  static final double C5 = C4 / 5;
  static final double C6 = C5 / 6;
  static final double C7 = C6 / 7;
  static final double C8 = C7 / 8;
  static final double C9 = C8 / 9;
  static final double C10 = C9 / 10;
  static final double C11 = C10 / 11;
  static final double C12 = C11 / 12;
  static final double C13 = C12 / 13;

  /** exp(x), bit for bit as a lane of {@link VectorExp#exp}. */
  static double exp(double x) {
    if (Math.abs(x) <= SHORT_RANGE) {
      double t = x * LOG2E + ROUND;
      return poly(reduce(x, t)) * Double.longBitsToDouble((Double.doubleToRawLongBits(t) - ROUND_BITS_MINUS_BIAS) << 52);
    }
    if (x != x) {
      return x;
    }
    double c = Math.min(Math.max(x, -746.0), 710.0);
    double t = c * LOG2E + ROUND;
    double p = poly(reduce(c, t));
    long ki = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUND);
    long k1 = ki >> 1;
    long k2 = ki - k1;
    return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
  }

  /** The logistic function as the vector loops compute it: e = exp(−|x|), then 1/(e + 1) or e/(e + 1). */
  static double sigmoid(double x) {
    double e = exp(-Math.abs(x));
    double d = e + 1.0;
    return x >= 0.0 ? 1.0 / d : e / d;
  }

  private static double reduce(double x, double t) {
    double k = t - ROUND;
    return Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
  }

  private static double poly(double r) {
    double p = C13;
    p = Math.fma(p, r, C12);
    p = Math.fma(p, r, C11);
    p = Math.fma(p, r, C10);
    p = Math.fma(p, r, C9);
    p = Math.fma(p, r, C8);
    p = Math.fma(p, r, C7);
    p = Math.fma(p, r, C6);
    p = Math.fma(p, r, C5);
    p = Math.fma(p, r, C4);
    p = Math.fma(p, r, C3);
    p = Math.fma(p, r, C2);
    p = Math.fma(p, r, 1.0);
    return Math.fma(p, r, 1.0);
  }
}
