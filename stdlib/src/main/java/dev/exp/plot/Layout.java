package dev.exp.plot;

import dev.exp.plot.Figure.Heat;
import dev.exp.plot.Figure.Kind;
import dev.exp.plot.Figure.Series;
import dev.exp.plot.Scene.Poly;
import dev.exp.plot.Scene.Text;
import dev.exp.table.Num;
import java.util.ArrayList;
import java.util.List;

/** Lays out a {@link Figure} as a {@link Scene}: axes, ticks, grid, series, legend, colour bar. */
final class Layout {
  private Layout() {}

  /** Tableau 10: distinguishable, prints well. */
  static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };

  static final String[] MARKERS = {"circle", "square", "triangle", "diamond"};

  static final double TICK_FONT = 11;
  static final double LABEL_FONT = 12.5;
  static final double TITLE_FONT = 14;
  static final double LEGEND_FONT = 11;
  static final String INK = "#222222";
  static final String FRAME = "#555555";
  static final String GRID = "#e8e8e8";

  static Scene scene(Figure f) {
    return f.kind() == Kind.HEATMAP ? heatmap(f) : xy(f);
  }

  /** One axis: data range, scale, ticks and labels. */
  static final class Axis {
    final double lo;
    final double hi;
    final boolean log;
    double[] ticks = new double[0];
    String[] labels = new String[0];
    double[] minor = new double[0];

    Axis(double lo, double hi, boolean log) {
      this.lo = lo;
      this.hi = hi;
      this.log = log;
    }

    /** Position in [0, 1] (NaN for values a log axis cannot show). */
    double frac(double v) {
      if (log) {
        if (!(v > 0)) {
          return Double.NaN;
        }
        return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
      }
      return (v - lo) / (hi - lo);
    }

    void chooseTicks(int maxTicks) {
      if (log) {
        ticks = Ticks.log(lo, hi, maxTicks);
        labels = Ticks.logLabels(ticks);
        boolean everyDecade = ticks.length < 2 || Math.log10(ticks[ticks.length - 1] / ticks[0]) / (ticks.length - 1) < 1.5;
        List<Double> m = new ArrayList<>();
        if (everyDecade) {
          for (double v : Ticks.logMinor(lo, hi)) {
            boolean major = false;
            for (double t : ticks) {
              major |= Math.abs(v / t - 1) < 1e-9;
            }
            if (!major) {
              m.add(v);
            }
          }
        }
        minor = m.stream().mapToDouble(Double::doubleValue).toArray();
      } else {
        ticks = Ticks.linear(lo, hi, maxTicks);
        labels = Ticks.linearLabels(ticks);
      }
    }

    double maxLabelWidth(double size) {
      double w = 0;
      for (String s : labels) {
        w = Math.max(w, Scene.textWidth(s, size));
      }
      return w;
    }
  }

  /** An axis over the data range [a, b] with padding (fraction of the range on each side). */
  static Axis axis(double a, double b, boolean log, double padLo, double padHi) {
    if (!(a <= b)) { // no data
      return log ? new Axis(1, 10, true) : new Axis(0, 1, false);
    }
    if (log) {
      double la = Math.log10(a);
      double lb = Math.log10(b);
      if (lb - la < 1e-9) {
        la -= 0.5;
        lb += 0.5;
      }
      double r = lb - la;
      // padded, but inside the doubles: 10^(lb + pad) past 1e308 would be infinite, 10^(la - pad) below 4.9e-324 zero
      return new Axis(Math.pow(10, Math.max(la - padLo * r, Ticks.MIN_DECADE)),
          Math.pow(10, Math.min(lb + padHi * r, Ticks.MAX_DECADE)), true);
    }
    if (b - a < 1e-12 * Math.max(1, Math.abs(a))) {
      double d = a == 0 ? 1 : Math.abs(a) * 0.1;
      a -= d;
      b += d;
    }
    double r = b - a;
    return new Axis(a - padLo * r, b + padHi * r, false);
  }

  private static double[] extend(double[] range, double v, boolean log) {
    if (Double.isFinite(v) && (!log || v > 0)) {
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
    return range;
  }

  private static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  // ------------------------------------------------------------------ x-y plots

  static Scene xy(Figure f) {
    int width = f.width();
    int height = f.height();
    Scene s = new Scene(width, height);
    s.add(new Scene.Rect(0, 0, width, height, "#ffffff", null, 0));
    boolean hist = f.kind() == Kind.HIST;
    double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    boolean integralX = !hist;   // x values that are all whole numbers (an index) get whole-number ticks
    for (Series se : f.series()) {
      for (double v : se.x()) {
        extend(xr, v, f.logX());
        integralX &= !Double.isFinite(v) || v == Math.rint(v);
      }
      for (int i = 0; i < se.y().length; i++) {
        extend(yr, se.y()[i], f.logY());
        if (se.lo() != null) {
          extend(yr, se.lo()[i], f.logY());
          extend(yr, se.hi()[i], f.logY());
        }
      }
    }
    if (hist && !f.logY() && yr[0] <= yr[1]) {
      yr[0] = Math.min(0, yr[0]);
    }
    Axis ax = axis(xr[0], xr[1], f.logX(), hist ? 0.02 : 0.04, hist ? 0.02 : 0.04);
    Axis ay = axis(yr[0], yr[1], f.logY(), hist && !f.logY() ? 0 : 0.05, 0.05);

    // legend
    boolean legend = f.series().size() > 1 || (f.series().size() == 1 && f.series().get(0).name() != null);
    double legendW = 0;
    if (legend) {
      double tw = f.legendTitle() == null ? 0 : Scene.textWidth(f.legendTitle(), LEGEND_FONT) * 1.08;
      for (Series se : f.series()) {
        tw = Math.max(tw, 28 + Scene.textWidth(se.name() == null ? "" : se.name(), LEGEND_FONT));
      }
      legendW = Math.min(tw, width * 0.3) + 24;
    }
    double top = f.title() != null ? 40 : 16;
    double bottom = 8 + 4 + TICK_FONT + 6 + (f.xlabel() != null ? LABEL_FONT + 8 : 0) + 6;
    double plotH = height - top - bottom;
    ay.chooseTicks(Math.max(3, Math.min(9, (int) (plotH / 45) + 1)));
    if (hist && !ay.log && Ticks.step(ay.ticks) > 0 && Ticks.step(ay.ticks) < 1) {
      // counts are whole numbers
      ay.ticks = Ticks.multiples(ay.lo, ay.hi, 1);
      ay.labels = Ticks.linearLabels(ay.ticks);
    }
    double left = 10 + (f.ylabel() != null ? LABEL_FONT + 8 : 0) + ay.maxLabelWidth(TICK_FONT) + 8;
    double right = Math.max(legendW, 0) + 18;
    double plotW = width - left - right;
    int maxX = Math.max(3, Math.min(10, (int) (plotW / 60) + 1));
    do {
      ax.chooseTicks(maxX);
      maxX--;
    } while (maxX >= 2 && overlaps(ax, plotW));
    if (integralX && !ax.log && Ticks.step(ax.ticks) > 0 && Ticks.step(ax.ticks) < 1) {
      ax.ticks = Ticks.multiples(ax.lo, ax.hi, 1);   // 3 points at 0, 1, 2: no tick at 0.5
      ax.labels = Ticks.linearLabels(ax.ticks);
    }
    if (ax.labels.length > 0) {
      double lastHalf = Scene.textWidth(ax.labels[ax.labels.length - 1], TICK_FONT) / 2;
      double lastPos = ax.frac(ax.ticks[ax.ticks.length - 1]) * plotW;
      double overflow = lastPos + lastHalf - (plotW + right - 6);
      if (overflow > 0) {
        right += overflow;
        plotW -= overflow;
      }
    }
    double x0 = left;
    double x1 = left + plotW;
    double y0 = top;
    double y1 = top + plotH;

    // grid
    for (double t : ay.ticks) {
      double y = y1 - ay.frac(t) * plotH;
      s.line(x0, y, x1, y, GRID, 0.8);
    }
    for (double t : ax.ticks) {
      double x = x0 + ax.frac(t) * plotW;
      s.line(x, y0, x, y1, GRID, 0.8);
    }
    // data
    s.add(new Scene.Clip(x0, y0, plotW, plotH));
    List<Series> ser = f.series();
    if (hist) {
      double op = ser.size() > 1 ? 0.5 : 0.85;
      for (int k = 0; k < ser.size(); k++) {
        Series se = ser.get(k);
        for (int i = 0; i < se.y().length; i++) {
          double xa = x0 + ax.frac(se.x()[i]) * plotW;
          double xb = x0 + ax.frac(se.x()[i + 1]) * plotW;
          double base = f.logY() ? y1 : y1 - ay.frac(0) * plotH;
          double yt = y1 - ay.frac(se.y()[i]) * plotH;
          if (!Double.isFinite(yt) || !Double.isFinite(xa) || !Double.isFinite(xb) || se.y()[i] == 0) {
            continue;
          }
          s.add(new Poly(new double[] {xa, xb, xb, xa}, new double[] {base, base, yt, yt}, true,
              "#ffffff", 0.6, color(k), op, null));
        }
      }
    } else {
      boolean scatter = f.kind() == Kind.SCATTER;
      if (!f.errorBars()) {
        for (int k = 0; k < ser.size(); k++) {
          band(s, ser.get(k), ax, ay, x0, y1, plotW, plotH, color(k));
        }
      }
      for (int k = 0; k < ser.size(); k++) {
        Series se = ser.get(k);
        if (!scatter) {
          polyline(s, se, ax, ay, x0, y1, plotW, plotH, color(k));
        }
        if (f.errorBars() && se.lo() != null) {
          for (int i = 0; i < se.x().length; i++) {
            double x = x0 + ax.frac(se.x()[i]) * plotW;
            double ylo = y1 - clampFrac(ay.frac(se.lo()[i])) * plotH;
            double yhi = y1 - clampFrac(ay.frac(se.hi()[i])) * plotH;
            if (Double.isFinite(x) && Double.isFinite(ylo) && Double.isFinite(yhi)) {
              s.line(x, ylo, x, yhi, color(k), 1.2);
              s.line(x - 3.5, ylo, x + 3.5, ylo, color(k), 1.2);
              s.line(x - 3.5, yhi, x + 3.5, yhi, color(k), 1.2);
            }
          }
        }
      }
      for (int k = 0; k < ser.size(); k++) {
        Series se = ser.get(k);
        if (!scatter && se.x().length > 40) {
          continue;
        }
        java.util.Set<Long> drawn = new java.util.HashSet<>();   // one mark per half-pixel cell
        for (int i = 0; i < se.x().length; i++) {
          double x = x0 + ax.frac(se.x()[i]) * plotW;
          double y = y1 - ay.frac(se.y()[i]) * plotH;
          if (Double.isFinite(x) && Double.isFinite(y)
              && drawn.add(Math.round(2 * x) * 1_000_003L + Math.round(2 * y))) {
            s.add(new Scene.Mark(x, y, MARKERS[k % MARKERS.length], scatter ? 3.3 : 3.0, color(k),
                scatter ? "#ffffff" : null));
          }
        }
      }
    }
    s.add(new Scene.EndClip());
    // frame, ticks, labels
    s.add(new Scene.Rect(x0, y0, plotW, plotH, null, FRAME, 0.9));
    for (double t : ay.minor) {
      double y = y1 - ay.frac(t) * plotH;
      s.line(x0 - 2.5, y, x0, y, FRAME, 0.7);
    }
    for (double t : ax.minor) {
      double x = x0 + ax.frac(t) * plotW;
      s.line(x, y1, x, y1 + 2.5, FRAME, 0.7);
    }
    for (int i = 0; i < ay.ticks.length; i++) {
      double y = y1 - ay.frac(ay.ticks[i]) * plotH;
      s.line(x0 - 4.5, y, x0, y, FRAME, 0.9);
      s.add(new Text(x0 - 7, y + TICK_FONT * 0.36, ay.labels[i], TICK_FONT, "end", 0, INK, false));
    }
    for (int i = 0; i < ax.ticks.length; i++) {
      double x = x0 + ax.frac(ax.ticks[i]) * plotW;
      s.line(x, y1, x, y1 + 4.5, FRAME, 0.9);
      s.add(new Text(x, y1 + 8 + TICK_FONT * 0.8, ax.labels[i], TICK_FONT, "middle", 0, INK, false));
    }
    if (f.xlabel() != null) {
      s.add(new Text((x0 + x1) / 2, y1 + 8 + TICK_FONT + 8 + LABEL_FONT * 0.8, f.xlabel(), LABEL_FONT,
          "middle", 0, INK, false));
    }
    if (f.ylabel() != null) {
      s.add(new Text(10 + LABEL_FONT * 0.8, (y0 + y1) / 2, f.ylabel(), LABEL_FONT, "middle", -90, INK, false));
    }
    if (f.title() != null) {
      s.add(new Text((x0 + x1) / 2, 24, f.title(), TITLE_FONT, "middle", 0, INK, true));
    }
    if (legend) {
      legend(s, f, x1 + 16, y0 + 4, hist);
    }
    return s;
  }

  private static boolean overlaps(Axis ax, double plotW) {
    for (int i = 1; i < ax.ticks.length; i++) {
      double gap = (ax.frac(ax.ticks[i]) - ax.frac(ax.ticks[i - 1])) * plotW;
      double need = (Scene.textWidth(ax.labels[i], TICK_FONT) + Scene.textWidth(ax.labels[i - 1], TICK_FONT)) / 2 + 10;
      if (gap < need) {
        return true;
      }
    }
    return false;
  }

  private static double clampFrac(double f) {
    return Double.isNaN(f) ? -0.01 : Math.max(-0.01, Math.min(1.01, f));
  }

  private static void polyline(Scene s, Series se, Axis ax, Axis ay, double x0, double y1, double w, double h, String c) {
    List<double[]> run = new ArrayList<>();
    for (int i = 0; i <= se.x().length; i++) {
      double x = i < se.x().length ? x0 + ax.frac(se.x()[i]) * w : Double.NaN;
      double y = i < se.x().length ? y1 - ay.frac(se.y()[i]) * h : Double.NaN;
      if (Double.isFinite(x) && Double.isFinite(y)) {
        run.add(new double[] {x, y});
      } else {
        if (run.size() >= 2) {
          List<double[]> pts = run.size() > 4 * w ? decimate(run) : run;
          double[] xs = new double[pts.size()];
          double[] ys = new double[pts.size()];
          for (int j = 0; j < xs.length; j++) {
            xs[j] = pts.get(j)[0];
            ys[j] = pts.get(j)[1];
          }
          s.add(new Poly(xs, ys, false, c, 1.8, null, 0, null));
        }
        run.clear();
      }
    }
  }

  /**
   * The points of a long line that the drawing needs (pixel coordinates in, a subset out, in order).
   * With x non-decreasing: per pixel column its first, lowest, highest and last point (M4, Jugel et
   * al. 2014), which draws the same pixels as every point; otherwise the points at least half a pixel
   * from the last one kept.
   */
  static List<double[]> decimate(List<double[]> run) {
    boolean monotone = true;
    for (int i = 1; i < run.size() && monotone; i++) {
      monotone = run.get(i)[0] >= run.get(i - 1)[0];
    }
    List<double[]> out = new ArrayList<>();
    if (!monotone) {
      double[] last = null;
      for (double[] p : run) {
        if (last == null || Math.abs(p[0] - last[0]) >= 0.5 || Math.abs(p[1] - last[1]) >= 0.5) {
          out.add(p);
          last = p;
        }
      }
      if (out.get(out.size() - 1) != run.get(run.size() - 1)) {
        out.add(run.get(run.size() - 1));
      }
      return out;
    }
    int i = 0;
    while (i < run.size()) {
      long col = (long) Math.floor(run.get(i)[0]);
      int first = i;
      int lo = i;
      int hi = i;
      int j = i;
      while (j < run.size() && (long) Math.floor(run.get(j)[0]) == col) {
        if (run.get(j)[1] < run.get(lo)[1]) {
          lo = j;
        }
        if (run.get(j)[1] > run.get(hi)[1]) {
          hi = j;
        }
        j++;
      }
      int last = j - 1;
      int[] keep = {first, Math.min(lo, hi), Math.max(lo, hi), last};
      int prev = -1;
      for (int k : keep) {
        if (k != prev) {
          out.add(run.get(k));
          prev = k;
        }
      }
      i = j;
    }
    return out;
  }

  private static void band(Scene s, Series se, Axis ax, Axis ay, double x0, double y1, double w, double h, String c) {
    if (se.lo() == null) {
      return;
    }
    List<double[]> run = new ArrayList<>();
    for (int i = 0; i <= se.x().length; i++) {
      boolean ok = i < se.x().length && Double.isFinite(se.lo()[i]) && Double.isFinite(se.hi()[i]);
      double x = ok ? x0 + ax.frac(se.x()[i]) * w : Double.NaN;
      if (ok && Double.isFinite(x)) {
        run.add(new double[] {x, y1 - clampFrac(ay.frac(se.lo()[i])) * h, y1 - clampFrac(ay.frac(se.hi()[i])) * h});
      } else {
        if (run.size() >= 2) {
          int n = run.size();
          double[] xs = new double[2 * n];
          double[] ys = new double[2 * n];
          for (int j = 0; j < n; j++) {
            xs[j] = run.get(j)[0];
            ys[j] = run.get(j)[2];
            xs[2 * n - 1 - j] = run.get(j)[0];
            ys[2 * n - 1 - j] = run.get(j)[1];
          }
          s.add(new Poly(xs, ys, true, null, 0, c, 0.2, null));
        }
        run.clear();
      }
    }
  }

  private static void legend(Scene s, Figure f, double x, double y, boolean hist) {
    double yy = y;
    if (f.legendTitle() != null) {
      yy += LEGEND_FONT;
      s.add(new Text(x, yy, f.legendTitle(), LEGEND_FONT, "start", 0, INK, true));
      yy += 6;
    }
    for (int k = 0; k < f.series().size(); k++) {
      Series se = f.series().get(k);
      double cy = yy + 9;
      if (hist) {
        s.add(new Poly(new double[] {x, x + 18, x + 18, x}, new double[] {cy - 5, cy - 5, cy + 5, cy + 5},
            true, null, 0, color(k), f.series().size() > 1 ? 0.5 : 0.85, null));
      } else {
        if (f.kind() == Kind.LINE) {
          s.line(x, cy, x + 18, cy, color(k), 1.8);
        }
        s.add(new Scene.Mark(x + 9, cy, MARKERS[k % MARKERS.length], 3.0, color(k),
            f.kind() == Kind.SCATTER ? "#ffffff" : null));
      }
      String name = se.name() == null ? "" : se.name();
      s.add(new Text(x + 26, cy + LEGEND_FONT * 0.36, name, LEGEND_FONT, "start", 0, INK, false));
      yy += 18;
    }
  }

  // ------------------------------------------------------------------ heat map

  /** Viridis, 9 stops (matplotlib's perceptually uniform default). */
  static final int[] VIRIDIS = {
    0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725
  };

  static String viridis(double t) {
    if (Double.isNaN(t)) {
      return "#dddddd";
    }
    t = Math.max(0, Math.min(1, t));
    double p = t * (VIRIDIS.length - 1);
    int i = Math.min((int) Math.floor(p), VIRIDIS.length - 2);
    double u = p - i;
    int a = VIRIDIS[i];
    int b = VIRIDIS[i + 1];
    int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
    int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  static Scene heatmap(Figure f) {
    Heat hm = f.heat();
    int width = f.width();
    int height = f.height();
    Scene s = new Scene(width, height);
    s.add(new Scene.Rect(0, 0, width, height, "#ffffff", null, 0));
    int ny = hm.z().length;
    int nx = ny == 0 ? 0 : hm.z()[0].length;
    double zlo = Double.POSITIVE_INFINITY;
    double zhi = Double.NEGATIVE_INFINITY;
    for (double[] row : hm.z()) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          zlo = Math.min(zlo, v);
          zhi = Math.max(zhi, v);
        }
      }
    }
    if (!(zlo <= zhi)) {
      zlo = 0;
      zhi = 1;
    } else if (zlo == zhi) {
      zlo -= 0.5;
      zhi += 0.5;
    }
    Axis az = new Axis(zlo, zhi, false);
    double top = f.title() != null ? 40 : 16;
    double bottom = 8 + 4 + TICK_FONT + 6 + (f.xlabel() != null ? LABEL_FONT + 8 : 0) + 6;
    double plotH = height - top - bottom;
    az.chooseTicks(Math.max(3, Math.min(7, (int) (plotH / 50) + 1)));
    double yLabW = 0;
    for (String l : hm.yLabels()) {
      yLabW = Math.max(yLabW, Scene.textWidth(l, TICK_FONT));
    }
    double left = 10 + (f.ylabel() != null ? LABEL_FONT + 8 : 0) + yLabW + 8;
    double right = 16 + 14 + 7 + az.maxLabelWidth(TICK_FONT) + (hm.valueLabel() != null ? LABEL_FONT + 12 : 0) + 12;
    double plotW = width - left - right;
    double x0 = left;
    double y0 = top;
    double cw = nx == 0 ? plotW : plotW / nx;
    double ch = ny == 0 ? plotH : plotH / ny;
    for (int r = 0; r < ny; r++) {
      double cy = hm.rowZeroTop() ? y0 + r * ch : y0 + (ny - 1 - r) * ch;
      for (int c = 0; c < nx; c++) {
        double v = hm.z()[r][c];
        String col = viridis(Double.isFinite(v) ? az.frac(v) : Double.NaN);
        // slight overlap hides hairline seams between cells in rasterizers
        s.add(new Scene.Rect(x0 + c * cw, cy, cw + 0.3, ch + 0.3, col, null, 0));
      }
    }
    if (hm.annotate()) {
      for (int r = 0; r < ny; r++) {
        double cy = hm.rowZeroTop() ? y0 + r * ch : y0 + (ny - 1 - r) * ch;
        for (int c = 0; c < nx; c++) {
          double v = hm.z()[r][c];
          String txt = Num.compact(v, 3);
          double size = Math.min(11, Math.min(ch * 0.45, cw * 0.9 / Math.max(1, txt.length() * 0.62)));
          if (size < 6) {
            continue;
          }
          double t = Double.isFinite(v) ? az.frac(v) : 0.9;
          String ink = t > 0.6 ? "#111111" : "#ffffff";
          s.add(new Text(x0 + (c + 0.5) * cw, cy + ch / 2 + size * 0.36, txt, size, "middle", 0, ink, false));
        }
      }
    }
    s.add(new Scene.Rect(x0, y0, plotW, plotH, null, FRAME, 0.9));
    // category labels, thinned when they would collide
    int stepX = labelStep(hm.xLabels(), cw);
    for (int c = 0; c < nx; c += stepX) {
      double x = x0 + (c + 0.5) * cw;
      s.line(x, y0 + plotH, x, y0 + plotH + 4.5, FRAME, 0.9);
      s.add(new Text(x, y0 + plotH + 8 + TICK_FONT * 0.8, hm.xLabels()[c], TICK_FONT, "middle", 0, INK, false));
    }
    int stepY = Math.max(1, (int) Math.ceil((TICK_FONT + 3) / Math.max(ch, 1e-9)));
    for (int r = 0; r < ny; r += stepY) {
      double cy = (hm.rowZeroTop() ? y0 + r * ch : y0 + (ny - 1 - r) * ch) + ch / 2;
      s.line(x0 - 4.5, cy, x0, cy, FRAME, 0.9);
      s.add(new Text(x0 - 7, cy + TICK_FONT * 0.36, hm.yLabels()[r], TICK_FONT, "end", 0, INK, false));
    }
    // colour bar
    double bx = x0 + plotW + 16;
    int steps = 64;
    for (int i = 0; i < steps; i++) {
      double yb = y0 + plotH - (i + 1) * plotH / steps;
      s.add(new Scene.Rect(bx, yb, 14, plotH / steps + 0.3, viridis((i + 0.5) / steps), null, 0));
    }
    s.add(new Scene.Rect(bx, y0, 14, plotH, null, FRAME, 0.9));
    for (int i = 0; i < az.ticks.length; i++) {
      double y = y0 + plotH - az.frac(az.ticks[i]) * plotH;
      s.line(bx + 14, y, bx + 18, y, FRAME, 0.9);
      s.add(new Text(bx + 21, y + TICK_FONT * 0.36, az.labels[i], TICK_FONT, "start", 0, INK, false));
    }
    if (hm.valueLabel() != null) {
      double lx = bx + 21 + az.maxLabelWidth(TICK_FONT) + 8 + LABEL_FONT * 0.8;
      s.add(new Text(lx, y0 + plotH / 2, hm.valueLabel(), LABEL_FONT, "middle", -90, INK, false));
    }
    if (f.xlabel() != null) {
      s.add(new Text(x0 + plotW / 2, y0 + plotH + 8 + TICK_FONT + 8 + LABEL_FONT * 0.8, f.xlabel(), LABEL_FONT,
          "middle", 0, INK, false));
    }
    if (f.ylabel() != null) {
      s.add(new Text(10 + LABEL_FONT * 0.8, y0 + plotH / 2, f.ylabel(), LABEL_FONT, "middle", -90, INK, false));
    }
    if (f.title() != null) {
      s.add(new Text(x0 + plotW / 2, 24, f.title(), TITLE_FONT, "middle", 0, INK, true));
    }
    return s;
  }

  private static int labelStep(String[] labels, double cell) {
    double w = 0;
    for (String l : labels) {
      w = Math.max(w, Scene.textWidth(l, TICK_FONT));
    }
    return Math.max(1, (int) Math.ceil((w + 8) / Math.max(cell, 1e-9)));
  }
}
