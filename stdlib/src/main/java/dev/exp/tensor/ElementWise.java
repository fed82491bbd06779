package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise math. The unary kernels accept a number or a tensor: a number gives a number back, a
 * tensor gives a tensor of the same shape. Java callers use the {@code Tensor} overloads. Every kernel
 * here is a thin wrapper over the op table: {@link TensorOps} with a {@link UnaryOp} or {@link BinaryOp}
 * (one loop per call, vectorised where the Vector API is available); numbers use the operator's
 * scalar definition.
 */
public final class ElementWise {
  private ElementWise() {}

  /**
   * The operator whose scalar definition ({@link UnaryOp#apply}) the kernel {@code name} of this class
   * computes for a number, or null when it does something else with numbers (a bool, extra
   * arguments). Compiled scalar code uses this to compute such calls inline.
   */
  public static UnaryOp scalarOp(String name) {
    return switch (name) {
      case "exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "square", "tanh", "sigmoid", "relu",
          "softplus", "abs", "sign", "floor", "ceil", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
          "sinh", "cosh" -> UnaryOp.ofSymbol(name);
      default -> null;
    };
  }

  /** Applies {@code op} to a number (giving a Double) or to every element of a tensor (the op table's loops). */
  static Object unary(Object x, UnaryOp op) {
    if (x instanceof Number n) {
      return op.apply(n.doubleValue());
    }
    return TensorOps.unary(op, TensorArgs.toTensor(x, op.symbol() + ": x"));
  }

  /** Applies {@code f} to a number (giving a Double) or to every element of a real tensor. */
  static Object unary(Object x, String fn, DoubleUnaryOperator f) {
    if (x instanceof Number n) {
      return f.applyAsDouble(n.doubleValue());
    }
    return TensorArgs.toTensor(x, fn + ": x").map(f);
  }

  /**
   * Applies {@code f} to a number (giving a Double) or to every element of a tensor, refusing a complex
   * one as argument {@code arg} of {@code fn} (the special functions, the normal distribution).
   */
  public static Object realMap(Object x, String fn, String arg, DoubleUnaryOperator f) {
    if (x instanceof Number n) {
      return f.applyAsDouble(n.doubleValue());
    }
    Tensor t = TensorArgs.toTensor(x, fn + ": " + arg);
    TensorArgs.requireReal(t, fn, arg);
    return t.map(f);
  }

  // ------------------------------------------------------------------ exp/log family

  @Kernel(name = "exp", doc = "e raised to x, element-wise.")
  public static Object exp(@Arg("x") Object x) {
    return unary(x, UnaryOp.EXP);
  }

  public static Tensor exp(Tensor x) {
    return TensorOps.unary(UnaryOp.EXP, x);
  }

  @Kernel(name = "log", doc = "Natural logarithm, element-wise (log(0) = -inf, log of a negative number = nan).")
  public static Object log(@Arg("x") Object x) {
    return unary(x, UnaryOp.LOG);
  }

  public static Tensor log(Tensor x) {
    return TensorOps.unary(UnaryOp.LOG, x);
  }

  @Kernel(name = "log2", doc = "Base-2 logarithm, element-wise.")
  public static Object log2(@Arg("x") Object x) {
    return unary(x, UnaryOp.LOG2);
  }

  static double log2(double v) {
    return dev.exp.tensor.op.UnaryOp.log2(v);
  }

  @Kernel(name = "log10", doc = "Base-10 logarithm, element-wise.")
  public static Object log10(@Arg("x") Object x) {
    return unary(x, UnaryOp.LOG10);
  }

  @Kernel(name = "log1p", doc = "log(1 + x), accurate for small x.")
  public static Object log1p(@Arg("x") Object x) {
    return unary(x, UnaryOp.LOG1P);
  }

  @Kernel(name = "expm1", doc = "exp(x) - 1, accurate for small x.")
  public static Object expm1(@Arg("x") Object x) {
    return unary(x, UnaryOp.EXPM1);
  }

  @Kernel(name = "sqrt", doc = "Square root, element-wise (nan for negative values).")
  public static Object sqrt(@Arg("x") Object x) {
    return unary(x, UnaryOp.SQRT);
  }

