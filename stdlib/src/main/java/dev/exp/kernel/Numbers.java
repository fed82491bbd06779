package dev.exp.kernel;

import dev.exp.tensor.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in kernel messages and summaries, printed as the language prints them: integral values
 * without a decimal point ({@code 3}, {@code -1}), others as the shortest decimal that reads back to
 * the same double in Python's repr layout ({@code 0.1}, {@code 1e-05}, {@code 1e+20}), {@code nan},
 * {@code inf}, {@code -inf} — never Java's {@code 1.0E-5} or {@code -1.0}. (The same rules as the
 * interpreter's printer, {@code dev.exp.text.Numbers}.) Tensors read as their values and shape:
 * {@code [0.5, 1.5] (shape [2])}.
 */
public final class Numbers {
  private Numbers() {}

  /** Values of a tensor or array shown in a message before it is cut short with "...". */
  static final int SHOWN = 8;

  /** A double as Exp prints it. */
  public static String format(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e16) {
      if (x == 0 && 1 / x < 0) {
        return "-0";
      }
      return Long.toString((long) x);
    }
    String quick = shortDecimal(x);
    return quick != null ? quick : shortest(x);
  }

  /**
   * The shortest decimal that reads back to x (finite, not integral below 1e16): Schubfach (Giulietti's
   * algorithm, as JDK 19+ Double.toString; the copy in jackson-core, which Exp already uses, so JDK 17
   * prints the same digits), ~10x faster than {@link #exactShortest}. Schubfach prefers a closer
   * 2-digit decimal to a 1-digit one that also reads back (4.9E-324, where Python prints 5e-324):
   * 2-digit results take the exact path, which finds the 1-digit one when there is one.
   */
  static String shortest(double x) {
    BigDecimal d = new BigDecimal(com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal.toString(x)).stripTrailingZeros();
    return d.precision() <= 2 ? exactShortest(x) : render(d);
  }

  /** The shortest decimal that reads back to x (finite, not integral below 1e16), by exact decimal arithmetic. */
  static String exactShortest(double x) {
    BigDecimal exact = new BigDecimal(x);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(r.toString()) == x) {
        shortest = r;
        break;
      }
    }
    return render(shortest.stripTrailingZeros());
  }

  /** 10^k, exact in a double for k <= 22. */
  private static final double[] POW10 = new double[18];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = p;
      p *= 10;
    }
  }

  /**
   * The shortest decimal of x without BigDecimal, in positional form (|x| in [1e-4, 1e15)), or null
   * to take the exact path. For k = 1, 2, ... it tries m = round(x·10^k): m and 10^k are exact
   * doubles, so m / 10^k is the correctly rounded value of the decimal m·10^-k, and equality with x
   * means that decimal reads back to x. m is taken among round(x·10^k) and its two neighbours (the
   * product is rounded); the first k with one that reads back has the fewest digits. When two read
   * back, the closest is not known without exact arithmetic: null. Otherwise m is the only decimal
   * of that length that reads back, which is what the exact path finds
   * (0.5, 0.1, 3.25 and other short decimals take ~30 ns instead of ~300 ns).
   */
  static String shortDecimal(double x) {
    double a = Math.abs(x);
    if (!(a >= 1e-4 && a < 1e15)) {
      return null;
    }
    for (int k = 1; k < POW10.length; k++) {
      double scaled = a * POW10[k];
      if (scaled >= 0x1p53) {
        return null;
      }
      // the integer nearest the exact a·10^k is rint(scaled) or a neighbour (scaled is rounded)
      double r = Math.rint(scaled);
      int found = 0;
      double m = 0;
      for (double c = r - 1; c <= r + 1; c++) {
        if (c / POW10[k] == a) {
          found++;
          m = c;
        }
      }
      if (found > 1) {
        return null;
      }
      if (found == 1) {
        String digits = Long.toString((long) m);
        StringBuilder sb = new StringBuilder(digits.length() + k + 3);
        if (x < 0) {
          sb.append('-');
        }
        if (digits.length() <= k) {
          sb.append("0.");
          for (int z = digits.length(); z < k; z++) {
            sb.append('0');
          }
          sb.append(digits);
        } else {
          sb.append(digits, 0, digits.length() - k).append('.').append(digits, digits.length() - k, digits.length());
        }
        return sb.toString();
      }
    }
    return null;
  }

  /**
   * v rounded to the given number of significant digits, then printed as {@link #format} prints it:
   * {@code significant(1.04e-16, 2)} is {@code 1e-16}, {@code significant(0.123456, 3)} is {@code 0.123}.
   */
  public static String significant(double v, int digits) {
    if (!Double.isFinite(v) || v == 0) {
      return format(v);
    }
    return format(new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue());
  }

  /** Python-repr layout: positional for exponents in [-5, 16), else d.ddde±XX. */
  private static String render(BigDecimal d) {
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = d.signum() < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      return sign + d.abs().toPlainString();
    }
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format(Locale.ROOT, "%02d", Math.abs(exp));
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
  }

  /** A complex number as Exp prints it: 1+2i, 1-0.5i, 2i. */
  public static String complex(double re, double im) {
    if (re == 0 && 1 / re > 0) {
      return format(im) + "i";
    }
    boolean negative = im < 0 || (im == 0 && 1 / im < 0);
    return format(re) + (negative ? "-" : "+") + format(Math.abs(im)) + "i";
  }

  /** Values as a short list: [1, 0.5, 2], cut after a few values: [1, 2, 3, ...]. */
  public static String list(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      if (i == SHOWN && v.length > SHOWN + 1) {
        b.append("...");
        break;
      }
      b.append(format(v[i]));
    }
    return b.append(']').toString();
  }

  /**
   * A tensor for a message: a number for a scalar tensor, else its (flattened) values, cut short when
   * long, and its shape: {@code [0.5, 1.5] (shape [2])}, {@code [1, 2, 3, 4] (shape [2, 2])}.
   */
  public static String tensor(Tensor t) {
    if (t.isComplex()) {
      double[] z = t.complexRaw();
      if (t.rank() == 0) {
        return complex(z[0], z[1]);
      }
      StringBuilder b = new StringBuilder("[");
      int n = t.size();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          b.append(", ");
        }
        if (i == SHOWN && n > SHOWN + 1) {
          b.append("...");
          break;
        }
        b.append(complex(z[2 * i], z[2 * i + 1]));
      }
      return b.append("] (shape ").append(Tensor.shapeString(t.shape())).append(')').toString();
    }
    if (t.rank() == 0) {
      return format(t.item());
    }
    double[] v = t.size() <= SHOWN + 1 ? t.raw() : java.util.Arrays.copyOf(t.raw(), SHOWN + 2);
    String l = list(v);
    if (t.size() > v.length && !l.endsWith("...]")) {
      l = l.substring(0, l.length() - 1) + ", ...]";
    }
    return l + " (shape " + Tensor.shapeString(t.shape()) + ")";
  }

  /** Any value for a message: numbers, tensors and double arrays as above, others as String.valueOf. */
  public static String value(Object o) {
    if (o instanceof Double d) {
      return format(d);
    }
    if (o instanceof Float f) {
      return format(f);
    }
    if (o instanceof Tensor t) {
      return tensor(t);
    }
    if (o instanceof double[] a) {
      return list(a);
    }
    return String.valueOf(o);
  }

  /** A format specifier; in a holder class, so that printing a number compiles no regex. */
  private static final class Spec {
    static final Pattern P = Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");
  }

  /**
   * {@link String#format} (Locale.ROOT) where every argument printed with %s that is a number, a
   * tensor or a double[] reads as {@link #value} gives; other conversions (%d, %.3g, ...) are as
   * String.format has them.
   */
  public static String message(String format, Object... args) {
    if (args == null || args.length == 0) {
      return String.format(Locale.ROOT, format, args);
    }
    Object[] a = args.clone();
    boolean[] asString = new boolean[a.length];
    boolean[] other = new boolean[a.length];
    Matcher m = Spec.P.matcher(format);
    int ordinary = 0;
    int last = -1;
    while (m.find()) {
      char conv = m.group(6).charAt(0);
      if (conv == '%' || conv == 'n') {
        continue;
      }
      int idx;
      String flags = m.group(2) == null ? "" : m.group(2);
      if (m.group(1) != null) {
        idx = Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1)) - 1;
      } else if (flags.indexOf('<') >= 0) {
        idx = last;
      } else {
        idx = ordinary++;
      }
      last = idx;
      if (idx < 0 || idx >= a.length) {
        continue;
      }
      if (conv == 's' && m.group(5) == null && !flags.contains("#")) {
        asString[idx] = true;
      } else {
        other[idx] = true;
      }
    }
    for (int i = 0; i < a.length; i++) {
      if (asString[i] && !other[i]) {
        Object o = a[i];
        if (o instanceof Double || o instanceof Float || o instanceof Tensor || o instanceof double[]) {
          a[i] = value(o);
        }
      }
    }
    return String.format(Locale.ROOT, format, a);
  }
}
