package dev.exp.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick selection and tick labels. Linear axes use "nice" steps 1, 2, 5 × 10<sup>k</sup>; log axes
 * use decades (every k-th decade when there are many), or 1-2-5 multiples inside a decade when the
 * range spans less than one.
 */
public final class Ticks {
  private Ticks() {}

  /** A nice step (1, 2 or 5 × 10^k) at least {@code raw}. */
  public static double niceStep(double raw) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
    return nice * mag;
  }

  /** Ticks at multiples of a nice step inside [lo, hi], at most about {@code maxTicks} of them. */
  public static double[] linear(double lo, double hi, int maxTicks) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double step = niceStep((hi - lo) / Math.max(1, maxTicks - 1));
    return multiples(lo, hi, step);
  }

  static double[] multiples(double lo, double hi, double step) {
    long a = (long) Math.ceil(lo / step - 1e-9);
    long b = (long) Math.floor(hi / step + 1e-9);
    List<Double> out = new ArrayList<>();
    // clean representation (0.30000000000000004 -> 0.3) with enough digits to keep the ticks apart
    // when the range sits far from 0 (1e12, 1e12 + 0.5, ...)
    int digits = Math.min(17, Math.max(12, significantDigits(Math.max(Math.abs(lo), Math.abs(hi)), step) + 2));
    for (long k = a; k <= b && out.size() < 1000; k++) {
      double v = k * step;
      v = new BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
      out.add(v == 0 ? 0.0 : v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Significant digits that tell apart values of magnitude up to {@code maxAbs} a {@code step} apart. */
  static int significantDigits(double maxAbs, double step) {
    if (!(step > 0) || !(maxAbs > 0) || !Double.isFinite(maxAbs / step)) {
      return 1;
    }
    return Math.max(1, (int) Math.ceil(Math.log10(maxAbs / step) + 1e-9) + 1);
  }

  /** The step between consecutive linear ticks (for label precision). */
  public static double step(double[] ticks) {
    return ticks.length < 2 ? 0 : ticks[1] - ticks[0];
  }

  /**
   * Major ticks of a log axis over [lo, hi] (both &gt; 0): decades 10^k inside the range (every
   * k-th when more than {@code maxTicks}); when fewer than two decades fall inside, 1-2-5 multiples.
   */
  /** The decades a log axis can span: 10^-323 is the smallest positive double's, 10^308 the largest's. */
  static final int MIN_DECADE = -323;
  static final int MAX_DECADE = 308;

  /** The exponent {@code e} (a rounded log10) inside the doubles' decades, so loops over decades stay short. */
  private static int decade(double e) {
    return (int) Math.max(MIN_DECADE, Math.min(MAX_DECADE, e));
  }

  public static double[] log(double lo, double hi, int maxTicks) {
    int a = decade(Math.ceil(Math.log10(lo) - 1e-9));
    int b = decade(Math.floor(Math.log10(hi) + 1e-9));
    if (b - a + 1 >= 3 || b - a + 1 == 2 && oneTwoFive(lo, hi).size() > maxTicks) {
      int every = 1;
      while ((b - a) / every + 1 > maxTicks) {
        every++;
      }
      List<Double> out = new ArrayList<>();
      int start = (int) Math.ceil((double) a / every) * every;
      for (int k = start; k <= b; k += every) {
        out.add(Double.parseDouble("1e" + k));
      }
      if (out.size() >= 2) {
        return out.stream().mapToDouble(Double::doubleValue).toArray();
      }
    }
    List<Double> out = oneTwoFive(lo, hi);
    if (out.size() >= 2) {
      return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return linear(lo, hi, maxTicks);
  }

  private static List<Double> oneTwoFive(double lo, double hi) {
    int a = decade(Math.floor(Math.log10(lo)));
    int b = decade(Math.ceil(Math.log10(hi)));
    List<Double> out = new ArrayList<>();
    for (int k = a; k <= b; k++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = Double.parseDouble(m + "e" + k);
        if (Double.isFinite(v) && v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Minor ticks of a log axis (2..9 × 10^k inside the range), only when decades are labelled one by one. */
  public static double[] logMinor(double lo, double hi) {
    int a = decade(Math.floor(Math.log10(lo)));
    int b = decade(Math.ceil(Math.log10(hi)));
    if (b - a > 8) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    for (int k = a; k <= b; k++) {
      for (int m = 2; m <= 9; m++) {
        double v = Double.parseDouble(m + "e" + k);
        if (v > lo && v < hi) {
          out.add(v);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  /** 10 to the power k with superscript digits: 10⁻³. */
  public static String powerOfTen(int k) {
    StringBuilder sb = new StringBuilder("10");
    String s = Integer.toString(k);
    for (char c : s.toCharArray()) {
      sb.append(c == '-' ? '⁻' : SUP.charAt(c - '0'));
    }
    return sb.toString();
  }

  /** Labels of log-axis ticks: plain numbers within [10⁻³, 10⁴], else 10ⁿ (or m×10ⁿ). */
  public static String[] logLabels(double[] ticks) {
    boolean plain = true;
    for (double t : ticks) {
      plain &= t >= 1e-3 * (1 - 1e-9) && t <= 1e4 * (1 + 1e-9);
    }
    String[] out = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      double t = ticks[i];
      if (plain) {
        out[i] = plainNumber(t, 6);
      } else {
        int k = (int) Math.floor(Math.log10(t) + 1e-9);
        double m = t / Math.pow(10, k);
        long mr = Math.round(m);
        out[i] = Math.abs(m - mr) < 1e-6 && mr == 1 ? powerOfTen(k)
            : Math.abs(m - mr) < 1e-6 ? mr + "×" + powerOfTen(k) : sci(t);
      }
    }
    return out;
  }

  private static String plainNumber(double v, int sig) {
    BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(sig));
    String s = b.stripTrailingZeros().toPlainString();
    return minus(s);
  }

  private static String minus(String s) {
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }

  private static String sci(double v) {
    return sci(v, 4);
  }

  /** v in scientific notation with {@code sig} significant digits, trailing zeros dropped: 1.5e6. */
  private static String sci(double v, int sig) {
    String s = String.format(java.util.Locale.ROOT, "%." + Math.max(0, sig - 1) + "e", v);
    int e = s.indexOf('e');
    String m = s.substring(0, e).replaceAll("0+$", "");
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    return minus(m) + "e" + exp;
  }

  /**
   * Labels of linear ticks with a common number of decimals fixed by the step (0, 0.2, ... →
   * "0.0", "0.2", ...); scientific ("2e-4", "1.5e6") when values are very large or very small.
   */
  public static String[] linearLabels(double[] ticks) {
    double step = step(ticks);
    double maxAbs = 0;
    for (double t : ticks) {
      maxAbs = Math.max(maxAbs, Math.abs(t));
    }
    String[] out = new String[ticks.length];
    boolean sci = maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-3);
    int decimals = 0;
    if (step > 0) {
      decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
      // steps like 2.5 do not occur (1-2-5), but guard values that need one more digit
      double scaled = step * Math.pow(10, decimals);
      if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) {
        decimals++;
      }
    }
    int sig = Math.min(17, Math.max(4, significantDigits(maxAbs, step)));   // 1e12 + 0.5 is not 1e12
    for (int i = 0; i < ticks.length; i++) {
      if (ticks[i] == 0) {
        out[i] = sci ? "0" : decimals == 0 ? "0" : new BigDecimal(0).setScale(decimals).toPlainString();
      } else if (sci) {
        out[i] = sci(ticks[i], sig);
      } else {
        out[i] = minus(new BigDecimal(ticks[i]).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
      }
    }
    return out;
  }
}
