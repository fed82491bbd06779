package dev.exp.tensor.op;

/**
 * The unary operators and element-wise functions, identified once from the AST (or the kernel
 * name) down to the loops. Each constant carries its scalar definition, the reference every
 * vectorised or fused loop is tested against.
 */
public enum UnaryOp {
  NEG("-"),
  /** Logical not on 0/1 values: 1 where x == 0, else 0. */
  NOT("not"),
  ABS("abs"),
  SIGN("sign"),
  EXP("exp"),
  EXPM1("expm1"),
  LOG("log"),
  LOG2("log2"),
  LOG10("log10"),
  LOG1P("log1p"),
  SQRT("sqrt"),
  SQUARE("square"),
  SIN("sin"),
  COS("cos"),
  TAN("tan"),
  ARCSIN("arcsin"),
  ARCCOS("arccos"),
  ARCTAN("arctan"),
  SINH("sinh"),
  COSH("cosh"),
  TANH("tanh"),
  SIGMOID("sigmoid"),
  RELU("relu"),
  SOFTPLUS("softplus"),
  FLOOR("floor"),
  CEIL("ceil"),
  /** Round half to even (NumPy's {@code round}). */
  RINT("round"),
  ISNAN("isnan"),
  ISFINITE("isfinite");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator ({@code "-"}, {@code "not"}) or function name as scripts write it. */
  public String symbol() {
    return symbol;
  }

  /** The function of that name, or null. */
  public static UnaryOp ofSymbol(String symbol) {
    for (UnaryOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }

  /** The scalar definition: the reference semantics of every loop of this operator. */
  public double apply(double v) {
    switch (this) {
      case NEG: return -v;
      case NOT: return BinaryOp.bit(v == 0);
      case ABS: return Math.abs(v);
      case SIGN: return v == 0 ? 0.0 : Math.signum(v);
      case EXP: return Math.exp(v);
      case EXPM1: return Math.expm1(v);
      case LOG: return Math.log(v);
      case LOG2: return log2(v);
      case LOG10: return Math.log10(v);
      case LOG1P: return Math.log1p(v);
      case SQRT: return Math.sqrt(v);
      case SQUARE: return v * v;
      case SIN: return Math.sin(v);
      case COS: return Math.cos(v);
      case TAN: return Math.tan(v);
      case ARCSIN: return Math.asin(v);
      case ARCCOS: return Math.acos(v);
      case ARCTAN: return Math.atan(v);
      case SINH: return Math.sinh(v);
      case COSH: return Math.cosh(v);
      case TANH: return Math.tanh(v);
      case SIGMOID: return sigmoid(v);
      case RELU: return v > 0 ? v : (Double.isNaN(v) ? v : 0.0);
      case SOFTPLUS: return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      case FLOOR: return Math.floor(v);
      case CEIL: return Math.ceil(v);
      case RINT: return Math.rint(v);
      case ISNAN: return BinaryOp.bit(Double.isNaN(v));
      case ISFINITE: return BinaryOp.bit(Double.isFinite(v));
      default: throw new AssertionError(this);
    }
  }

  /**
   * The derivative slot, for reverse-mode autodiff (not yet used by any kernel): d op(v) / dv at v.
   * Piecewise-constant operators (sign, floor, ceil, round, not, isnan, isfinite) give 0; abs and
   * relu give 0 at 0 (NumPy/PyTorch's subgradient choice).
   */
  public double derivative(double v) {
    switch (this) {
      case NEG: return -1;
      case ABS: return v > 0 ? 1 : (v < 0 ? -1 : (Double.isNaN(v) ? v : 0));
      case EXP: return Math.exp(v);
      case EXPM1: return Math.exp(v);
      case LOG: return 1 / v;
      case LOG2: return 1 / (v * Math.log(2));
      case LOG10: return 1 / (v * Math.log(10));
      case LOG1P: return 1 / (1 + v);
      case SQRT: return 0.5 / Math.sqrt(v);
      case SQUARE: return 2 * v;
      case SIN: return Math.cos(v);
      case COS: return -Math.sin(v);
      case TAN: { double c = Math.cos(v); return 1 / (c * c); }
      case ARCSIN: return 1 / Math.sqrt(1 - v * v);
      case ARCCOS: return -1 / Math.sqrt(1 - v * v);
      case ARCTAN: return 1 / (1 + v * v);
      case SINH: return Math.cosh(v);
      case COSH: return Math.sinh(v);
      case TANH: { double t = Math.tanh(v); return 1 - t * t; }
      case SIGMOID: { double s = sigmoid(v); return s * (1 - s); }
      case RELU: return v > 0 ? 1 : (Double.isNaN(v) ? v : 0);
      case SOFTPLUS: return sigmoid(v);
      default: return Double.isNaN(v) ? v : 0; // sign, floor, ceil, round, not, isnan, isfinite
    }
  }

  /** Base-2 logarithm, exact for powers of two. */
  public static double log2(double v) {
    if (v > 0 && Double.isFinite(v)) {
      int e = Math.getExponent(v);
      if (v == Math.scalb(1.0, e)) {
        return e;
      }
    }
    return Math.log(v) / Math.log(2);
  }

  /** Numerically stable logistic function. */
  public static double sigmoid(double v) {
    if (v >= 0) {
      return 1 / (1 + Math.exp(-v));
    }
    double e = Math.exp(v);
    return e / (1 + e);
  }
}
