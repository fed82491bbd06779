package dev.exp.plot;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.plot.Figure.Heat;
import dev.exp.plot.Figure.Kind;
import dev.exp.plot.Figure.Series;
import dev.exp.stats.Stats;
import dev.exp.table.Num;
import dev.exp.table.Table;
import dev.exp.table.Table.Column;
import dev.exp.table.Table.Role;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plots (namespace {@code plot}): line, scatter, histogram and heat map from tables or tensors.
 * Each returns a {@link Figure}; {@code save(fig, "f.svg")} or {@code "f.png"} writes it.
 */
public final class PlotKernels {
  private PlotKernels() {}

  static final int W = 640;
  static final int H = 420;

  // ------------------------------------------------------------------ helpers

  private static boolean[] logFlags(String log) {
    String l = log == null ? "" : log;
    if (!l.matches("x?y?|yx")) {
      throw new KernelException("log must be \"\", \"x\", \"y\" or \"xy\"; got \"" + log + "\"");
    }
    return new boolean[] {l.contains("x"), l.contains("y")};
  }

  private static void checkSize(int width, int height) {
    if (width < 200 || height < 150 || width > 8000 || height > 8000) {
      throw KernelException.of("width and height must be between 200x150 and 8000x8000; got %dx%d", width, height);
    }
  }

  private static Column numericColumn(Table t, String name, String what) {
    Column c = t.column(name);
    if (!c.isNumeric()) {
      throw new KernelException(what + " column \"" + name + "\" holds text; a numeric column is needed");
    }
    return c;
  }

