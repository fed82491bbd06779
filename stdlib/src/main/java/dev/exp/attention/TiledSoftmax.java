package dev.exp.attention;

import dev.exp.kernel.Parallel;

/**
 * Exact softmax attention by online softmax over key blocks (the FlashAttention recurrence).
 *
 * <p>For a block of query rows, keys are visited in tiles of {@code tile} keys (rounded up to a
 * multiple of 4). Each row keeps a running maximum {@code mx}, a normaliser {@code l} and an
 * unnormalised output row {@code o}; for a tile with logits {@code s_j} (only the visible keys of the
 * row) it sets {@code mx' = max(mx, max s_j)}, {@code l = l·exp(mx − mx') + Σ exp(s_j − mx')} and
 * {@code o = o·exp(mx − mx') + Σ exp(s_j − mx') v_j}; at the end {@code out = o / l}. The result
 * equals the two-pass softmax up to rounding.
 *
 * <p>Memory: the n×m logit matrix is never formed. Keys and values are copied once into a packed
 * layout (O(m·(d + dv)) per batch problem, the size of the inputs); each task holds one tile of
 * logits ({@code QUERY_BLOCK × tile}), its packed queries ({@code QUERY_BLOCK × d}) and three numbers
 * per query row, and writes its rows of the output. Extra memory is therefore
 * O(m·(d + dv) + threads · QUERY_BLOCK · (tile + d)), i.e. O(L·d + n·B), on top of the output.
 *
 * <p>Work: a query block only visits the key tiles that intersect the union of its rows' visible
 * intervals ({@link Masks.Spec#lo}/{@link Masks.Spec#hi}), so causal attention skips the tiles above
 * the diagonal (about half the work) and sliding-window / block masks cost O(n·window) / O(n·block).
 * Scores are computed by a 4×4 register-blocked micro-kernel (16 accumulators), {@code exp} is
 * evaluated only on visible entries, and the value update handles four keys per pass over the
 * output row. Query blocks run in parallel with {@link Parallel#forEach}, largest first; each task
 * writes only its own output rows, so the result does not depend on the number of threads.
 */
final class TiledSoftmax {
  private TiledSoftmax() {}

  /** Query rows per task. */
  static final int QUERY_BLOCK = 64;
  /** Default key tile. */
  static final int DEFAULT_TILE = 64;

  /** Whether Math.fma is a hardware instruction here (it is emulated, and very slow, otherwise). */
  static final boolean FMA = detectFma();

