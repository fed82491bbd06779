package dev.exp.sparse;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SolverLoops} on {@code jdk.incubator.vector}, loaded only by reflection. One species (the
 * preferred one, 8 or 4 lanes) throughout. Sums run over aligned blocks of eight elements into one
 * 8-lane accumulator, or two 4-lane ones (lanes 0–3 and 4–7 of {@link SolverLoops#LANES}), so every
 * partial sum sees the same elements in the same order as the scalar loops. Tails (and heads before
 * an aligned index) run the scalar code.
 */
final class VectorSolverLoops extends ScalarSolverLoops {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** One vector holds all {@link SolverLoops#LANES} partial sums (else two 4-lane halves). */
  private static final boolean WIDE = L == 8;

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

  @Override
  public void dotInto(double[] a, double[] b, int from, int to, double[] l) {
    int i = from;
    int head = Math.min(to, (from + 7) & ~7);
    if (i < head) {
      super.dotInto(a, b, i, head, l);
      i = head;
    }
    int up = i + ((to - i) & ~7);
    if (i < up) {
      if (WIDE) {
        DoubleVector s0 = v(l, 0);
        for (; i < up; i += 8) {
          s0 = s0.add(v(a, i).mul(v(b, i)));
        }
        s0.intoArray(l, 0);
      } else {
        DoubleVector s0 = v(l, 0);
        DoubleVector s1 = v(l, 4);
        for (; i < up; i += 8) {
          s0 = s0.add(v(a, i).mul(v(b, i)));
          s1 = s1.add(v(a, i + 4).mul(v(b, i + 4)));
        }
        s0.intoArray(l, 0);
        s1.intoArray(l, 4);
      }
    }
    super.dotInto(a, b, i, to, l);
  }

  @Override
  public void axpy(double alpha, double[] x, double[] y, int n) {
    int up = S.loopBound(n);
    int i = 0;
    for (; i < up; i += L) {
      v(y, i).add(v(x, i).mul(alpha)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += alpha * x[i];
    }
  }

  @Override
  public void scale(double alpha, double[] x, int n) {
    int up = S.loopBound(n);
    int i = 0;
    for (; i < up; i += L) {
      v(x, i).mul(alpha).intoArray(x, i);
    }
    for (; i < n; i++) {
      x[i] *= alpha;
    }
  }

  @Override
  public void xpby(double[] z, double beta, double[] p, int n) {
    int up = S.loopBound(n);
    int i = 0;
    for (; i < up; i += L) {
      v(z, i).add(v(p, i).mul(beta)).intoArray(p, i);
    }
    for (; i < n; i++) {
      p[i] = z[i] + beta * p[i];
    }
  }

  /** The lane sums of s0 (and s1 when not {@link #WIDE}), as {@link SolverLoops#LANES} values. */
  private static double[] lanes(DoubleVector s0, DoubleVector s1) {
    double[] l = newLanes();
    s0.intoArray(l, 0);
    if (!WIDE) {
      s1.intoArray(l, 4);
    }
    return l;
  }

  @Override
  public double cgStep(double alpha, double[] p, double[] q, double[] x, double[] r, int n) {
    int up = n & ~7;
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    for (int i = 0; i < up; i += 8) {
      v(x, i).add(v(p, i).mul(alpha)).intoArray(x, i);
      DoubleVector r0 = v(r, i).sub(v(q, i).mul(alpha));
      r0.intoArray(r, i);
      s0 = s0.add(r0.mul(r0));
      if (!WIDE) {
        v(x, i + 4).add(v(p, i + 4).mul(alpha)).intoArray(x, i + 4);
        DoubleVector r1 = v(r, i + 4).sub(v(q, i + 4).mul(alpha));
        r1.intoArray(r, i + 4);
        s1 = s1.add(r1.mul(r1));
      }
    }
    double[] l = lanes(s0, s1);
    cgStep(alpha, p, q, x, r, up, n, l);
    return finish(l);
  }

  @Override
  public void bicgDirection(double[] r, double beta, double omega, double[] v, double[] p, int n) {
    int up = S.loopBound(n);
    int i = 0;
    for (; i < up; i += L) {
      v(r, i).add(v(p, i).sub(v(v, i).mul(omega)).mul(beta)).intoArray(p, i);
    }
    for (; i < n; i++) {
      p[i] = r[i] + beta * (p[i] - omega * v[i]);
    }
  }

  @Override
  public double subtractNorm(double[] r, double alpha, double[] v, double[] s, int n) {
    int up = n & ~7;
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    for (int i = 0; i < up; i += 8) {
      DoubleVector w0 = v(r, i).sub(v(v, i).mul(alpha));
      w0.intoArray(s, i);
      s0 = s0.add(w0.mul(w0));
      if (!WIDE) {
        DoubleVector w1 = v(r, i + 4).sub(v(v, i + 4).mul(alpha));
        w1.intoArray(s, i + 4);
        s1 = s1.add(w1.mul(w1));
      }
    }
    double[] l = lanes(s0, s1);
    subtractNorm(r, alpha, v, s, up, n, l);
    return finish(l);
  }

  @Override
  public void dot2(double[] t, double[] s, int n, double[] out) {
    int up = n & ~7;
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector b0 = a0;
    DoubleVector b1 = a0;
    for (int i = 0; i < up; i += 8) {
      DoubleVector t0 = v(t, i);
      a0 = a0.add(t0.mul(t0));
      b0 = b0.add(t0.mul(v(s, i)));
      if (!WIDE) {
        DoubleVector t1 = v(t, i + 4);
        a1 = a1.add(t1.mul(t1));
        b1 = b1.add(t1.mul(v(s, i + 4)));
      }
    }
    double[] tt = lanes(a0, a1);
    double[] ts = lanes(b0, b1);
    dot2(t, s, up, n, tt, ts);
    out[0] = finish(tt);
    out[1] = finish(ts);
  }

  @Override
  public double bicgStep(double alpha, double[] p, double omega, double[] s, double[] t, double[] x, double[] r,
      int n) {
    int up = n & ~7;
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    for (int i = 0; i < up; i += 8) {
      v(x, i).add(v(p, i).mul(alpha).add(v(s, i).mul(omega))).intoArray(x, i);
      DoubleVector w0 = v(s, i).sub(v(t, i).mul(omega));
      w0.intoArray(r, i);
      s0 = s0.add(w0.mul(w0));
      if (!WIDE) {
        v(x, i + 4).add(v(p, i + 4).mul(alpha).add(v(s, i + 4).mul(omega))).intoArray(x, i + 4);
        DoubleVector w1 = v(s, i + 4).sub(v(t, i + 4).mul(omega));
        w1.intoArray(r, i + 4);
        s1 = s1.add(w1.mul(w1));
      }
    }
    double[] l = lanes(s0, s1);
    bicgStep(alpha, p, omega, s, t, x, r, up, n, l);
    return finish(l);
  }

  @Override
  public void stencil(double[] c, int[] off, int nd, double[] x, double[] y, int lo, int hi) {
    int up = lo + S.loopBound(Math.max(0, hi - lo));
    int i = lo;
    DoubleVector zero = DoubleVector.zero(S);
    for (; i < up; i += L) {
      DoubleVector acc = zero;
      for (int t = 0; t < nd; t++) {
        acc = acc.add(v(x, i + off[t]).mul(c[t]));
      }
      acc.intoArray(y, i);
    }
    super.stencil(c, off, nd, x, y, i, hi);
  }

  @Override
  public void diagonal(double c, double[] x, int xo, double[] y, int yo, int len, boolean first) {
    int up = S.loopBound(len);
    int k = 0;
    if (first) {
      DoubleVector zero = DoubleVector.zero(S);
      for (; k < up; k += L) {
        zero.add(v(x, xo + k).mul(c)).intoArray(y, yo + k);
      }
    } else {
      for (; k < up; k += L) {
        v(y, yo + k).add(v(x, xo + k).mul(c)).intoArray(y, yo + k);
      }
    }
    super.diagonal(c, x, xo + k, y, yo + k, len - k, first);
  }

  @Override
  public void diagonal(double[] c, int co, double[] x, int xo, double[] y, int yo, int len, boolean first) {
    int up = S.loopBound(len);
    int k = 0;
    if (first) {
      DoubleVector zero = DoubleVector.zero(S);
      for (; k < up; k += L) {
        zero.add(v(c, co + k).mul(v(x, xo + k))).intoArray(y, yo + k);
      }
    } else {
      for (; k < up; k += L) {
        v(y, yo + k).add(v(c, co + k).mul(v(x, xo + k))).intoArray(y, yo + k);
      }
    }
    super.diagonal(c, co + k, x, xo + k, y, yo + k, len - k, first);
  }
}
