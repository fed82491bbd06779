package dev.exp.sparse;

/**
 * The reference {@link SolverLoops} in plain Java. Sums keep eight scalar partial sums (element i in
 * lane i mod 8), unrolled by eight, so that the vector loops can reproduce them bit for bit.
 */
class ScalarSolverLoops extends SolverLoops {
  @Override
  public String describe() {
    return "scalar";
  }

  @Override
  public void dotInto(double[] a, double[] b, int from, int to, double[] l) {
    int i = from;
    for (; i < to && (i & 7) != 0; i++) {
      l[i & 7] += a[i] * b[i];
    }
    double s0 = l[0];
    double s1 = l[1];
    double s2 = l[2];
    double s3 = l[3];
    double s4 = l[4];
    double s5 = l[5];
    double s6 = l[6];
    double s7 = l[7];
    for (; i + 8 <= to; i += 8) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
      s4 += a[i + 4] * b[i + 4];
      s5 += a[i + 5] * b[i + 5];
      s6 += a[i + 6] * b[i + 6];
      s7 += a[i + 7] * b[i + 7];
    }
    l[0] = s0;
    l[1] = s1;
    l[2] = s2;
    l[3] = s3;
    l[4] = s4;
    l[5] = s5;
    l[6] = s6;
    l[7] = s7;
    for (; i < to; i++) {
      l[i & 7] += a[i] * b[i];
    }
  }

  @Override
  public void axpy(double alpha, double[] x, double[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += alpha * x[i];
    }
  }

  @Override
  public void scale(double alpha, double[] x, int n) {
    for (int i = 0; i < n; i++) {
      x[i] *= alpha;
    }
  }

  @Override
  public void xpby(double[] z, double beta, double[] p, int n) {
    for (int i = 0; i < n; i++) {
      p[i] = z[i] + beta * p[i];
    }
  }

  @Override
  public double cgStep(double alpha, double[] p, double[] q, double[] x, double[] r, int n) {
    double[] l = newLanes();
    cgStep(alpha, p, q, x, r, 0, n, l);
    return finish(l);
  }

  /** {@link #cgStep} over [from, to) with from a multiple of 8, adding into lanes (the vector tail). */
  static void cgStep(double alpha, double[] p, double[] q, double[] x, double[] r, int from, int to, double[] l) {
    for (int i = from; i < to; i++) {
      x[i] += alpha * p[i];
      double v = r[i] - alpha * q[i];
      r[i] = v;
      l[i & 7] += v * v;
    }
  }

  @Override
  public void bicgDirection(double[] r, double beta, double omega, double[] v, double[] p, int n) {
    for (int i = 0; i < n; i++) {
      p[i] = r[i] + beta * (p[i] - omega * v[i]);
    }
  }

  @Override
  public double subtractNorm(double[] r, double alpha, double[] v, double[] s, int n) {
    double[] l = newLanes();
    subtractNorm(r, alpha, v, s, 0, n, l);
    return finish(l);
  }

  static void subtractNorm(double[] r, double alpha, double[] v, double[] s, int from, int to, double[] l) {
    for (int i = from; i < to; i++) {
      double w = r[i] - alpha * v[i];
      s[i] = w;
      l[i & 7] += w * w;
    }
  }

  @Override
  public void dot2(double[] t, double[] s, int n, double[] out) {
    double[] tt = newLanes();
    double[] ts = newLanes();
    dot2(t, s, 0, n, tt, ts);
    out[0] = finish(tt);
    out[1] = finish(ts);
  }

  static void dot2(double[] t, double[] s, int from, int to, double[] tt, double[] ts) {
    for (int i = from; i < to; i++) {
      tt[i & 7] += t[i] * t[i];
      ts[i & 7] += t[i] * s[i];
    }
  }

  @Override
  public double bicgStep(double alpha, double[] p, double omega, double[] s, double[] t, double[] x, double[] r,
      int n) {
    double[] l = newLanes();
    bicgStep(alpha, p, omega, s, t, x, r, 0, n, l);
    return finish(l);
  }

  static void bicgStep(double alpha, double[] p, double omega, double[] s, double[] t, double[] x, double[] r,
      int from, int to, double[] l) {
    for (int i = from; i < to; i++) {
      x[i] += alpha * p[i] + omega * s[i];
      double w = s[i] - omega * t[i];
      r[i] = w;
      l[i & 7] += w * w;
    }
  }

  @Override
  public void stencil(double[] c, int[] off, int nd, double[] x, double[] y, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      double s = 0;
      for (int t = 0; t < nd; t++) {
        s += c[t] * x[i + off[t]];
      }
      y[i] = s;
    }
  }

  @Override
  public void diagonal(double c, double[] x, int xo, double[] y, int yo, int len, boolean first) {
    if (first) {
      for (int k = 0; k < len; k++) {
        y[yo + k] = 0.0 + c * x[xo + k];
      }
    } else {
      for (int k = 0; k < len; k++) {
        y[yo + k] += c * x[xo + k];
      }
    }
  }

  @Override
  public void diagonal(double[] c, int co, double[] x, int xo, double[] y, int yo, int len, boolean first) {
    if (first) {
      for (int k = 0; k < len; k++) {
        y[yo + k] = 0.0 + c[co + k] * x[xo + k];
      }
    } else {
      for (int k = 0; k < len; k++) {
        y[yo + k] += c[co + k] * x[xo + k];
      }
    }
  }
}
