package dev.exp.tensor.loops;

import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;

/**
 * Plain-Java loops: the reference implementation, and the path that runs when the Vector API is
 * absent or disabled. The frequent operators get their own loop; the others run their scalar
 * definition ({@link BinaryOp#apply}, {@link UnaryOp#apply}) in a loop chosen once per call.
 */
class ScalarLoops extends Loops {

  @Override
  public String describe() {
    return "scalar";
  }

  @Override
  public void binary(BinaryOp op, double[] a, int ai, double[] b, int bi, double[] out, int oi, int n) {
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] + b[bi + i]; return;
      case SUB: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] - b[bi + i]; return;
      case MUL: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] * b[bi + i]; return;
      case DIV: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] / b[bi + i]; return;
      case EQ: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] == b[bi + i]); return;
      case NE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] != b[bi + i]); return;
      case LT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] < b[bi + i]); return;
      case LE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] <= b[bi + i]); return;
      case GT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] > b[bi + i]); return;
      case GE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] >= b[bi + i]); return;
      case MAXIMUM: for (int i = 0; i < n; i++) out[oi + i] = Math.max(a[ai + i], b[bi + i]); return;
      case MINIMUM: for (int i = 0; i < n; i++) out[oi + i] = Math.min(a[ai + i], b[bi + i]); return;
      default:
        for (int i = 0; i < n; i++) {
          out[oi + i] = op.apply(a[ai + i], b[bi + i]);
        }
    }
  }

  @Override
  public void binaryScalarRight(BinaryOp op, double[] a, int ai, double y, double[] out, int oi, int n) {
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] + y; return;
      case SUB: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] - y; return;
      case MUL: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] * y; return;
      case DIV: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] / y; return;
      case EQ: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] == y); return;
      case NE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] != y); return;
      case LT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] < y); return;
      case LE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] <= y); return;
      case GT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] > y); return;
      case GE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(a[ai + i] >= y); return;
      case MAXIMUM: for (int i = 0; i < n; i++) out[oi + i] = Math.max(a[ai + i], y); return;
      case MINIMUM: for (int i = 0; i < n; i++) out[oi + i] = Math.min(a[ai + i], y); return;
      default:
        for (int i = 0; i < n; i++) {
          out[oi + i] = op.apply(a[ai + i], y);
        }
    }
  }

  @Override
  public void binaryScalarLeft(BinaryOp op, double x, double[] b, int bi, double[] out, int oi, int n) {
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) out[oi + i] = x + b[bi + i]; return;
      case SUB: for (int i = 0; i < n; i++) out[oi + i] = x - b[bi + i]; return;
      case MUL: for (int i = 0; i < n; i++) out[oi + i] = x * b[bi + i]; return;
      case DIV: for (int i = 0; i < n; i++) out[oi + i] = x / b[bi + i]; return;
      case EQ: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x == b[bi + i]); return;
      case NE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x != b[bi + i]); return;
      case LT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x < b[bi + i]); return;
      case LE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x <= b[bi + i]); return;
      case GT: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x > b[bi + i]); return;
      case GE: for (int i = 0; i < n; i++) out[oi + i] = BinaryOp.bit(x >= b[bi + i]); return;
      default:
        for (int i = 0; i < n; i++) {
          out[oi + i] = op.apply(x, b[bi + i]);
        }
    }
  }

  @Override
  public void unary(UnaryOp op, double[] a, int ai, double[] out, int oi, int n) {
    switch (op) {
      case NEG: for (int i = 0; i < n; i++) out[oi + i] = -a[ai + i]; return;
      case ABS: for (int i = 0; i < n; i++) out[oi + i] = Math.abs(a[ai + i]); return;
      case SQUARE: for (int i = 0; i < n; i++) out[oi + i] = a[ai + i] * a[ai + i]; return;
      case SQRT: for (int i = 0; i < n; i++) out[oi + i] = Math.sqrt(a[ai + i]); return;
      case EXP: for (int i = 0; i < n; i++) out[oi + i] = ScalarExp.exp(a[ai + i]); return;
      case SIGMOID: for (int i = 0; i < n; i++) out[oi + i] = ScalarExp.sigmoid(a[ai + i]); return;
      case LOG: for (int i = 0; i < n; i++) out[oi + i] = Math.log(a[ai + i]); return;
      case TANH: for (int i = 0; i < n; i++) out[oi + i] = Math.tanh(a[ai + i]); return;
      case RELU:
        for (int i = 0; i < n; i++) {
          double v = a[ai + i];
          out[oi + i] = v > 0 || v != v ? v : 0.0;
        }
        return;
      default:
        for (int i = 0; i < n; i++) {
          out[oi + i] = op.apply(a[ai + i]);
        }
    }
  }

  @Override
  public void sumInto(double[] a, int ai, int n, double[] acc) {
    for (int i = 0; i < n; i++) {
      int k = i & (SUM_LANES - 1);
      double s = acc[k];
      double v = a[ai + i];
      double t = s + v;
      acc[SUM_LANES + k] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      acc[k] = t;
    }
  }

  @Override
  public double max(double[] a, int ai, int n, double init) {
    double m = init;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, a[ai + i]);
    }
    return m;
  }

  @Override
  public double min(double[] a, int ai, int n, double init) {
    double m = init;
    for (int i = 0; i < n; i++) {
      m = Math.min(m, a[ai + i]);
    }
    return m;
  }

  @Override
  public void neumaierRows(double[] a, int ai, double[] s, double[] c, int n) {
    for (int i = 0; i < n; i++) {
      double si = s[i];
      double v = a[ai + i];
      double t = si + v;
      c[i] += Math.abs(si) >= Math.abs(v) ? (si - t) + v : (v - t) + si;
      s[i] = t;
    }
  }
}
