package dev.exp.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting shared by tables, plots and files.
 *
 * <p>{@link #compact(double)} is the display form (4 significant digits): {@code 0.01234},
 * {@code 1.235e-05}, {@code 1234}, {@code 312.3}; integral values below 10<sup>15</sup> print in full
 * ({@code 65536}); values from 10<sup>4</sup> to 10<sup>6</sup> are rounded to an integer; outside
 * [10<sup>-4</sup>, 10<sup>6</sup>) scientific notation with a two-digit exponent is used. NaN prints
 * as {@code nan}, infinities as {@code inf} / {@code -inf}.
 *
 * <p>{@link #exact(double)} is the file form: integral values without a decimal point, others with
 * {@link Double#toString(double)} (reads back to the same double), {@code nan}, {@code inf},
 * {@code -inf}.
 */
public final class Num {
  private Num() {}

  /** Display form with 4 significant digits. */
  public static String compact(double v) {
    return compact(v, 4);
  }

  /** Display form with {@code digits} significant digits. */
  public static String compact(double v, int digits) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e15) {
      return Long.toString((long) v);
    }
    if (a >= 1e4 && a < 1e6) {
      return Long.toString(Math.round(v));
    }
    if (a >= 1e-4 && a < 1e4) {
      BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (b.compareTo(BigDecimal.ZERO) == 0) {
        return "0";
      }
      return b.stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    int e = s.indexOf('e');
    String mant = s.substring(0, e);
    if (mant.indexOf('.') >= 0) {
      mant = mant.replaceAll("0+$", "");
      if (mant.endsWith(".")) {
        mant = mant.substring(0, mant.length() - 1);
      }
    }
    return mant + s.substring(e);
  }

  /**
   * File form: exact (reads back to the same double), as the language prints numbers (shortest
   * digits, {@code 0.000488377}, {@code 1e-07}, {@code 1e+20}; the same text on every JDK), -0 included.
   */
  public static String exact(double v) {
    return dev.exp.kernel.Numbers.format(v);
  }

  /**
   * Parses a number in file form, also accepting {@code NaN}, {@code Infinity}, {@code +inf} in any
   * case. Returns null when {@code s} is not a number.
   */
  public static Double parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "nan":
      case "+nan":
      case "-nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    char c = t.charAt(t.length() - 1);
    if (!(Character.isDigit(c) || c == '.')) {
      return null; // rejects Java's "1d", "2f" suffixes
    }
    char c0 = t.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '.' || c0 == '-' || c0 == '+')) {
      return null;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
