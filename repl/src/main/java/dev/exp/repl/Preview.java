package dev.exp.repl;

import dev.exp.api.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * How the REPL shows a value: short values exactly as {@code print} would; a tensor that does not
 * fit on one line as its shape plus a preview (six significant digits, the first and last rows and
 * columns); lists and records cut at the line width with a count of what was left out.
 */
public final class Preview {
  private static final int EDGE = 3;
  private final int width;

  public Preview(int width) {
    this.width = Math.max(40, width);
  }

  /** The text shown for a value (may span several lines). */
  public String show(Value v) {
    String exact = v.repr();
    if (!exact.contains("\n") && exact.length() <= width) {
      return exact;
    }
    return switch (v.kind()) {
      case TENSOR -> tensor(v);
      case LIST -> list(v.asList(), width);
      case RECORD -> record(v.asMap(), width);
      default -> exact;
    };
  }

  /** "[2, 3]" */
  private static String shapeString(int[] shape) {
    return java.util.Arrays.toString(shape);
  }

  private static String tensor(Value t) {
    int[] shape = t.shape();
    StringBuilder sb = new StringBuilder("tensor ").append(shapeString(shape));
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size == 0) {
      return sb.toString();
    }
    sb.append('\n');
    boolean complex = t.isComplex();
    double[] values = complex ? t.asComplexArray() : t.asFlatArray();
    int rank = shape.length;
    if (rank == 1) {
      sb.append(row(values, complex, shape[0]));
      return sb.toString();
    }
    int cols = shape[rank - 1];
    int rows = size / cols;
    int[] leading = java.util.Arrays.copyOf(shape, rank - 1);
    int[] visibleCols = visible(cols);
    java.util.List<String[]> cells = new java.util.ArrayList<>();
    java.util.List<String> labels = new java.util.ArrayList<>();
    for (int r : visible(rows)) {
      if (r < 0) {
        cells.add(null);
        labels.add("");
        continue;
      }
      String[] row = new String[visibleCols.length];
      for (int j = 0; j < visibleCols.length; j++) {
        row[j] = visibleCols[j] < 0 ? "..." : cell(values, complex, r * cols + visibleCols[j]);
      }
      cells.add(row);
      labels.add(rank > 2 ? index(r, leading) + " " : "");
    }
    int[] w = new int[visibleCols.length];
    for (String[] row : cells) {
      for (int j = 0; row != null && j < row.length; j++) {
        w[j] = Math.max(w[j], row[j].length());
      }
    }
    int labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < cells.size(); i++) {
      String[] row = cells.get(i);
      if (row == null) {
        sb.append(" ...\n");
        continue;
      }
      sb.append(' ').append(String.format("%-" + Math.max(1, labelWidth) + "s", labels.get(i)).substring(labelWidth == 0 ? 1 : 0)).append('[');
      for (int j = 0; j < row.length; j++) {
        sb.append(" ".repeat(w[j] - row[j].length())).append(row[j]).append(j < row.length - 1 ? ", " : "]");
      }
      sb.append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** Indices shown along an axis of length n: all, or the first and last EDGE with -1 for the gap. */
  private static int[] visible(int n) {
    if (n <= 2 * EDGE + 1) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] v = new int[2 * EDGE + 1];
    for (int i = 0; i < EDGE; i++) {
      v[i] = i;
      v[EDGE + 1 + i] = n - EDGE + i;
    }
    v[EDGE] = -1;
    return v;
  }

  private static String index(int r, int[] leading) {
    int[] idx = new int[leading.length];
    for (int a = leading.length - 1; a >= 0; a--) {
      idx[a] = r % leading[a];
      r /= leading[a];
    }
    StringBuilder sb = new StringBuilder("[");
    for (int a = 0; a < idx.length; a++) {
      sb.append(idx[a]).append(", ");
    }
    return sb.append(":]").toString();
  }

  private static String row(double[] d, boolean complex, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int j = 0; j < n; j++) {
      if (n > 2 * EDGE && j == EDGE) {
        sb.append("..., ");
        j = n - EDGE;
      }
      sb.append(cell(d, complex, j));
      if (j < n - 1) {
        sb.append(", ");
      }
    }
    return sb.append(']').toString();
  }

  /** Element k of row-major values (interleaved when complex), compacted. */
  private static String cell(double[] d, boolean complex, int k) {
    return complex ? compactComplex(d[2 * k], d[2 * k + 1]) : compact(d[k]);
  }

  /** A complex number with each part in {@link #compact} form: 0.5+1.25i, -2.5e-07i. */
  public static String compactComplex(double re, double im) {
    if (re == 0 && 1 / re > 0) {
      return compact(im) + "i";
    }
    boolean negative = im < 0 || (im == 0 && 1 / im < 0);
    return compact(re) + (negative ? "-" : "+") + compact(Math.abs(im)) + "i";
  }

  /** A number with at most six significant digits: 0.682602, -1.2e-07, 123457, 1.23457e+09. */
  public static String compact(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e6) {
      return Long.toString((long) x);
    }
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e6) {
      return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    BigDecimal b = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
    String m = b.unscaledValue().abs().toString();
    int exp = m.length() - 1 - b.scale();
    String mant = m.length() == 1 ? m : m.charAt(0) + "." + m.substring(1);
    return (x < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  private static String item(Value v, int room) {
    String exact = v.repr();
    return switch (v.kind()) {
      case TENSOR -> !exact.contains("\n") && exact.length() <= room ? exact : "<tensor " + shapeString(v.shape()) + ">";
      case LIST -> exact.length() <= room ? exact : "<list of " + v.asList().size() + ">";
      case RECORD -> !exact.contains("\n") && exact.length() <= room ? exact : "<record of " + v.asMap().size() + " fields>";
      default -> exact.length() <= room ? exact : exact.substring(0, Math.max(1, room - 4)) + "...\"";
    };
  }

  private static String list(List<Value> l, int room) {
    StringBuilder sb = new StringBuilder("[");
    int shown = 0;
    for (Value o : l) {
      String s = item(o, room / 2);
      String tail = " ... (" + l.size() + " items)]";
      if (sb.length() + s.length() + 2 + tail.length() > room && shown > 0) {
        return sb.append(tail.substring(1)).toString();
      }
      if (shown > 0) {
        sb.append(", ");
      }
      sb.append(s);
      shown++;
    }
    return sb.append(']').toString();
  }

  private static String record(Map<String, Value> m, int room) {
    StringBuilder sb = new StringBuilder("{");
    int shown = 0;
    for (Map.Entry<String, Value> e : m.entrySet()) {
      String s = e.getKey() + ": " + item(e.getValue(), room / 2);
      String tail = " ... (" + (m.size() - shown) + " more fields)}";
      if (sb.length() + s.length() + 2 + tail.length() > room && shown > 0) {
        return sb.append(", ").append(tail.substring(1)).toString();
      }
      if (shown > 0) {
        sb.append(", ");
      }
      sb.append(s);
      shown++;
    }
    return sb.append('}').toString();
  }
}
