package dev.exp.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Format specs for string interpolation ({@code "{x:.3e}"}, {@code "{n:5d}"}), a subset of
 * Python's mini-language: {@code [[fill]align][sign][0][width][,][.precision][type]} with align
 * {@code < > ^ =} ({@code =}: numbers only, padding between the sign and the digits), sign
 * {@code + - space}, and type {@code d f e E g G % s} (none: the value's usual text).
 */
public final class FormatSpec {
  private char fill = ' ';
  private char align;
  private char sign = '-';
  private boolean zeroPad;
  private int width = -1;
  private boolean grouping;
  private int precision = -1;
  private char type;

  private FormatSpec() {}

  /** Null when {@code spec} is valid, else what is wrong with it. */
  public static String check(String spec) {
    try {
      parse(spec);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The widest field a spec may ask for, in characters. */
  public static final int MAX_WIDTH = 1_000_000;
  /** The most digits a spec may ask for after the point. */
  public static final int MAX_PRECISION = 1000;

  private static int bounded(String digits, int max, String what) {
    String d = digits.replaceFirst("^0+(?=.)", "");
    if (d.length() > 9 || Integer.parseInt(d) > max) {
      throw new IllegalArgumentException(what + " " + d + " is too large (at most " + max + ")");
    }
    return Integer.parseInt(d);
  }

  public static FormatSpec parse(String spec) {
    FormatSpec f = new FormatSpec();
    int i = 0;
    int n = spec.length();
    if (n >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
      f.fill = spec.charAt(0);
      f.align = spec.charAt(1);
      i = 2;
    } else if (n >= 1 && "<>^=".indexOf(spec.charAt(0)) >= 0) {
      f.align = spec.charAt(0);
      i = 1;
    }
    if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
      f.sign = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == '0') {
      f.zeroPad = true;
      i++;
    }
    int start = i;
    while (i < n && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    if (i > start) {
      f.width = bounded(spec.substring(start, i), MAX_WIDTH, "width");
    }
    if (i < n && spec.charAt(i) == ',') {
      f.grouping = true;
      i++;
    }
    if (i < n && spec.charAt(i) == '.') {
      i++;
      start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException("expected digits after '.'");
      }
      f.precision = bounded(spec.substring(start, i), MAX_PRECISION, "precision");
    }
    if (i < n) {
      f.type = spec.charAt(i++);
      if ("dfeEgGs%".indexOf(f.type) < 0) {
        throw new IllegalArgumentException("unknown type '" + f.type + "' (known: d f e E g G % s)");
      }
    }
    if (i < n) {
      throw new IllegalArgumentException("unexpected '" + spec.substring(i) + "'");
    }
    return f;
  }

  /** Formats a number. */
  public String format(double x) {
    String body;
    boolean neg = x < 0 || (x == 0 && 1 / x < 0);
    double a = Math.abs(x);
    if (!Double.isFinite(x)) {   // as Python: INF / NAN for the upper-case types, inf% for %
      body = Double.isNaN(x) ? "nan" : "inf";
      neg = neg && !Double.isNaN(x);
      body = type == 'E' || type == 'G' || type == 'F' ? body.toUpperCase(Locale.ROOT) : type == '%' ? body + "%" : body;
    } else {
      switch (type) {
        case 'd' -> {
          if (x != Math.rint(x)) {
            throw new IllegalArgumentException("format ':d' needs an integral number, got " + Numbers.format(x));
          }
          body = new BigDecimal(a).toPlainString();
          if (grouping) {
            body = group(body);
          }
        }
        case 'f' -> body = fixed(a, precision < 0 ? 6 : precision);
        case '%' -> body = Double.isInfinite(a * 100) ? "inf%" : fixed(a * 100, precision < 0 ? 6 : precision) + "%";
        case 'e', 'E' -> {
          body = sci(a, precision < 0 ? 6 : precision);
          if (type == 'E') {
            body = body.toUpperCase(Locale.ROOT);
          }
        }
        case 'g', 'G' -> {
          body = groupLeading(general(a, precision < 0 ? 6 : Math.max(1, precision)));
          if (type == 'G') {
            body = body.toUpperCase(Locale.ROOT);   // the exponent's E, as Python
          }
        }
        default -> body = groupLeading(precision >= 0 ? general(a, Math.max(1, precision)) : Numbers.format(a));
      }
    }
    String signText = neg ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    if (align == '=' && width > 0) {
      StringBuilder sb = new StringBuilder(body);
      while (sb.length() + signText.length() < width) {
        sb.insert(0, fill);
      }
      return signText + sb;
    }
    if (zeroPad && align == 0 && width > 0) {
      StringBuilder sb = new StringBuilder(body);
      while (sb.length() + signText.length() < width) {
        sb.insert(0, '0');
      }
      return signText + sb;
    }
    return pad(signText + body, '>');
  }

  /**
   * Formats a complex number as Exp writes it ({@code 1.00+2.00i}): each part by the spec's type and
   * precision (the real part with the spec's sign option, the imaginary part always signed), then the
   * whole padded to the width. Types d and % do not apply.
   */
  public String formatComplex(double re, double im) {
    if (type == 'd' || type == '%') {
      throw new IllegalArgumentException("format ':" + type + "' needs a real number, got the complex number "
          + Numbers.format(re) + (im < 0 || 1 / im < 0 ? "-" : "+") + Numbers.format(Math.abs(im)) + "i");
    }
    String r = part(sign).format(re);
    String i = part('+').format(im);
    if (i.charAt(0) != '+' && i.charAt(0) != '-') {
      i = "+" + i;   // nan
    }
    return pad(r + i + "i", '>');
  }

  /** This spec without width, fill, alignment and zero padding, with the given sign option. */
  private FormatSpec part(char signOption) {
    FormatSpec p = new FormatSpec();
    p.sign = signOption;
    p.grouping = grouping;
    p.precision = precision;
    p.type = type;
    return p;
  }

  /**
   * Formats any value's text (strings, bools, ...): only width, fill, alignment and precision (a
   * maximum length) apply, counted in characters (code points). {@code kind} describes the value
   * for the error when the spec asks for a number.
   */
  public String formatText(String s, String kind) {
    if (type != 0 && type != 's') {
      throw new IllegalArgumentException("format ':" + type + "' needs a number, got " + kind);
    }
    if (align == '=') {
      throw new IllegalArgumentException("format alignment '=' (after the sign) needs a number, got " + kind);
    }
    String t = precision >= 0 && s.codePointCount(0, s.length()) > precision
        ? s.substring(0, s.offsetByCodePoints(0, precision)) : s;
    return pad(t, '<');
  }

  private String pad(String s, char defaultAlign) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    int extra = width - len;
    char al = align == 0 ? defaultAlign : align;
    String f = String.valueOf(fill);
    return switch (al) {
      case '<' -> s + f.repeat(extra);
      case '^' -> f.repeat(extra / 2) + s + f.repeat(extra - extra / 2);
      default -> f.repeat(extra) + s;
    };
  }

  private String fixed(double a, int prec) {
    String s = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    if (grouping) {
      int dot = s.indexOf('.');
      s = dot < 0 ? group(s) : group(s.substring(0, dot)) + s.substring(dot);
    }
    return s;
  }

  private static String sci(double a, int prec) {
    if (a == 0) {
      return (prec > 0 ? "0." + "0".repeat(prec) : "0") + "e+00";
    }
    BigDecimal d = new BigDecimal(a);
    BigDecimal r = d.round(new java.math.MathContext(prec + 1, RoundingMode.HALF_EVEN));
    String digits = r.unscaledValue().toString();
    int exp = digits.length() - 1 - r.scale();
    while (digits.length() < prec + 1) {
      digits = digits + "0";
    }
    digits = digits.substring(0, prec + 1);
    String mant = prec > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }

  private static String general(double a, int prec) {
    if (a == 0) {
      return "0";
    }
    BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(prec, RoundingMode.HALF_EVEN));
    int exp = r.precision() - 1 - r.scale();
    if (exp < -4 || exp >= prec) {
      String s = sci(a, prec - 1);
      int e = s.indexOf('e');
      String m = s.substring(0, e);
      if (m.contains(".")) {
        m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return m + s.substring(e);
    }
    String s = r.toPlainString();
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** With grouping, the integer digits of a positional number ({@code 1234.5} to {@code 1,234.5}), as Python. */
  private String groupLeading(String body) {
    if (!grouping) {
      return body;
    }
    int end = 0;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return group(body.substring(0, end)) + body.substring(end);
  }

  private static String group(String digits) {
    StringBuilder sb = new StringBuilder();
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }
}