  public static Tensor sqrt(Tensor x) {
    return TensorOps.unary(UnaryOp.SQRT, x);
  }

  @Kernel(name = "square", doc = "x * x, element-wise.")
  public static Object square(@Arg("x") Object x) {
    return unary(x, UnaryOp.SQUARE);
  }

  // ------------------------------------------------------------------ activations

  @Kernel(name = "tanh", doc = "Hyperbolic tangent, element-wise.")
  public static Object tanh(@Arg("x") Object x) {
    return unary(x, UnaryOp.TANH);
  }

  @Kernel(name = "sigmoid", doc = "The logistic function 1 / (1 + exp(-x)), element-wise; "
      + "computed without overflow for large |x| (sigmoid(-1000) = 0, sigmoid(1000) = 1).")
  public static Object sigmoid(@Arg("x") Object x) {
    return unary(x, UnaryOp.SIGMOID);
  }

  public static Tensor sigmoid(Tensor x) {
    return TensorOps.unary(UnaryOp.SIGMOID, x);
  }

  /** Numerically stable logistic function. */
  public static double sigmoid(double v) {
    return dev.exp.tensor.op.UnaryOp.sigmoid(v);
  }

  @Kernel(name = "relu", doc = "max(x, 0), element-wise.")
  public static Object relu(@Arg("x") Object x) {
    return unary(x, UnaryOp.RELU);
  }

  @Kernel(name = "softplus", doc = "log(1 + exp(x)), element-wise, without overflow for large x.")
  public static Object softplus(@Arg("x") Object x) {
    return unary(x, UnaryOp.SOFTPLUS);
  }

  // ------------------------------------------------------------------ sign and rounding

  @Kernel(name = "abs", doc = "Absolute value, element-wise; for complex values the magnitude |z| (a real result).")
  public static Object abs(@Arg("x") Object x) {
    if (ComplexKernels.isComplex(x)) {
      return ComplexKernels.abs(x);   // |z|: complex in, real out
    }
    return unary(x, UnaryOp.ABS);
  }

  @Kernel(name = "sign", doc = "-1, 0 or 1 by the sign of x, element-wise (nan stays nan).")
  public static Object sign(@Arg("x") Object x) {
    return unary(x, UnaryOp.SIGN);
  }

  @Kernel(name = "floor", doc = "Largest integer <= x, element-wise.")
  public static Object floor(@Arg("x") Object x) {
    return unary(x, UnaryOp.FLOOR);
  }

  @Kernel(name = "ceil", doc = "Smallest integer >= x, element-wise.")
  public static Object ceil(@Arg("x") Object x) {
    return unary(x, UnaryOp.CEIL);
  }

  @Kernel(name = "round", doc = "Rounds to the given number of decimals, halves to even (as NumPy): "
      + "round(0.5) = 0, round(1.5) = 2, round(2.5) = 2. With decimals d, rounds x * 10^d and divides back.")
  public static Object round(@Arg("x") Object x, @Arg(value = "decimals", dflt = "0") int decimals) {
    if (decimals == 0) {
      return unary(x, UnaryOp.RINT);
    }
    double scale = Math.pow(10, decimals);
    return unary(x, "round", v -> Math.rint(v * scale) / scale);
  }

  // ------------------------------------------------------------------ trigonometry

  @Kernel(name = "sin", doc = "Sine (radians), element-wise.")
  public static Object sin(@Arg("x") Object x) {
    return unary(x, UnaryOp.SIN);
  }

  @Kernel(name = "cos", doc = "Cosine (radians), element-wise.")
  public static Object cos(@Arg("x") Object x) {
    return unary(x, UnaryOp.COS);
  }

  @Kernel(name = "tan", doc = "Tangent (radians), element-wise.")
  public static Object tan(@Arg("x") Object x) {
    return unary(x, UnaryOp.TAN);
  }

  @Kernel(name = "arcsin", doc = "Inverse sine, element-wise (nan outside [-1, 1]).")
  public static Object arcsin(@Arg("x") Object x) {
    return unary(x, UnaryOp.ARCSIN);
  }

