package dev.exp.tensor.op;

/**
 * The binary operators and element-wise binary functions, identified once from the AST down to the
 * kernels. Each constant carries its scalar definition (the reference every loop is tested against),
 * its dtype rule and, for the autodiff work, a slot for its derivative.
 *
 * <p>Comparisons return 1.0 or 0.0 element-wise; {@link #MATMUL} is not element-wise and has no
 * scalar definition.
 */
public enum BinaryOp {
  ADD("+", Kind.ARITHMETIC),
  SUB("-", Kind.ARITHMETIC),
  MUL("*", Kind.ARITHMETIC),
  DIV("/", Kind.ARITHMETIC),
  /** Floored modulo: the result has the sign of the divisor (Python, NumPy). */
  MOD("%", Kind.ARITHMETIC),
  POW("^", Kind.ARITHMETIC),
  MATMUL("@", Kind.CONTRACTION),
  EQ("==", Kind.COMPARISON),
  NE("!=", Kind.COMPARISON),
  LT("<", Kind.COMPARISON),
  LE("<=", Kind.COMPARISON),
  GT(">", Kind.COMPARISON),
  GE(">=", Kind.COMPARISON),
  /** Element-wise maximum; NaN if either is NaN (NumPy's {@code maximum}). */
  MAXIMUM("maximum", Kind.FUNCTION),
  /** Element-wise minimum; NaN if either is NaN (NumPy's {@code minimum}). */
  MINIMUM("minimum", Kind.FUNCTION),
  ATAN2("atan2", Kind.FUNCTION),
  HYPOT("hypot", Kind.FUNCTION);

  /** How an operator behaves with respect to dtypes and broadcasting. */
  public enum Kind {
    /** Element-wise, result dtype = the wider operand dtype. */
    ARITHMETIC,
    /** Element-wise, result is 0/1 (float64); ordering comparisons on complex values are an error. */
    COMPARISON,
    /** Element-wise named function on real values. */
    FUNCTION,
    /** Not element-wise ({@code @}). */
    CONTRACTION
  }

  private final String symbol;
  private final Kind kind;

  BinaryOp(String symbol, Kind kind) {
    this.symbol = symbol;
    this.kind = kind;
  }

  /** The operator as written in scripts ({@code "+"}) or the function name ({@code "maximum"}). */
  public String symbol() {
    return symbol;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isComparison() {
    return kind == Kind.COMPARISON;
  }

  public boolean isElementWise() {
    return kind != Kind.CONTRACTION;
  }

  /** The operator for a symbol as written in scripts, or null. */
  public static BinaryOp ofSymbol(String symbol) {
    for (BinaryOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }

  /**
   * {@code x ^ y} as C99/IEEE 754 {@code pow} (and NumPy) define it: {@link Math#pow}, except that
   * {@code 1 ^ y} is 1 for every y (nan and ±inf too) and {@code (-1) ^ ±inf} is 1, where Java gives nan.
   */
  public static double pow(double x, double y) {
    if (x == 1 || x == -1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }

  /**
   * 1 for true, 0 for false, without a branch. Written {@code c ? 1 : 0} with a double result, the
   * JIT selects between two doubles, which x86 can only do by branching, and a comparison's outcome
   * is as unpredictable as the data (`x > 0` on random values: 4.3 ms per million); through an int
   * it is a flag set and a conversion (0.7 ms).
   */
  public static double bit(boolean c) {
    int b = c ? 1 : 0;
    return b;
  }

  /** The scalar definition: the reference semantics of every loop of this operator. */
  public double apply(double x, double y) {
    switch (this) {
      case ADD: return x + y;
      case SUB: return x - y;
      case MUL: return x * y;
      case DIV: return x / y;
      case MOD: return floorMod(x, y);
      case POW: return pow(x, y);
      case EQ: return bit(x == y);
      case NE: return bit(x != y);
      case LT: return bit(x < y);
      case LE: return bit(x <= y);
      case GT: return bit(x > y);
      case GE: return bit(x >= y);
      case MAXIMUM: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
      case MINIMUM: return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
      case ATAN2: return Math.atan2(x, y);
      case HYPOT: return Math.hypot(x, y);
      default: throw new UnsupportedOperationException("operator '" + symbol + "' is not element-wise");
    }
  }

  /**
   * The derivative slot, for reverse-mode autodiff (not yet used by any kernel): the partial
   * derivative of {@code apply(x, y)} with respect to x ({@code wrtLeft}) or y. Comparisons give 0;
   * maximum/minimum route the derivative to the chosen operand (x on ties).
   */
  public double partial(double x, double y, boolean wrtLeft) {
    switch (this) {
      case ADD: return 1;
      case SUB: return wrtLeft ? 1 : -1;
      case MUL: return wrtLeft ? y : x;
      case DIV: return wrtLeft ? 1 / y : -x / (y * y);
      case MOD: return wrtLeft ? 1 : -Math.floor(x / y);
      case POW: return wrtLeft ? y * Math.pow(x, y - 1) : Math.pow(x, y) * Math.log(x);
      case MAXIMUM: return (x >= y) == wrtLeft ? 1 : 0;
      case MINIMUM: return (x <= y) == wrtLeft ? 1 : 0;
      case ATAN2: { double d = x * x + y * y; return wrtLeft ? y / d : -x / d; }
      case HYPOT: { double h = Math.hypot(x, y); return (wrtLeft ? x : y) / h; }
      case MATMUL: throw new UnsupportedOperationException("'@' is not element-wise");
      default: return 0; // comparisons
    }
  }

  /** Floored modulo: the result has the sign of the divisor, as in Python and NumPy; x % 0 = NaN. */
  public static double floorMod(double x, double y) {
    if (y == 0) {
      return Double.NaN;
    }
    // integers (the common case, e.g. i % 7): exact and far faster than the floating-point remainder
    if (Math.abs(x) <= 0x1p53 && Math.abs(y) <= 0x1p53 && x == Math.rint(x) && y == Math.rint(y)) {
      return Math.floorMod((long) x, (long) y);
    }
    double r = x % y;
    if (r != 0 && (r < 0) != (y < 0)) {
      r += y;
    }
    return r;
  }
}
