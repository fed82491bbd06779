package dev.exp.tensor.loops;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;

/**
 * Element-wise complex128 arithmetic (interleaved re, im storage), with broadcasting and any
 * layout; a real operand counts as (x, 0). + - * / ^ give complex128; == and != give 0/1 float64;
 * exp, log, sqrt, square and negation give complex128, abs the float64 magnitude. Division uses
 * Smith's algorithm (no overflow for large components); {@code z ^ w = exp(w log z)} with
 * {@code z ^ 0 = 1} and {@code 0 ^ w = 0} for re(w) > 0.
 */
public final class ComplexLoops {
  private ComplexLoops() {}

  /** {@code op(a, b)} where at least one operand is complex. */
  public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    boolean comparison = op == BinaryOp.EQ || op == BinaryOp.NE;
    if (!comparison && op.kind() != BinaryOp.Kind.ARITHMETIC || op == BinaryOp.MOD) {
      throw KernelException.of("operator '%s' is not defined for complex values%s", op.symbol(),
          op.isComparison() ? " (complex numbers are not ordered; compare abs(z) or z.re)" : "");
    }
    int[] os = Tensor.broadcastShapes(a.shape(), b.shape());
    int n = 1;
    for (int d : os) {
      n *= d;
    }
    double[] out = new double[comparison ? n : 2 * n];
    if (n > 0) {
      double[] ad = a.storage();
      double[] bd = b.storage();
      int wa = a.isComplex() ? 2 : 1;
      int wb = b.isComplex() ? 2 : 1;
      Strided it = new Strided(os, new int[][] {Strided.broadcastStrides(a, os), Strided.broadcastStrides(b, os)},
          new int[] {a.offset(), b.offset()});
      double[] z = new double[2];
      while (it.next()) {
        int pa = it.pos[0];
        int pb = it.pos[1];
        for (int j = 0; j < it.n; j++, pa += it.inner[0], pb += it.inner[1]) {
          double ar = ad[wa * pa];
          double ai = wa == 2 ? ad[2 * pa + 1] : 0;
          double br = bd[wb * pb];
          double bi = wb == 2 ? bd[2 * pb + 1] : 0;
          int k = it.row + j;
          if (comparison) {
            boolean eq = ar == br && ai == bi;
            out[k] = eq == (op == BinaryOp.EQ) ? 1 : 0;
          } else {
            apply(op, ar, ai, br, bi, z);
            out[2 * k] = z[0];
            out[2 * k + 1] = z[1];
          }
        }
      }
    }
    return comparison ? Tensor.wrap(os, out) : Tensor.wrapComplex(os, out);
  }

  /** One complex binary operation into z = {re, im}. */
  public static void apply(BinaryOp op, double ar, double ai, double br, double bi, double[] z) {
    switch (op) {
      case ADD: z[0] = ar + br; z[1] = ai + bi; return;
      case SUB: z[0] = ar - br; z[1] = ai - bi; return;
      case MUL: z[0] = ar * br - ai * bi; z[1] = ar * bi + ai * br; return;
      case DIV: divide(ar, ai, br, bi, z); return;
      case POW: pow(ar, ai, br, bi, z); return;
      default: throw new AssertionError(op);
    }
  }

  /** Smith's algorithm for (ar + i ai) / (br + i bi). */
  static void divide(double ar, double ai, double br, double bi, double[] z) {
    if (Math.abs(br) >= Math.abs(bi)) {
      if (br == 0 && bi == 0) {
        z[0] = ar / 0.0;
        z[1] = ai / 0.0;
        return;
      }
      double r = bi / br;
      double d = br + bi * r;
      z[0] = (ar + ai * r) / d;
      z[1] = (ai - ar * r) / d;
    } else {
      double r = br / bi;
      double d = bi + br * r;
      z[0] = (ar * r + ai) / d;
      z[1] = (ai * r - ar) / d;
    }
  }

  static void pow(double ar, double ai, double br, double bi, double[] z) {
    if (br == 0 && bi == 0) {
      z[0] = 1;
      z[1] = 0;
      return;
    }
    if (ar == 0 && ai == 0) {
      z[0] = br > 0 ? 0 : Double.NaN;
      z[1] = br > 0 ? 0 : Double.NaN;
      return;
    }
    if (bi == 0 && br == Math.rint(br) && Math.abs(br) <= 64) {
      // integer power by repeated squaring: exact enough and keeps (1i)^2 = -1 exactly
      long k = (long) Math.abs(br);
      double rr = 1;
      double ri = 0;
      double xr = ar;
      double xi = ai;
      while (k > 0) {
        if ((k & 1) == 1) {
          double t = rr * xr - ri * xi;
          ri = rr * xi + ri * xr;
          rr = t;
        }
        double t = xr * xr - xi * xi;
        xi = 2 * xr * xi;
        xr = t;
        k >>= 1;
      }
      if (br < 0) {
        divide(1, 0, rr, ri, z);
      } else {
        z[0] = rr;
        z[1] = ri;
      }
      return;
    }
    double lr = Math.log(Math.hypot(ar, ai));
    double li = Math.atan2(ai, ar);
    double er = br * lr - bi * li;
    double ei = br * li + bi * lr;
    double m = Math.exp(er);
    z[0] = m * Math.cos(ei);
    z[1] = m * Math.sin(ei);
  }

  /**
   * tanh(x + iy) by Kahan's formula (as C99's ctanh): with t = tan y, s = sinh x, β = 1 + t²,
   * tanh = (β·s·√(1 + s²) + i·t) / (1 + β·s²), which neither overflows nor cancels; for |x| ≥ 22 the
   * real part is ±1 to double precision.
   */
  static double[] tanh(double x, double y) {
    if (Math.abs(x) >= 22) {
      double e = Math.exp(-Math.abs(x));
      return new double[] {Math.copySign(1, x), 4 * Math.sin(y) * Math.cos(y) * e * e};
    }
    double t = Math.tan(y);
    double beta = 1 + t * t;
    double s = Math.sinh(x);
    double rho = Math.sqrt(1 + s * s);
    double den = 1 + beta * s * s;
    return new double[] {beta * rho * s / den, t / den};
  }

  /** {@code op(a)} for a complex tensor. */
  public static Tensor unary(UnaryOp op, Tensor a) {
    switch (op) {
      case NEG: case EXP: case LOG: case SQRT: case SQUARE: case ABS:
      case SIN: case COS: case TAN: case SINH: case COSH: case TANH: break;
      default:
        throw KernelException.of("%s is not defined for complex values (got a complex128 tensor of shape %s; "
            + "apply it to z.re, z.im or abs(z))", op.symbol(), Tensor.shapeString(a.shape()));
    }
    double[] d = a.complexRaw();
    int n = a.size();
    boolean real = op == UnaryOp.ABS;
    double[] out = new double[real ? n : 2 * n];
    for (int k = 0; k < n; k++) {
      double re = d[2 * k];
      double im = d[2 * k + 1];
      double zr;
      double zi;
      switch (op) {
        case NEG: zr = -re; zi = -im; break;
        case ABS: out[k] = Math.hypot(re, im); continue;
        case SQUARE: zr = re * re - im * im; zi = 2 * re * im; break;
        case EXP: {
          double m = Math.exp(re);
          zr = im == 0 ? m : m * Math.cos(im);
          zi = im == 0 ? 0 : m * Math.sin(im);
          break;
        }
        case LOG: zr = Math.log(Math.hypot(re, im)); zi = Math.atan2(im, re); break;
        case SIN: zr = Math.sin(re) * Math.cosh(im); zi = Math.cos(re) * Math.sinh(im); break;
        case COS: zr = Math.cos(re) * Math.cosh(im); zi = -Math.sin(re) * Math.sinh(im); break;
        case SINH: zr = Math.sinh(re) * Math.cos(im); zi = Math.cosh(re) * Math.sin(im); break;
        case COSH: zr = Math.cosh(re) * Math.cos(im); zi = Math.sinh(re) * Math.sin(im); break;
        case TANH: {
          double[] t = tanh(re, im);
          zr = t[0];
          zi = t[1];
          break;
        }
        case TAN: {   // tan z = −i·tanh(i z)
          double[] t = tanh(-im, re);
          zr = t[1];
          zi = -t[0];
          break;
        }
        default: { // SQRT: principal root, no cancellation
          double m = Math.hypot(re, im);
          if (m == 0) {
            zr = 0;
            zi = im;
          } else if (re >= 0) {
            zr = Math.sqrt((m + re) / 2);
            zi = im / (2 * zr);
          } else {
            zi = Math.copySign(Math.sqrt((m - re) / 2), im);
            zr = im / (2 * zi);
          }
        }
      }
      out[2 * k] = zr;
      out[2 * k + 1] = zi;
    }
    return real ? Tensor.wrap(a.shape(), out) : Tensor.wrapComplex(a.shape(), out);
  }
}