  @Kernel(name = "arccos", doc = "Inverse cosine, element-wise (nan outside [-1, 1]).")
  public static Object arccos(@Arg("x") Object x) {
    return unary(x, UnaryOp.ARCCOS);
  }

  @Kernel(name = "arctan", doc = "Inverse tangent, element-wise.")
  public static Object arctan(@Arg("x") Object x) {
    return unary(x, UnaryOp.ARCTAN);
  }

  @Kernel(name = "sinh", doc = "Hyperbolic sine, element-wise.")
  public static Object sinh(@Arg("x") Object x) {
    return unary(x, UnaryOp.SINH);
  }

  @Kernel(name = "cosh", doc = "Hyperbolic cosine, element-wise.")
  public static Object cosh(@Arg("x") Object x) {
    return unary(x, UnaryOp.COSH);
  }

  // ------------------------------------------------------------------ tests

  @Kernel(name = "isnan", doc = "Whether x is nan: a bool for a number, a 0/1 tensor for a tensor.")
  public static Object isnan(@Arg("x") Object x) {
    if (x instanceof Number n) {
      return Double.isNaN(n.doubleValue());
    }
    return unary(x, UnaryOp.ISNAN);
  }

  @Kernel(name = "isfinite", doc = "Whether x is finite (not nan or ±inf): a bool for a number, a 0/1 tensor for a tensor.")
  public static Object isfinite(@Arg("x") Object x) {
    if (x instanceof Number n) {
      return Double.isFinite(n.doubleValue());
    }
    return unary(x, UnaryOp.ISFINITE);
  }

  // ------------------------------------------------------------------ binary

  /** Broadcasting binary op through the op table; two numbers give a number. */
  static Object binary(Object a, Object b, BinaryOp op) {
    if (a instanceof Number x && b instanceof Number y) {
      return op.apply(x.doubleValue(), y.doubleValue());
    }
    String fn = op.symbol();
    return TensorOps.binary(op, TensorArgs.toTensor(a, fn + ": a"), TensorArgs.toTensor(b, fn + ": b"));
  }

  @Kernel(name = "maximum", doc = "Element-wise maximum of a and b with broadcasting (nan if either is nan). "
      + "Example: maximum(x, 0)")
  public static Object maximum(@Arg("a") Object a, @Arg("b") Object b) {
    return binary(a, b, BinaryOp.MAXIMUM);
  }

  @Kernel(name = "minimum", doc = "Element-wise minimum of a and b with broadcasting (nan if either is nan).")
  public static Object minimum(@Arg("a") Object a, @Arg("b") Object b) {
    return binary(a, b, BinaryOp.MINIMUM);
  }

  @Kernel(name = "clip", doc = "Limits values to [lo, hi], element-wise: minimum(maximum(x, lo), hi) as NumPy's "
      + "clip. lo and hi are numbers or tensors that broadcast with x; either may be none (no bound); a nan bound "
      + "gives nan. Two number bounds with lo > hi are an error. Example: clip(x, 0, 1)")
  public static Object clip(@Arg("x") Object x, @Arg(value = "lo", dflt = "none") Object lo,
      @Arg(value = "hi", dflt = "none") Object hi) {
    if ((lo == null || lo instanceof Number) && (hi == null || hi instanceof Number)) {
      double l = lo == null ? Double.NEGATIVE_INFINITY : ((Number) lo).doubleValue();
      double h = hi == null ? Double.POSITIVE_INFINITY : ((Number) hi).doubleValue();
      if (l > h) {
        throw KernelException.of("clip: lo (%s) must not exceed hi (%s)", TensorArgs.fmt(l), TensorArgs.fmt(h));
      }
      if (!Double.isNaN(l) && !Double.isNaN(h)) {
        return unary(x, "clip", v -> v < l ? l : (v > h ? h : v));   // a nan x stays nan
      }
    }
    Object r = x;
    if (lo != null) {
      r = TensorOps.binary(BinaryOp.MAXIMUM, TensorArgs.toTensor(r, "clip: x"), TensorArgs.toTensor(lo, "clip: lo"));
    }
    if (hi != null) {
      r = TensorOps.binary(BinaryOp.MINIMUM, TensorArgs.toTensor(r, "clip: x"), TensorArgs.toTensor(hi, "clip: hi"));
    }
    return x instanceof Number && r instanceof Tensor t && t.rank() == 0 ? (Object) t.at(0) : r;
  }