  private static String defaultY(Table t, String y) {
    if (y != null) {
      return y;
    }
    List<String> metrics = t.namesWithRole(Role.METRIC);
    if (metrics.size() == 1) {
      return metrics.get(0);
    }
    List<String> numeric = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.isNumeric()) {
        numeric.add(c.name());
      }
    }
    throw new KernelException("say which column to plot with y: (numeric columns: " + numeric + ")");
  }

  private static String defaultX(Table t, String x) {
    if (x != null) {
      return x;
    }
    List<String> params = t.namesWithRole(Role.PARAM);
    if (!params.isEmpty()) {
      return params.get(0);
    }
    throw new KernelException("say which column goes on the x axis with x: (columns: " + t.columnNames() + ")");
  }

  /** The series column: given, or the one remaining parameter of an experiment table. */
  private static String defaultSeries(Table t, String x, String series) {
    if (series != null) {
      t.column(series);
      return series;
    }
    List<String> params = new ArrayList<>(t.namesWithRole(Role.PARAM));
    params.remove(x);
    return params.size() == 1 ? params.get(0) : null;
  }

  private static String label(Column c, int i) {
    if (c.isNumeric()) {
      return Num.compact(c.number(i));
    }
    String s = c.text(i);
    return s == null ? "none" : s;
  }

  /** Row indices per series value (first-appearance order); one group named null without series. */
  private static Map<String, List<Integer>> split(Table t, String series, boolean okOnly) {
    Column sc = series == null ? null : t.column(series);
    Column status = t.has(Table.STATUS) && !t.column(Table.STATUS).isNumeric() ? t.column(Table.STATUS) : null;
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < t.nrows(); i++) {
      if (okOnly && status != null && status.text(i) != null && !status.text(i).equals("ok")) {
        continue;
      }
      groups.computeIfAbsent(sc == null ? null : label(sc, i), k -> new ArrayList<>()).add(i);
    }
    if (sc != null && sc.isNumeric()) {
      // numeric series values in increasing order (legend reads 16, 64, 256)
      List<Map.Entry<String, List<Integer>>> es = new ArrayList<>(groups.entrySet());
      es.sort((a, b) -> Double.compare(sc.number(a.getValue().get(0)), sc.number(b.getValue().get(0))));
      Map<String, List<Integer>> sorted = new LinkedHashMap<>();
      for (Map.Entry<String, List<Integer>> e : es) {
        sorted.put(e.getKey(), e.getValue());
      }
      return sorted;
    }
    return groups;
  }

  // ------------------------------------------------------------------ line

  @Kernel(
      name = "plot.line",
      doc = "Line plot of a table: y against x, one line per value of the series column, with "
          + "replicates (rows with the same x) averaged and their spread drawn as a shaded band or "
          + "error bars. x defaults to the first parameter column, y to the only metric column, series "
          + "to the remaining parameter of a two-parameter experiment. band: \"ci95\" (95% Student-t "
          + "interval of the mean), \"std\", \"sem\" or \"none\"; err_style: \"band\" or \"bars\". "
          + "log: \"x\", \"y\" or \"xy\" for logarithmic axes (non-positive values are left out). Failed "
          + "trials and nan values are skipped. Labels default to the column names. Example: "
          + "res |> plot.line(x: \"m\", y: \"err\", log: \"xy\") |> save(\"err.svg\").")
  public static Figure line(
      @Arg("data") Table t,
      @Arg(value = "x", dflt = "none") String x,
      @Arg(value = "y", dflt = "none") String y,
      @Arg(value = "series", dflt = "none") String series,
      @Arg(value = "band", dflt = "\"ci95\"") String band,
      @Arg(value = "err_style", dflt = "\"band\"") String errStyle,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    if (!List.of("ci95", "std", "sem", "none").contains(band)) {
      throw new KernelException("band must be \"ci95\", \"std\", \"sem\" or \"none\"; got \"" + band + "\"");
    }
    if (!errStyle.equals("band") && !errStyle.equals("bars")) {
      throw new KernelException("err_style must be \"band\" or \"bars\"; got \"" + errStyle + "\"");
    }
    String xn = defaultX(t, x);
    String yn = defaultY(t, y);
    String sn = defaultSeries(t, xn, series);
    Column xc = numericColumn(t, xn, "x");
    Column yc = numericColumn(t, yn, "y");
    List<Series> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> g : split(t, sn, true).entrySet()) {
      TreeMap<Double, List<Double>> byX = new TreeMap<>();
      for (int i : g.getValue()) {
        double xv = xc.number(i);
        double yv = yc.number(i);
        if (!Double.isNaN(xv) && !Double.isNaN(yv)) {
          byX.computeIfAbsent(xv, k -> new ArrayList<>()).add(yv);
        }
      }
      int n = byX.size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      boolean anySpread = false;
      int k = 0;
      for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
        double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        xs[k] = e.getKey();
        ys[k] = Stats.mean(v);
        double hw = band.equals("none") || v.length < 2 ? Double.NaN
            : Stats.statistic(band, v);
        lo[k] = ys[k] - hw;
        hi[k] = ys[k] + hw;
        anySpread |= !Double.isNaN(hw);
        k++;
      }
      out.add(new Series(g.getKey(), xs, ys, anySpread ? lo : null, anySpread ? hi : null));
    }
    return new Figure(Kind.LINE, out, null, sn, title, xlabel != null ? xlabel : xn, ylabel != null ? ylabel : yn,
        lg[0], lg[1], errStyle.equals("bars"), width, height);
  }

  @Kernel(
      name = "plot.line",
      doc = "Line plot of a tensor: a vector y against x (default 0, 1, ..., n-1), or a matrix with "
          + "one line per row (labels names the rows in the legend). x is named: plot.line(sin(t), x: t) is "
          + "matplotlib's plot(t, sin(t)), and plot.line(t, sin(t)) is an error that says so. Example: "
          + "plot.line(losses, log: \"y\", ylabel: \"loss\").")
  public static Figure line(
      @Arg("y") Tensor y,
      @Arg(value = "x", dflt = "none", named = true) Tensor x,
      @Arg(value = "labels", dflt = "none") List<Object> labels,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    List<Series> out = tensorSeries(y, x, labels);
    return new Figure(Kind.LINE, out, null, null, title, xlabel, ylabel, lg[0], lg[1], false, width, height);
  }

  private static List<Series> tensorSeries(Tensor y, Tensor x, List<Object> labels) {
    if (y.rank() > 2 || y.rank() == 0) {
      throw new KernelException("y must be a vector or a matrix (one series per row); got shape "
          + Tensor.shapeString(y.shape()));
    }
    int rows = y.rank() == 2 ? y.dim(0) : 1;
    int n = y.rank() == 2 ? y.dim(1) : y.dim(0);
    if (y.size() == 0) {
      throw KernelException.of("nothing to plot: y has no values (shape %s)", Tensor.shapeString(y.shape()));
    }
    double[] xs = new double[n];
    if (x == null) {
      for (int i = 0; i < n; i++) {
        xs[i] = i;
      }
    } else {
      if (x.size() != n) {
        throw KernelException.of("x has %d values but y has %d per series", x.size(), n);
      }
      xs = x.toArray();
    }
    if (labels != null && labels.size() != rows) {
      throw KernelException.of("labels has %d names but there are %d series", labels.size(), rows);
    }
    List<Series> out = new ArrayList<>();
    double[] d = y.raw();
    for (int r = 0; r < rows; r++) {
      String name = labels != null ? String.valueOf(labels.get(r) instanceof Double v ? Num.compact(v) : labels.get(r))
          : rows > 1 ? Integer.toString(r) : null;
      out.add(new Series(name, xs.clone(), Arrays.copyOfRange(d, r * n, (r + 1) * n), null, null));
    }
    return out;
  }

  // ------------------------------------------------------------------ scatter

  @Kernel(
      name = "plot.scatter",
      doc = "Scatter plot of two table columns, one point per row (failed trials skipped), coloured "
          + "by the series column. Example: res |> plot.scatter(x: \"seconds\", y: \"err\", series: \"method\").")
  public static Figure scatter(
      @Arg("data") Table t,
      @Arg("x") String x,
      @Arg("y") String y,
      @Arg(value = "series", dflt = "none") String series,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    Column xc = numericColumn(t, x, "x");
    Column yc = numericColumn(t, y, "y");
    List<Series> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> g : split(t, series, true).entrySet()) {
      double[] xs = g.getValue().stream().mapToDouble(xc::number).toArray();
      double[] ys = g.getValue().stream().mapToDouble(yc::number).toArray();
      out.add(new Series(g.getKey(), xs, ys, null, null));
    }
    return new Figure(Kind.SCATTER, out, null, series, title, xlabel != null ? xlabel : x,
        ylabel != null ? ylabel : y, lg[0], lg[1], false, width, height);
  }

  @Kernel(
      name = "plot.scatter",
      doc = "Scatter plot of two tensors of equal size (all values, flattened). Example: "
          + "plot.scatter(x, y, xlabel: \"predicted\", ylabel: \"observed\").")
  public static Figure scatter(
      @Arg("x") Tensor x,
      @Arg("y") Tensor y,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    if (x.size() != y.size()) {
      throw KernelException.of("x has %d values but y has %d", x.size(), y.size());
    }
    return new Figure(Kind.SCATTER, List.of(new Series(null, x.toArray(), y.toArray(), null, null)), null, null,
        title, xlabel, ylabel, lg[0], lg[1], false, width, height);
  }

  // ------------------------------------------------------------------ histogram

  /** Bin edges over [lo, hi] (log-spaced when log). */
  static double[] edges(double lo, double hi, int bins, boolean log) {
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
      if (log) {
        lo = hi / 10;
      }
    }
    double[] e = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      e[i] = log ? Math.pow(10, Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * i / bins)
          : lo + (hi - lo) * i / bins;
    }
    e[bins] = hi;
    return e;
  }

  /** Counts per bin (NumPy convention: half-open bins, the last one closed). */
  static double[] counts(double[] v, double[] e) {
    int bins = e.length - 1;
    double[] c = new double[bins];
    for (double x : v) {
      if (Double.isNaN(x) || x < e[0] || x > e[bins]) {
        continue;
      }
      int i = Arrays.binarySearch(e, x);
      int b = i >= 0 ? Math.min(i, bins - 1) : -i - 2;
      c[Math.max(0, Math.min(b, bins - 1))]++;
    }
    return c;
  }

  private static Figure histOf(List<String> names, List<double[]> values, int bins, boolean[] lg, String legend,
      String title, String xlabel, String ylabel, int width, int height) {
    if (bins < 1 || bins > 1000) {
      throw KernelException.of("bins must be between 1 and 1000, got %d", bins);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] v : values) {
      for (double x : v) {
        if (Double.isFinite(x) && (!lg[0] || x > 0)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    if (!(lo <= hi)) {
      throw new KernelException("nothing to plot: no finite values" + (lg[0] ? " > 0 for a log x axis" : ""));
    }
    double[] e = edges(lo, hi, bins, lg[0]);
    List<Series> out = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      out.add(new Series(names.get(k), e, counts(values.get(k), e), null, null));
    }
    return new Figure(Kind.HIST, out, null, legend, title, xlabel, ylabel == null ? "count" : ylabel, lg[0], lg[1],
        false, width, height);
  }

  @Kernel(
      name = "plot.hist",
      doc = "Histogram of all values of a tensor with bins equal-width bins between the smallest and "
          + "largest value (log-spaced with log: \"x\"; log: \"y\" for log counts). Bins are half-open "
          + "[a, b) except the last, as in NumPy. Example: plot.hist(randn([1000]), bins: 30).")
  public static Figure hist(
      @Arg("x") Tensor x,
      @Arg(value = "bins", dflt = "20") int bins,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    List<String> names = new ArrayList<>();
    names.add(null);
    return histOf(names, List.of(x.toArray()), bins, lg, null, title, xlabel, ylabel, width, height);
  }

  @Kernel(
      name = "plot.hist",
      doc = "Histogram of a table column (failed trials skipped), overlaid per value of the series "
          + "column with shared bins. Example: res |> plot.hist(x: \"err\", series: \"method\").")
  public static Figure hist(
      @Arg("data") Table t,
      @Arg("x") String x,
      @Arg(value = "series", dflt = "none") String series,
      @Arg(value = "bins", dflt = "20") int bins,
      @Arg(value = "log", dflt = "\"\"") String log,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    boolean[] lg = logFlags(log);
    checkSize(width, height);
    Column xc = numericColumn(t, x, "x");
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> g : split(t, series, true).entrySet()) {
      names.add(g.getKey());
      values.add(g.getValue().stream().mapToDouble(xc::number).toArray());
    }
    return histOf(names, values, bins, lg, series, title, xlabel != null ? xlabel : x, ylabel, width, height);
  }

  // ------------------------------------------------------------------ heat map

  @Kernel(
      name = "plot.heatmap",
      doc = "Heat map of a matrix z (row 0 at the top, as for images and attention weights) with the "
          + "viridis colour map and a colour bar. x_labels / y_labels name the columns and rows "
          + "(default 0, 1, ...); annotate writes each value in its cell (default: when there are at "
          + "most 100 cells). nan cells are grey.")
  public static Figure heatmap(
      @Arg("z") Tensor z,
      @Arg(value = "x_labels", dflt = "none") List<Object> xLabels,
      @Arg(value = "y_labels", dflt = "none") List<Object> yLabels,
      @Arg(value = "annotate", dflt = "none") Boolean annotate,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "value_label", dflt = "none") String valueLabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    checkSize(width, height);
    if (z.rank() != 2 || z.size() == 0) {
      throw new KernelException("z must be a non-empty matrix; got shape " + Tensor.shapeString(z.shape()));
    }
    double[][] m = z.toMatrix();
    String[] xl = labels(xLabels, m[0].length, "x_labels");
    String[] yl = labels(yLabels, m.length, "y_labels");
    boolean ann = annotate != null ? annotate : z.size() <= 100;
    return new Figure(Kind.HEATMAP, List.of(), new Heat(m, xl, yl, true, valueLabel, ann), null, title, xlabel,
        ylabel, false, false, false, width, height);
  }

  private static String[] labels(List<Object> given, int n, String what) {
    String[] out = new String[n];
    if (given != null && given.size() != n) {
      throw KernelException.of("%s has %d names but there are %d", what, given.size(), n);
    }
    for (int i = 0; i < n; i++) {
      Object o = given == null ? (Object) (double) i : given.get(i);
      out[i] = o instanceof Double d ? Num.compact(d) : String.valueOf(o);
    }
    return out;
  }

  @Kernel(
      name = "plot.heatmap",
      doc = "Heat map of a table over two columns: one cell per (x, y) pair with the mean of the value "
          + "column over its rows (replicates; failed trials skipped), smallest y at the bottom, "
          + "numeric axes sorted. value defaults to the only metric. Example: "
          + "res |> plot.heatmap(x: \"lr\", y: \"batch\", value: \"loss\").")
  public static Figure heatmap(
      @Arg("data") Table t,
      @Arg("x") String x,
      @Arg("y") String y,
      @Arg(value = "value", dflt = "none") String value,
      @Arg(value = "annotate", dflt = "none") Boolean annotate,
      @Arg(value = "title", dflt = "none") String title,
      @Arg(value = "xlabel", dflt = "none") String xlabel,
      @Arg(value = "ylabel", dflt = "none") String ylabel,
      @Arg(value = "width", dflt = "640") int width,
      @Arg(value = "height", dflt = "420") int height) {
    checkSize(width, height);
    String vn = defaultY(t, value);
    Column xc = t.column(x);
    Column yc = t.column(y);
    Column vc = numericColumn(t, vn, "value");
    List<Integer> rows = new ArrayList<>();
    for (List<Integer> g : split(t, null, true).values()) {
      rows.addAll(g);
    }
    List<String> xs = levels(xc, rows);
    List<String> ys = levels(yc, rows);
    double[][] sum = new double[ys.size()][xs.size()];
    int[][] cnt = new int[ys.size()][xs.size()];
    for (int i : rows) {
      double v = vc.number(i);
      if (!Double.isNaN(v)) {
        int c = xs.indexOf(label(xc, i));
        int r = ys.indexOf(label(yc, i));
        sum[r][c] += v;
        cnt[r][c]++;
      }
    }
    for (int r = 0; r < ys.size(); r++) {
      for (int c = 0; c < xs.size(); c++) {
        sum[r][c] = cnt[r][c] == 0 ? Double.NaN : sum[r][c] / cnt[r][c];
      }
    }
    if (xs.isEmpty() || ys.isEmpty()) {
      throw new KernelException("nothing to plot: the table has no rows");
    }
    boolean ann = annotate != null ? annotate : xs.size() * ys.size() <= 100;
    return new Figure(Kind.HEATMAP, List.of(),
        new Heat(sum, xs.toArray(new String[0]), ys.toArray(new String[0]), false, vn, ann), null, title,
        xlabel != null ? xlabel : x, ylabel != null ? ylabel : y, false, false, false, width, height);
  }

  /** Distinct labels of a column: numeric ones sorted by value, text in first-appearance order. */
  private static List<String> levels(Column c, List<Integer> rows) {
    List<String> out = new ArrayList<>();
    if (c.isNumeric()) {
      double[] v = rows.stream().mapToDouble(c::number).filter(d -> !Double.isNaN(d)).distinct().sorted().toArray();
      for (double d : v) {
        out.add(Num.compact(d));
      }
      // compact labels could collide (1.00001 vs 1.00002)
      if (new java.util.HashSet<>(out).size() != out.size()) {
        throw new KernelException("column \"" + c.name() + "\" has values too close to tell apart in labels");
      }
      return out;
    }
    for (int i : rows) {
      String s = label(c, i);
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
