package dev.exp.tensor.loops;

import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loops on {@code jdk.incubator.vector.DoubleVector} (the JDK's SVML for exp/log/tanh on x86).
 * Loaded only by reflection from {@link Loops#active()}; operators without a vector loop here run
 * the scalar loops. Exact operators finish a run with scalar code (bit-identical); transcendental
 * ones compute the tail through a padded vector so every element goes through the same code.
 */
final class VectorLoops extends ScalarLoops {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  boolean usable() {
    return L == 4 || L == 8;
  }

  @Override
  public String describe() {
    return "vector (" + L + " x float64 lanes)";
  }

  private static DoubleVector v(double[] a, int i) {
    return DoubleVector.fromArray(S, a, i);
  }

  private static DoubleVector ones() {
    return DoubleVector.broadcast(S, 1.0);
  }

  private static DoubleVector zeros() {
    return DoubleVector.zero(S);
  }

  private static DoubleVector bit(VectorMask<Double> m) {
    return zeros().blend(ones(), m);
  }

  @Override
  public void binary(BinaryOp op, double[] a, int ai, double[] b, int bi, double[] out, int oi, int n) {
    int up = S.loopBound(n);
    int i = 0;
    switch (op) {
      case ADD: for (; i < up; i += L) v(a, ai + i).add(v(b, bi + i)).intoArray(out, oi + i); break;
      case SUB: for (; i < up; i += L) v(a, ai + i).sub(v(b, bi + i)).intoArray(out, oi + i); break;
      case MUL: for (; i < up; i += L) v(a, ai + i).mul(v(b, bi + i)).intoArray(out, oi + i); break;
      case DIV: for (; i < up; i += L) v(a, ai + i).div(v(b, bi + i)).intoArray(out, oi + i); break;
      case MAXIMUM: for (; i < up; i += L) v(a, ai + i).max(v(b, bi + i)).intoArray(out, oi + i); break;
      case MINIMUM: for (; i < up; i += L) v(a, ai + i).min(v(b, bi + i)).intoArray(out, oi + i); break;
      case EQ: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.EQ, v(b, bi + i))).intoArray(out, oi + i); break;
      case NE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.NE, v(b, bi + i))).intoArray(out, oi + i); break;
      case LT: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.LT, v(b, bi + i))).intoArray(out, oi + i); break;
      case LE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.LE, v(b, bi + i))).intoArray(out, oi + i); break;
      case GT: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.GT, v(b, bi + i))).intoArray(out, oi + i); break;
      case GE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.GE, v(b, bi + i))).intoArray(out, oi + i); break;
      default: break;
    }
    super.binary(op, a, ai + i, b, bi + i, out, oi + i, n - i);
  }

  @Override
  public void binaryScalarRight(BinaryOp op, double[] a, int ai, double y, double[] out, int oi, int n) {
    int up = S.loopBound(n);
    int i = 0;
    DoubleVector w = DoubleVector.broadcast(S, y);
    switch (op) {
      case ADD: for (; i < up; i += L) v(a, ai + i).add(w).intoArray(out, oi + i); break;
      case SUB: for (; i < up; i += L) v(a, ai + i).sub(w).intoArray(out, oi + i); break;
      case MUL: for (; i < up; i += L) v(a, ai + i).mul(w).intoArray(out, oi + i); break;
      case DIV: for (; i < up; i += L) v(a, ai + i).div(w).intoArray(out, oi + i); break;
      case MAXIMUM: for (; i < up; i += L) v(a, ai + i).max(w).intoArray(out, oi + i); break;
      case MINIMUM: for (; i < up; i += L) v(a, ai + i).min(w).intoArray(out, oi + i); break;
      case EQ: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.EQ, w)).intoArray(out, oi + i); break;
      case NE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.NE, w)).intoArray(out, oi + i); break;
      case LT: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.LT, w)).intoArray(out, oi + i); break;
      case LE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.LE, w)).intoArray(out, oi + i); break;
      case GT: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.GT, w)).intoArray(out, oi + i); break;
      case GE: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.GE, w)).intoArray(out, oi + i); break;
      default: break;
    }
    super.binaryScalarRight(op, a, ai + i, y, out, oi + i, n - i);
  }

  @Override
  public void binaryScalarLeft(BinaryOp op, double x, double[] b, int bi, double[] out, int oi, int n) {
    int up = S.loopBound(n);
    int i = 0;
    DoubleVector w = DoubleVector.broadcast(S, x);
    switch (op) {
      case ADD: for (; i < up; i += L) w.add(v(b, bi + i)).intoArray(out, oi + i); break;
      case SUB: for (; i < up; i += L) w.sub(v(b, bi + i)).intoArray(out, oi + i); break;
      case MUL: for (; i < up; i += L) w.mul(v(b, bi + i)).intoArray(out, oi + i); break;
      case DIV: for (; i < up; i += L) w.div(v(b, bi + i)).intoArray(out, oi + i); break;
      case MAXIMUM: for (; i < up; i += L) w.max(v(b, bi + i)).intoArray(out, oi + i); break;
      case MINIMUM: for (; i < up; i += L) w.min(v(b, bi + i)).intoArray(out, oi + i); break;
      case LT: for (; i < up; i += L) bit(w.compare(VectorOperators.LT, v(b, bi + i))).intoArray(out, oi + i); break;
      case GT: for (; i < up; i += L) bit(w.compare(VectorOperators.GT, v(b, bi + i))).intoArray(out, oi + i); break;
      default: break;
    }
    super.binaryScalarLeft(op, x, b, bi + i, out, oi + i, n - i);
  }

  @Override
  public void unary(UnaryOp op, double[] a, int ai, double[] out, int oi, int n) {
    int up = S.loopBound(n);
    int i = 0;
    switch (op) {
      // exact: the scalar loop finishes the run
      case NEG: for (; i < up; i += L) v(a, ai + i).neg().intoArray(out, oi + i); break;
      case ABS: for (; i < up; i += L) v(a, ai + i).abs().intoArray(out, oi + i); break;
      case SQRT: for (; i < up; i += L) v(a, ai + i).sqrt().intoArray(out, oi + i); break;
      case SQUARE: for (; i < up; i += L) { DoubleVector x = v(a, ai + i); x.mul(x).intoArray(out, oi + i); } break;
      case RELU: for (; i < up; i += L) relu(v(a, ai + i)).intoArray(out, oi + i); break;
      case ISNAN: for (; i < up; i += L) bit(v(a, ai + i).test(VectorOperators.IS_NAN)).intoArray(out, oi + i); break;
      case NOT: for (; i < up; i += L) bit(v(a, ai + i).compare(VectorOperators.EQ, 0.0)).intoArray(out, oi + i); break;
      // exp and sigmoid: VectorExp (plain IEEE operations, so the same bits in every JIT tier); every
      // element, the tail too, goes through the vector code
      case EXP: case SIGMOID:
        transcendental(op, a, ai, out, oi, n);
        return;
      // expm1, log, log10, log1p, tanh, sin, cos: the scalar definitions. The Vector API's lanewise forms
      // run SVML once compiled and a Java fallback before, which differ in the last bits, so a result
      // would depend on how warm the JVM is
      case EXPM1: case LOG: case LOG10: case LOG1P: case TANH: case SIN: case COS:
        super.unary(op, a, ai, out, oi, n);
        return;
      default: break;
    }
    super.unary(op, a, ai + i, out, oi + i, n - i);
  }

  private static DoubleVector relu(DoubleVector x) {
    VectorMask<Double> keep = x.compare(VectorOperators.GT, 0.0).or(x.test(VectorOperators.IS_NAN));
    return zeros().blend(x, keep);
  }

  private static DoubleVector sigmoid(DoubleVector x) {
    DoubleVector e = VectorExp.exp(x.abs().neg());
    DoubleVector d = e.add(1.0);
    return e.div(d).blend(ones().div(d), x.compare(VectorOperators.GE, 0.0));
  }

  private void transcendental(UnaryOp op, double[] a, int ai, double[] out, int oi, int n) {
    int up = S.loopBound(n);
    int i = 0;
    switch (op) {
      case EXP: for (; i < up; i += L) VectorExp.exp(v(a, ai + i)).intoArray(out, oi + i); break;
      case SIGMOID: for (; i < up; i += L) sigmoid(v(a, ai + i)).intoArray(out, oi + i); break;
      default: throw new AssertionError(op);
    }
    if (i < n) {
      double[] pad = new double[L];
      System.arraycopy(a, ai + i, pad, 0, n - i);
      transcendental(op, pad, 0, pad, 0, L);
      System.arraycopy(pad, 0, out, oi + i, n - i);
    }
  }

  @Override
  public void sumInto(double[] a, int ai, int n, double[] acc) {
    int up = n - n % SUM_LANES;
    if (L == SUM_LANES) {
      DoubleVector s = v(acc, 0);
      DoubleVector c = v(acc, SUM_LANES);
      for (int i = 0; i < up; i += L) {
        DoubleVector x = v(a, ai + i);
        DoubleVector t = s.add(x);
        VectorMask<Double> big = s.abs().compare(VectorOperators.GE, x.abs());
        c = c.add(x.sub(t).add(s).blend(s.sub(t).add(x), big));
        s = t;
      }
      s.intoArray(acc, 0);
      c.intoArray(acc, SUM_LANES);
    } else {
      DoubleVector s0 = v(acc, 0);
      DoubleVector s1 = v(acc, L);
      DoubleVector c0 = v(acc, SUM_LANES);
      DoubleVector c1 = v(acc, SUM_LANES + L);
      for (int i = 0; i < up; i += 2 * L) {
        DoubleVector x0 = v(a, ai + i);
        DoubleVector x1 = v(a, ai + i + L);
        DoubleVector t0 = s0.add(x0);
        DoubleVector t1 = s1.add(x1);
        c0 = c0.add(x0.sub(t0).add(s0).blend(s0.sub(t0).add(x0), s0.abs().compare(VectorOperators.GE, x0.abs())));
        c1 = c1.add(x1.sub(t1).add(s1).blend(s1.sub(t1).add(x1), s1.abs().compare(VectorOperators.GE, x1.abs())));
        s0 = t0;
        s1 = t1;
      }
      s0.intoArray(acc, 0);
      s1.intoArray(acc, L);
      c0.intoArray(acc, SUM_LANES);
      c1.intoArray(acc, SUM_LANES + L);
    }
    super.sumInto(a, ai + up, n - up, acc);
  }

  @Override
  public double max(double[] a, int ai, int n, double init) {
    int up = S.loopBound(n);
    if (up == 0) {
      return super.max(a, ai, n, init);
    }
    DoubleVector m = DoubleVector.broadcast(S, init);
    for (int i = 0; i < up; i += L) {
      m = m.max(v(a, ai + i));
    }
    return super.max(a, ai + up, n - up, m.reduceLanes(VectorOperators.MAX));
  }

  @Override
  public double min(double[] a, int ai, int n, double init) {
    int up = S.loopBound(n);
    if (up == 0) {
      return super.min(a, ai, n, init);
    }
    DoubleVector m = DoubleVector.broadcast(S, init);
    for (int i = 0; i < up; i += L) {
      m = m.min(v(a, ai + i));
    }
    return super.min(a, ai + up, n - up, m.reduceLanes(VectorOperators.MIN));
  }

  @Override
  public void neumaierRows(double[] a, int ai, double[] s, double[] c, int n) {
    int up = S.loopBound(n);
    for (int i = 0; i < up; i += L) {
      DoubleVector si = v(s, i);
      DoubleVector x = v(a, ai + i);
      DoubleVector t = si.add(x);
      VectorMask<Double> big = si.abs().compare(VectorOperators.GE, x.abs());
      v(c, i).add(x.sub(t).add(si).blend(si.sub(t).add(x), big)).intoArray(c, i);
      t.intoArray(s, i);
    }
    for (int i = up; i < n; i++) {
      double si = s[i];
      double x = a[ai + i];
      double t = si + x;
      c[i] += Math.abs(si) >= Math.abs(x) ? (si - t) + x : (x - t) + si;
      s[i] = t;
    }
  }
}