  // ------------------------------------------------------------------ scans

  @Kernel(name = "cumsum", doc = "Cumulative sum along axis; with axis none, of the flattened values (as NumPy). "
      + "Example: cumsum([1, 2, 3]) is [1, 3, 6]")
  public static Tensor cumsum(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return scan(x, axis, true);
  }

  @Kernel(name = "cumprod", doc = "Cumulative product along axis; with axis none, of the flattened values.")
  public static Tensor cumprod(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return scan(x, axis, false);
  }

  private static Tensor scan(Tensor x, Integer axis, boolean sum) {
    if (x.isComplex()) {
      return ComplexReductions.scan(x, axis, sum);
    }
    Tensor src = axis == null || x.rank() == 0 ? x.reshape(x.size()) : x;
    int ax = Tensor.normalizeAxis(axis == null ? 0 : axis, src.rank());
    TensorArgs.Lanes l = TensorArgs.Lanes.of(src.shape(), ax);
    double[] a = src.raw();
    double[] d = new double[a.length];
    int n = l.n();
    int inner = l.stride();
    if (n == 0 || a.length == 0) {
      return Tensor.wrap(src.shape(), d);
    }
    // Each lane runs its own accumulator in lane order; the loops go row by row so memory is read in
    // order (for inner > 1 the inner lanes advance together).
    for (int o = 0; o < l.outer(); o++) {
      int base = o * n * inner;
      if (inner == 1) {
        double acc = sum ? 0 : 1;
        if (sum) {
          for (int i = 0; i < n; i++) {
            acc += a[base + i];
            d[base + i] = acc;
          }
        } else {
          for (int i = 0; i < n; i++) {
            acc *= a[base + i];
            d[base + i] = acc;
          }
        }
        continue;
      }
      for (int j = 0; j < inner; j++) {
        d[base + j] = sum ? 0 + a[base + j] : 1 * a[base + j];
      }
      for (int i = 1; i < n; i++) {
        int p = base + i * inner;
        int q = p - inner;
        if (sum) {
          for (int j = 0; j < inner; j++) {
            d[p + j] = d[q + j] + a[p + j];
          }
        } else {
          for (int j = 0; j < inner; j++) {
            d[p + j] = d[q + j] * a[p + j];
          }
        }
      }
    }
    return Tensor.wrap(src.shape(), d);
  }

  @Kernel(name = "diff", doc = "n-th discrete difference along axis (default the last): out[i] = x[i+1] - x[i], "
      + "applied n times; the axis shrinks by n. Example: diff([1, 4, 9, 16]) is [3, 5, 7]")
  public static Tensor diff(@Arg("x") Tensor x, @Arg(value = "n", dflt = "1") int n,
      @Arg(value = "axis", dflt = "-1") int axis) {
    if (n < 0) {
      throw KernelException.of("diff: n must be non-negative, got %d", n);
    }
    if (x.rank() == 0) {
      throw KernelException.of("diff: x must have at least one dimension, got a scalar tensor");
    }
    int ax = Tensor.normalizeAxis(axis, x.rank());
    Tensor t = x;
    for (int k = 0; k < n; k++) {
      int[] s = t.shape();
      int len = s[ax];
      if (len == 0) {
        break;
      }
      TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
      int[] os = TensorArgs.withAxis(s, ax, len - 1);
      TensorArgs.Lanes lo = TensorArgs.Lanes.of(os, ax);
      double[] a = t.raw();
      double[] d = new double[TensorArgs.prod(os, 0, os.length)];
      int st = l.stride();
      for (int lane = 0; lane < l.count(); lane++) {
        int off = l.start(lane);
        int ooff = lo.start(lane);
        for (int i = 0; i < len - 1; i++) {
          d[ooff + i * st] = a[off + (i + 1) * st] - a[off + i * st];
        }
      }
      t = Tensor.wrap(os, d);
    }
    return t == x ? x.copy() : t;
  }
}
