package dev.exp.plot;

import java.util.List;

/**
 * An immutable figure specification: what to draw (kind, series or heat-map grid) and how to
 * label it. Layout happens when it is rendered ({@link #scene()}, {@link #toSvg()},
 * {@link #toPng()}); the {@code plot.*} kernels build figures from tables and tensors.
 */
public final class Figure {

  /** The kind of plot. */
  public enum Kind {
    LINE,
    SCATTER,
    HIST,
    HEATMAP
  }

  /**
   * One series. For LINE and SCATTER: points (x[i], y[i]) with optional lower/upper bounds lo/hi
   * (error band or bars; null when absent; NaN entries have none). For HIST: x holds the n + 1 bin
   * edges and y the n counts.
   */
  public record Series(String name, double[] x, double[] y, double[] lo, double[] hi) {}

  /**
   * Heat-map data: z[row][col]; xLabels label columns and yLabels rows; rowZeroTop puts row 0 at
   * the top (matrix/image convention) rather than at the bottom (grid convention).
   */
  public record Heat(double[][] z, String[] xLabels, String[] yLabels, boolean rowZeroTop,
      String valueLabel, boolean annotate) {}

  private final Kind kind;
  private final List<Series> series;
  private final Heat heat;
  private final String legendTitle;
  private final String title;
  private final String xlabel;
  private final String ylabel;
  private final boolean logX;
  private final boolean logY;
  private final boolean errorBars;
  private final int width;
  private final int height;

  /**
   * @param errorBars draw lo/hi as error bars (true) or as a shaded band (false)
   */
  public Figure(Kind kind, List<Series> series, Heat heat, String legendTitle, String title,
      String xlabel, String ylabel, boolean logX, boolean logY, boolean errorBars, int width, int height) {
    this.kind = kind;
    this.series = List.copyOf(series);
    this.heat = heat;
    this.legendTitle = legendTitle;
    this.title = title;
    this.xlabel = xlabel;
    this.ylabel = ylabel;
    this.logX = logX;
    this.logY = logY;
    this.errorBars = errorBars;
    this.width = width;
    this.height = height;
  }

  public Kind kind() {
    return kind;
  }

  public List<Series> series() {
    return series;
  }

  public Heat heat() {
    return heat;
  }

  public String legendTitle() {
    return legendTitle;
  }

  public String title() {
    return title;
  }

  public String xlabel() {
    return xlabel;
  }

  public String ylabel() {
    return ylabel;
  }

  public boolean logX() {
    return logX;
  }

  public boolean logY() {
    return logY;
  }

  public boolean errorBars() {
    return errorBars;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The laid-out drawing. */
  public Scene scene() {
    return Layout.scene(this);
  }

  /** SVG text (deterministic). */
  public String toSvg() {
    return SvgRenderer.render(scene());
  }

  /** PNG bytes at twice the nominal size (sharp when printed or shown on high-density screens). */
  public byte[] toPng() {
    return PngRenderer.render(scene(), 2.0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Figure(").append(kind.name().toLowerCase(java.util.Locale.ROOT));
    if (kind == Kind.HEATMAP) {
      sb.append(", ").append(heat.z().length).append('x').append(heat.z().length == 0 ? 0 : heat.z()[0].length);
    } else {
      sb.append(", ").append(series.size()).append(series.size() == 1 ? " series" : " series");
    }
    if (title != null) {
      sb.append(", \"").append(title).append('"');
    }
    if (logX || logY) {
      sb.append(", log ").append(logX ? "x" : "").append(logY ? "y" : "");
    }
    return sb.append(')').toString();
  }
}