  private static boolean detectFma() {
    try {
      Class<?> cls = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
      Object bean = java.lang.management.ManagementFactory.getPlatformMXBean(
          cls.asSubclass(java.lang.management.PlatformManagedObject.class));
      Object opt = cls.getMethod("getVMOption", String.class).invoke(bean, "UseFMA");
      Object value = opt.getClass().getMethod("getValue").invoke(opt);
      return "true".equals(value);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static double mac(double a, double b, double c) {
    return FMA ? Math.fma(a, b, c) : c + a * b;
  }

  /**
   * Computes attention for every problem of the batch into {@code out} (batch × n × dv, zeroed).
   * Returns -1, or the flat index {@code b * n + i} of the first query row without any visible key.
   */
  static long run(Problem p, double[] out, int tile) {
    int n = p.n;
    if (n == 0 || p.nb == 0) {
      return -1;
    }
    int qBlocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
    // order query blocks by decreasing work (longest first keeps the threads balanced)
    long[] cost = new long[qBlocks];
    Integer[] order = new Integer[qBlocks];
    for (int qb = 0; qb < qBlocks; qb++) {
      order[qb] = qb;
      int i1 = Math.min(n, (qb + 1) * QUERY_BLOCK);
      for (int i = qb * QUERY_BLOCK; i < i1; i++) {
        cost[qb] += Math.max(0, p.mask.hi(i) - p.mask.lo(i));
      }
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(cost[b], cost[a]));
    // keys and values packed once per batch problem (read-only afterwards, shared by the tasks)
    int mq = (p.m + 3) >> 2;
    int dq = p.dv / 4;
    if ((long) p.nb * mq * 4 * Math.max(p.d, p.dv) > Integer.MAX_VALUE - 8) {
      throw dev.exp.kernel.KernelException.of("%s: %d problems of %d keys are too large to pack", p.fn, p.nb, p.m);
    }
    double[] kp = new double[p.nb * mq * 4 * p.d];
    double[] vp = new double[p.nb * dq * mq * 16];
    Parallel.forEach(p.nb, b -> {
      packKeys(p.k, p.kOff[b], p.m, p.d, kp, b * mq * 4 * p.d);
      packValues(p.v, p.vOff[b], p.m, p.dv, mq * 4, vp, b * dq * mq * 16);
    });
    int tasks = qBlocks * p.nb;
    long[] empty = new long[tasks];
    int ts = (tile + 3) & ~3;
    Parallel.forEach(tasks, t -> {
      int qb = order[t / p.nb];
      int b = t % p.nb;
      empty[t] = block(p, b, qb, out, ts, kp, b * mq * 4 * p.d, vp, b * dq * mq * 16, mq * 4);
    });
    long first = -1;
    for (long e : empty) {
      if (e >= 0 && (first < 0 || e < first)) {
        first = e;
      }
    }
    return first;
  }

  /** One query block of one batch problem; returns the flat index of its first empty row, or -1. */
  private static long block(Problem p, int b, int qb, double[] out, int ts, double[] kp, int kpo, double[] vp,
      int vpo, int mp) {
    final int d = p.d;
    final int dv = p.dv;
    final int i0 = qb * QUERY_BLOCK;
    final int rows = Math.min(p.n, i0 + QUERY_BLOCK) - i0;
    final Masks.Spec mask = p.mask;
    final double[] q = p.q;
    final double[] k = p.k;
    final double[] v = p.v;
    final int qo = p.qOff[b] + i0 * d;
    final int ko = p.kOff[b];
    final int vo = p.vOff[b];
    final int oo = (b * p.n + i0) * dv;
    final double scale = p.scale;
    final double[] allowed = mask.allowed;
    final double[] bias = mask.bias;
    final int ao = allowed == null ? 0 : mask.allowedOff[b] + i0 * p.m;
    final int bo = bias == null ? 0 : mask.biasOff[b] + i0 * p.m;
    final int m = p.m;

    int[] lo = new int[rows];
    int[] hi = new int[rows];
    int jl = Integer.MAX_VALUE;
    int jh = 0;
    for (int r = 0; r < rows; r++) {
      lo[r] = mask.lo(i0 + r);
      hi[r] = mask.hi(i0 + r);
      if (lo[r] < hi[r]) {
        jl = Math.min(jl, lo[r]);
        jh = Math.max(jh, hi[r]);
      }
    }
    double[] mx = new double[rows];
    double[] l = new double[rows];
    java.util.Arrays.fill(mx, Double.NEGATIVE_INFINITY);
    double[] s = new double[rows * ts];
    int[] ra = new int[rows];
    int[] rb = new int[rows];
    // packed operands: query quads [group][c][4], key quads [quad][c][4] and values by column quads
    // [column quad][key][4], so that the micro-kernels read each operand sequentially
    final int groups = rows / 4;
    final int dq = dv / 4;
    double[] qp = new double[groups * 4 * d];
    for (int g = 0; g < groups; g++) {
      for (int t = 0; t < 4; t++) {
        int src = qo + (4 * g + t) * d;
        for (int c = 0; c < d; c++) {
          qp[(g * d + c) * 4 + t] = q[src + c];
        }
      }
    }

    // tiles of ts keys (a multiple of 4), starting at a key quad boundary
    for (int j0 = jl & ~3; j0 < jh; j0 += ts) {
      int j1 = Math.min(jh, j0 + ts);
      for (int r = 0; r < rows; r++) {
        ra[r] = Math.max(lo[r], j0);
        rb[r] = Math.min(hi[r], j1);
      }
      // scores for groups of four rows, over the key quads covering the union of their visible keys
      for (int g = 0; g < rows; g += 4) {
        int ge = Math.min(rows, g + 4);
        int a = Integer.MAX_VALUE;
        int e = 0;
        for (int r = g; r < ge; r++) {
          if (ra[r] < rb[r]) {
            a = Math.min(a, ra[r]);
            e = Math.max(e, rb[r]);
          }
        }
        if (a >= e) {
          continue;
        }
        if (ge - g == 4) {
          scores4(qp, g * d, kp, kpo + j0 * d, s, g * ts, ts, (a - j0) >> 2, (e - j0 + 3) >> 2, d, scale);
        } else {
          for (int r = g; r < ge; r++) {
            scores1(q, qo + r * d, k, ko, s, r * ts - j0, a, e, d, scale);
          }
        }
      }
      // online softmax update, row by row
      for (int r = 0; r < rows; r++) {
        int a = ra[r];
        int e = rb[r];
        if (a >= e) {
          continue;
        }
        int sr = r * ts - j0;
        double bmax = Double.NEGATIVE_INFINITY;
        if (allowed == null && bias == null) {
          for (int j = a; j < e; j++) {
            bmax = Math.max(bmax, s[sr + j]);
          }
        } else {
          int mr = r * m;
          for (int j = a; j < e; j++) {
            double x = s[sr + j];
            if (bias != null) {
              x += bias[bo + mr + j];
            }
            if (allowed != null && allowed[ao + mr + j] == 0) {
              x = Double.NEGATIVE_INFINITY;
            }
            s[sr + j] = x;
            bmax = Math.max(bmax, x);
          }
          if (bmax == Double.NEGATIVE_INFINITY) {
            rb[r] = a; // every key of this tile is masked for this row
            continue;
          }
        }
        if (!(bmax < Double.POSITIVE_INFINITY)) {
          throw Problem.overflow(p, b, i0 + r);
        }
        double newMax = Math.max(mx[r], bmax);
        double alpha = Math.exp(mx[r] - newMax); // 0 on the first visible tile (mx = -inf)
        double sum = 0;
        for (int j = a; j < e; j++) {
          double w = Math.exp(s[sr + j] - newMax);
          s[sr + j] = w;
          sum += w;
        }
        l[r] = l[r] * alpha + sum;
        mx[r] = newMax;
        if (alpha != 1) {
          int orow = oo + r * dv;
          for (int c = 0; c < dv; c++) {
            out[orow + c] *= alpha;
          }
        }
      }
      // o += p · v: groups of four rows over the union of their visible keys (weights outside a
      // row's own interval are set to 0 first)
      for (int g = 0; g < rows; g += 4) {
        int ge = Math.min(rows, g + 4);
        int a = Integer.MAX_VALUE;
        int e = 0;
        for (int r = g; r < ge; r++) {
          if (ra[r] < rb[r]) {
            a = Math.min(a, ra[r]);
            e = Math.max(e, rb[r]);
          }
        }
        if (a >= e) {
          continue;
        }
        if (ge - g == 4) {
          for (int r = g; r < ge; r++) {
            int sr = r * ts - j0;
            int ra0 = ra[r] < rb[r] ? ra[r] : e;
            for (int j = a; j < ra0; j++) {
              s[sr + j] = 0;
            }
            for (int j = Math.max(rb[r], ra0); j < e; j++) {
              s[sr + j] = 0;
            }
          }
          values4(s, g * ts, ts, vp, vpo + j0 * 4, mp, out, oo + g * dv, a - j0, e - j0, dq, dv);
          for (int c = 4 * dq; c < dv; c++) {
            for (int r = g; r < ge; r++) {
              double acc = 0;
              int sr = r * ts - j0;
              for (int j = a; j < e; j++) {
                acc = mac(s[sr + j], v[vo + j * dv + c], acc);
              }
              out[oo + r * dv + c] += acc;
            }
          }
        } else {
          for (int r = g; r < ge; r++) {
            if (ra[r] < rb[r]) {
              values1(s, r * ts - j0, v, vo, out, oo + r * dv, ra[r], rb[r], dv);
            }
          }
        }
      }
    }
    long emptyRow = -1;
    for (int r = 0; r < rows; r++) {
      int orow = oo + r * dv;
      if (l[r] == 0) {
        if (emptyRow < 0) {
          emptyRow = (long) b * p.n + i0 + r;
        }
        continue;
      }
      double inv = 1 / l[r];
      for (int c = 0; c < dv; c++) {
        out[orow + c] *= inv;
      }
    }
    return emptyRow;
  }

  /**
   * Packs keys [0, len) starting at k[ko] (rows of d) as quads kp[kpo + (u·d + c)·4 + t] = k_{4u+t}[c],
   * zero-padded to whole quads.
   */
  static void packKeys(double[] k, int ko, int len, int d, double[] kp, int kpo) {
    int quads = (len + 3) >> 2;
    for (int u = 0; u < quads; u++) {
      for (int t = 0; t < 4; t++) {
        int j = 4 * u + t;
        int dst = kpo + u * d * 4 + t;
        if (j < len) {
          int src = ko + j * d;
          for (int c = 0; c < d; c++) {
            kp[dst + 4 * c] = k[src + c];
          }
        } else {
          for (int c = 0; c < d; c++) {
            kp[dst + 4 * c] = 0;
          }
        }
      }
    }
  }

  /**
   * Packs the first 4·(dv/4) columns of values [0, len) as vp[vpo + (cq·stride + j)·4 + t] = v_j[4·cq + t]
   * (stride >= len keys per column quad).
   */
  static void packValues(double[] v, int vo, int len, int dv, int stride, double[] vp, int vpo) {
    int dq = dv / 4;
    for (int j = 0; j < len; j++) {
      int src = vo + j * dv;
      for (int cq = 0; cq < dq; cq++) {
        int dst = vpo + (cq * stride + j) * 4;
        vp[dst] = v[src + 4 * cq];
        vp[dst + 1] = v[src + 4 * cq + 1];
        vp[dst + 2] = v[src + 4 * cq + 2];
        vp[dst + 3] = v[src + 4 * cq + 3];
      }
    }
  }

  /**
   * Scores of one packed query quad (qp from qpo) against the packed key quads u in [ua, ue) (from kpo):
   * s[so + r·ss + 4u + t] = scale · q_r · k_{4u+t}, by a 4×4 register block (16 accumulators).
   */
  static void scores4(double[] qp, int qpo, double[] kp, int kpo, double[] s, int so, int ss, int ua, int ue, int d,
      double scale) {
    final int n4 = 4 * d;
    for (int u = ua; u < ue; u++) {
      final int kb = kpo + u * n4;
      double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (int c = 0; c < n4; c += 4) {
        double a0 = qp[qpo + c];
        double a1 = qp[qpo + c + 1];
        double a2 = qp[qpo + c + 2];
        double a3 = qp[qpo + c + 3];
        double b0 = kp[kb + c];
        double b1 = kp[kb + c + 1];
        double b2 = kp[kb + c + 2];
        double b3 = kp[kb + c + 3];
        s00 = mac(a0, b0, s00);
        s01 = mac(a0, b1, s01);
        s02 = mac(a0, b2, s02);
        s03 = mac(a0, b3, s03);
        s10 = mac(a1, b0, s10);
        s11 = mac(a1, b1, s11);
        s12 = mac(a1, b2, s12);
        s13 = mac(a1, b3, s13);
        s20 = mac(a2, b0, s20);
        s21 = mac(a2, b1, s21);
        s22 = mac(a2, b2, s22);
        s23 = mac(a2, b3, s23);
        s30 = mac(a3, b0, s30);
        s31 = mac(a3, b1, s31);
        s32 = mac(a3, b2, s32);
        s33 = mac(a3, b3, s33);
      }
      int r = so + 4 * u;
      s[r] = s00 * scale;
      s[r + 1] = s01 * scale;
      s[r + 2] = s02 * scale;
      s[r + 3] = s03 * scale;
      r += ss;
      s[r] = s10 * scale;
      s[r + 1] = s11 * scale;
      s[r + 2] = s12 * scale;
      s[r + 3] = s13 * scale;
      r += ss;
      s[r] = s20 * scale;
      s[r + 1] = s21 * scale;
      s[r + 2] = s22 * scale;
      s[r + 3] = s23 * scale;
      r += ss;
      s[r] = s30 * scale;
      s[r + 1] = s31 * scale;
      s[r + 2] = s32 * scale;
      s[r + 3] = s33 * scale;
    }
  }

  /** s[so + j] = scale · q_r · k_j for one query row and keys j in [a, e). */
  static void scores1(double[] q, int qo, double[] k, int ko, double[] s, int so, int a, int e, int d,
      double scale) {
    int j = a;
    for (; j + 4 <= e; j += 4) {
      final int k0 = ko + j * d;
      final int k1 = k0 + d;
      final int k2 = k1 + d;
      final int k3 = k2 + d;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int c = 0; c < d; c++) {
        double a0 = q[qo + c];
        s0 = mac(a0, k[k0 + c], s0);
        s1 = mac(a0, k[k1 + c], s1);
        s2 = mac(a0, k[k2 + c], s2);
        s3 = mac(a0, k[k3 + c], s3);
      }
      s[so + j] = s0 * scale;
      s[so + j + 1] = s1 * scale;
      s[so + j + 2] = s2 * scale;
      s[so + j + 3] = s3 * scale;
    }
    for (; j < e; j++) {
      final int k0 = ko + j * d;
      double s0 = 0;
      for (int c = 0; c < d; c++) {
        s0 = mac(q[qo + c], k[k0 + c], s0);
      }
      s[so + j] = s0 * scale;
    }
  }

  /**
   * o_r[c] += Σ_{j in [a, e)} w_r[j] · v_j[c] for four consecutive rows r (weights w[wo + r·ws + j],
   * j relative to the tile; outputs at oo with stride dv) and the first 4·dq columns, read from the
   * packed values vp[vpo + (cq·vs + j)·4 + t]; 4×4 register blocks over (rows, columns).
   */
  static void values4(double[] w, int wo, int ws, double[] vp, int vpo, int vs, double[] o, int oo, int a, int e,
      int dq, int dv) {
    final int w0 = wo;
    final int w1 = w0 + ws;
    final int w2 = w1 + ws;
    final int w3 = w2 + ws;
    final int o0 = oo;
    final int o1 = o0 + dv;
    final int o2 = o1 + dv;
    final int o3 = o2 + dv;
    for (int cq = 0; cq < dq; cq++) {
      final int vb = vpo + cq * vs * 4;
      double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (int j = a; j < e; j++) {
        int vr = vb + 4 * j;
        double b0 = vp[vr];
        double b1 = vp[vr + 1];
        double b2 = vp[vr + 2];
        double b3 = vp[vr + 3];
        double a0 = w[w0 + j];
        double a1 = w[w1 + j];
        double a2 = w[w2 + j];
        double a3 = w[w3 + j];
        s00 = mac(a0, b0, s00);
        s01 = mac(a0, b1, s01);
        s02 = mac(a0, b2, s02);
        s03 = mac(a0, b3, s03);
        s10 = mac(a1, b0, s10);
        s11 = mac(a1, b1, s11);
        s12 = mac(a1, b2, s12);
        s13 = mac(a1, b3, s13);
        s20 = mac(a2, b0, s20);
        s21 = mac(a2, b1, s21);
        s22 = mac(a2, b2, s22);
        s23 = mac(a2, b3, s23);
        s30 = mac(a3, b0, s30);
        s31 = mac(a3, b1, s31);
        s32 = mac(a3, b2, s32);
        s33 = mac(a3, b3, s33);
      }
      final int c = 4 * cq;
      o[o0 + c] += s00;
      o[o0 + c + 1] += s01;
      o[o0 + c + 2] += s02;
      o[o0 + c + 3] += s03;
      o[o1 + c] += s10;
      o[o1 + c + 1] += s11;
      o[o1 + c + 2] += s12;
      o[o1 + c + 3] += s13;
      o[o2 + c] += s20;
      o[o2 + c + 1] += s21;
      o[o2 + c + 2] += s22;
      o[o2 + c + 3] += s23;
      o[o3 + c] += s30;
      o[o3 + c + 1] += s31;
      o[o3 + c + 2] += s32;
      o[o3 + c + 3] += s33;
    }
  }

  /** o[oo + c] += Σ_{j in [a, e)} w[wo + j] · v_j[c] for one row, four keys per pass over the row. */
  static void values1(double[] w, int wo, double[] v, int vo, double[] o, int oo, int a, int e, int dv) {
    int j = a;
    for (; j + 4 <= e; j += 4) {
      double w0 = w[wo + j];
      double w1 = w[wo + j + 1];
      double w2 = w[wo + j + 2];
      double w3 = w[wo + j + 3];
      int v0 = vo + j * dv;
      int v1 = v0 + dv;
      int v2 = v1 + dv;
      int v3 = v2 + dv;
      for (int c = 0; c < dv; c++) {
        o[oo + c] += w0 * v[v0 + c] + w1 * v[v1 + c] + w2 * v[v2 + c] + w3 * v[v3 + c];
      }
    }
    for (; j < e; j++) {
      double w0 = w[wo + j];
      int v0 = vo + j * dv;
      for (int c = 0; c < dv; c++) {
        o[oo + c] += w0 * v[v0 + c];
      }
    }
  }
}
