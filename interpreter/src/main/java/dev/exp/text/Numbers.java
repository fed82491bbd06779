package dev.exp.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How Exp prints numbers: integral values without a decimal point ({@code 3}), others as the
 * shortest decimal that reads back to the same double ({@code 0.1}, {@code 1e-05}, {@code nan},
 * {@code inf}). Computed with exact decimal arithmetic, so the text is the same on every JDK.
 */
public final class Numbers {
  private Numbers() {}

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

  /** Python-repr layout: positional for exponents in [-5, 16), else d.ddde±XX. */
  private static String render(BigDecimal d) {
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = d.signum() < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      return sign + d.abs().toPlainString();
    }
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format("%02d", Math.abs(exp));
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
  }
}
