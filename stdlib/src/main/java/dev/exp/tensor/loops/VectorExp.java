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
 * nan. A vector whose lanes all lie in [−708, 708] (the common case) skips the clamp, the nan test and
 * the second factor: its results are normal and the one-factor scaling gives the same bits.
 * Within 2 ulp of {@link Math#exp} (tested).
 */
final class VectorExp {
  private VectorExp() {}

  // the constants are ScalarExp's (the scalar loops run the same operations on one value)
  private static final double LOG2E = ScalarExp.LOG2E;
  private static final double LN2_HI = ScalarExp.LN2_HI;
  private static final double LN2_LO = ScalarExp.LN2_LO;
  private static final double ROUND = ScalarExp.ROUND;
  private static final double SHORT_RANGE = ScalarExp.SHORT_RANGE;
  private static final long ROUND_BITS_MINUS_BIAS = ScalarExp.ROUND_BITS_MINUS_BIAS;
  private static final double C2 = ScalarExp.C2;
  private static final double C3 = ScalarExp.C3;
  private static final double C4 = ScalarExp.C4;
  private static final double C5 = ScalarExp.C5;
  private static final double C6 = ScalarExp.C6;
  private static final double C7 = ScalarExp.C7;
  private static final double C8 = ScalarExp.C8;
  private static final double C9 = ScalarExp.C9;
  private static final double C10 = ScalarExp.C10;
  private static final double C11 = ScalarExp.C11;
  private static final double C12 = ScalarExp.C12;
  private static final double C13 = ScalarExp.C13;

  /** exp of every lane. */
  static DoubleVector exp(DoubleVector x) {
    // |x| <= 708 (nan fails the test): k in [-1022, 1022], so p·2^k is one exact multiplication by a
    // normal power of two with a normal result, the same bits as the two-factor scaling of the long path
    if (x.abs().compare(VectorOperators.LE, SHORT_RANGE).allTrue()) {
      DoubleVector t = x.mul(LOG2E).add(ROUND);
      return poly(reduce(x, t)).mul(t.reinterpretAsLongs().sub(ROUND_BITS_MINUS_BIAS)
          .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }
    return expLong(x);
  }

  /** exp with clamping, scaling in two factors (overflow, subnormal results) and nan lanes. */
  static DoubleVector expLong(DoubleVector x0) {
    DoubleVector x = x0.max(-746.0).min(710.0);
    DoubleVector t = x.mul(LOG2E).add(ROUND);   // k sits in the low bits of t's mantissa
    DoubleVector y = scale(poly(reduce(x, t)), t);
    // nan: the clamp keeps it, but its bits make a meaningless k; the result must stay nan
    return y.blend(x0, x0.test(VectorOperators.IS_NAN));
  }

  /** r = x − k·ln 2 in two parts (Cody–Waite), k = t − ROUND. */
  private static DoubleVector reduce(DoubleVector x, DoubleVector t) {
    DoubleVector k = t.sub(ROUND);
    DoubleVector r = k.fma(DoubleVector.broadcast(x.species(), -LN2_HI), x);
    return k.fma(DoubleVector.broadcast(x.species(), -LN2_LO), r);
  }

  // exp is split into small methods so that the JIT inlines each into the caller's loop (a method over
  // FreqInlineSize bytecodes is called instead, and every vector crossing the call becomes an object)

  /** exp(r) for |r| ≤ ln 2 / 2: the Taylor polynomial of degree 13 in Horner form. */
  private static DoubleVector poly(DoubleVector r) {
    DoubleVector p = DoubleVector.broadcast(r.species(), C13);
    p = p.fma(r, DoubleVector.broadcast(r.species(), C12));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C11));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C10));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C9));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C8));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C7));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C6));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C5));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C4));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C3));
    p = p.fma(r, DoubleVector.broadcast(r.species(), C2));
    p = p.fma(r, DoubleVector.broadcast(r.species(), 1.0));
    p = p.fma(r, DoubleVector.broadcast(r.species(), 1.0));
    return p;
  }

  /** p·2^k, k in the low mantissa bits of t (see {@link #exp}), as two factors. */
  private static DoubleVector scale(DoubleVector p, DoubleVector t) {
    // k as an integer without a conversion instruction: t and ROUND share their exponent, so the
    // difference of their bit patterns is k
    LongVector ki = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ROUND));
    LongVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
    LongVector k2 = ki.sub(k1);
    DoubleVector f1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector f2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    return p.mul(f1).mul(f2);
  }
}
