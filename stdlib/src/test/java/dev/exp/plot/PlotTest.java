package dev.exp.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.plot.Figure.Series;
import dev.exp.table.Table;
import dev.exp.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotTest {

  // ------------------------------------------------------------------ ticks

  @Test
  void linearTicksUseOneTwoFiveSteps() {
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.linear(0, 1, 6), 1e-15);
    assertArrayEquals(new String[] {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"},
        Ticks.linearLabels(Ticks.linear(0, 1, 6)));
    assertArrayEquals(new double[] {0, 500, 1000, 1500, 2000}, Ticks.linear(-30, 2010, 6), 0);
    assertArrayEquals(new double[] {-0.5, 0, 0.5}, Ticks.linear(-0.7, 0.7, 4), 0);
    assertArrayEquals(new String[] {"\u22120.5", "0.0", "0.5"}, Ticks.linearLabels(new double[] {-0.5, 0, 0.5}));
    // a range far from 0: the ticks stay apart and so do their labels
    double[] far = Ticks.linear(1e12, 1e12 + 2, 5);
    assertArrayEquals(new double[] {1e12, 1e12 + 0.5, 1e12 + 1, 1e12 + 1.5, 1e12 + 2}, far, 0);
    assertArrayEquals(new String[] {"1e12", "1.0000000000005e12", "1.000000000001e12", "1.0000000000015e12",
        "1.000000000002e12"}, Ticks.linearLabels(far));
    assertArrayEquals(new double[] {0.1, 0.2, 0.3}, Ticks.linear(0.05, 0.34, 4), 0);
    assertEquals(2.0, Ticks.niceStep(1.3));
    assertEquals(5.0, Ticks.niceStep(2.1));
    assertEquals(0.01, Ticks.niceStep(0.01));
    assertArrayEquals(new String[] {"0", "2e-4", "4e-4"}, Ticks.linearLabels(new double[] {0, 2e-4, 4e-4}));
  }

  @Test
  void logTicksAreDecades() {
    assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1, 10}, Ticks.log(1e-3, 1e1, 8), 0);
    assertArrayEquals(new String[] {"0.001", "0.01", "0.1", "1", "10"}, Ticks.logLabels(Ticks.log(1e-3, 1e1, 8)));
    assertArrayEquals(new String[] {"10⁻⁶", "10⁻⁴", "10⁻²", "10⁰"}, Ticks.logLabels(Ticks.log(1e-6, 1, 4)));
    assertArrayEquals(new String[] {"10⁵", "10⁶"}, Ticks.logLabels(new double[] {1e5, 1e6}));
    // less than two decades: 1-2-5 ticks
    assertArrayEquals(new double[] {20, 50, 100}, Ticks.log(15, 150, 8), 0);
    assertArrayEquals(new double[] {2, 3, 4, 5, 6, 7, 8, 9}, Ticks.logMinor(1, 10), 0);
  }

  @Test
  void logAxesReachingTheEndsOfTheDoublesHaveFiniteDecadeTicks() {
    // the padded range used to overflow to infinity (or underflow to 0): the decade loops never ended
    for (double[] ys : new double[][] {{1, 1e300}, {1e-310, 1}, {1, 1.7e308}, {Double.MIN_VALUE, Double.MAX_VALUE}}) {
      String svg = PlotKernels.line(Tensor.vector(ys), null, null, "y", null, null, null, 480, 320).toSvg();
      assertTrue(svg.contains("<svg") && !svg.contains("NaN") && !svg.contains("Infinity"), svg);
    }
    double[] t = Ticks.log(1e-323, 1e308, 8);
    assertTrue(t.length >= 2 && t.length <= 8, java.util.Arrays.toString(t));
    for (double v : t) {
      assertTrue(Double.isFinite(v) && v > 0 && Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) < 1e-6, "a power of ten (subnormals hold fewer digits): " + v);
    }
    assertArrayEquals(new double[] {5e306, 1e307, 2e307, 5e307, 1e308}, Ticks.log(5e306, 1.7e308, 8), 0);   // no 2e308: infinite
  }

  // ------------------------------------------------------------------ figures from data

  static Table experiment() {
    Table.Builder b = Table.builder().param("m").param("kind").seed("seed").metric("err").info("status");
    double[][] errs = {{1, 2, 3, 4, 5}, {0.5, 0.7, 0.6, 0.4, 0.8}};
    int[] ms = {16, 64};
    for (int k = 0; k < 2; k++) {
      for (int s = 0; s < 5; s++) {
        b.addRow(Map.of("m", ms[k], "kind", "a", "seed", s + 1, "err", errs[k][s], "status", "ok"));
        b.addRow(Map.of("m", ms[k], "kind", "b", "seed", s + 1, "err", errs[k][s] / 10, "status", "ok"));
      }
    }
    b.addRow(Map.of("m", 16, "kind", "a", "seed", 6, "err", 1000.0, "status", "failed"));
    return b.build();
  }

  @Test
  void lineAggregatesReplicatesWithStudentTBands() {
    Figure f = PlotKernels.line(experiment(), "m", "err", "kind", "ci95", "band", "", null, null, null, 640, 420);
    assertEquals(2, f.series().size());
    Series a = f.series().get(0);
    assertEquals("a", a.name());
    assertArrayEquals(new double[] {16, 64}, a.x());
    assertArrayEquals(new double[] {3, 0.6}, a.y(), 1e-12); // the failed trial (1000) is skipped
    double hw = 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5);
    assertEquals(3 - hw, a.lo()[0], 1e-8);
    assertEquals(3 + hw, a.hi()[0], 1e-8);
    assertEquals("kind", f.legendTitle());
    assertEquals("m", f.xlabel());
    // defaults: x = first param, y = only metric, series = the other param
    Figure g = PlotKernels.line(experiment(), null, null, null, "std", "bars", "xy", null, null, null, 640, 420);
    assertEquals(f.series().get(1).y()[1], g.series().get(1).y()[1]);
    // series b at m = 16: 0.1 .. 0.5, mean 0.3, sample std sqrt(2.5) / 10
    assertEquals(0.3 + Math.sqrt(2.5) / 10, g.series().get(1).hi()[0], 1e-12);
    assertTrue(g.errorBars() && g.logX() && g.logY());
    assertThrows(KernelException.class,
        () -> PlotKernels.line(experiment(), "m", "err", null, "iqr", "band", "", null, null, null, 640, 420));
    assertThrows(KernelException.class,
        () -> PlotKernels.line(experiment(), "m", "err", null, "ci95", "band", "z", null, null, null, 640, 420));
    assertThrows(KernelException.class,
        () -> PlotKernels.line(experiment(), "kind", "err", null, "ci95", "band", "", null, null, null, 640, 420));
  }

  @Test
  void tensorLineHasOneSeriesPerRow() {
    Figure f = PlotKernels.line(Tensor.matrix(new double[][] {{1, 2, 3}, {3, 2, 1}}), null, List.of("up", "down"),
        "", null, null, null, 640, 420);
    assertEquals(2, f.series().size());
    assertArrayEquals(new double[] {0, 1, 2}, f.series().get(1).x());
    assertEquals("down", f.series().get(1).name());
    assertNull(f.series().get(0).lo());

    KernelException empty = assertThrows(KernelException.class,
        () -> PlotKernels.line(Tensor.zeros(0), null, null, "", null, null, null, 640, 420));
    assertEquals("nothing to plot: y has no values (shape [0])", empty.getMessage());
  }

  @Test
  void histogramCountsFollowNumpyBins() {
    // numpy.histogram([0, 1, 1, 2, 3, 4], bins=4) -> counts [1, 2, 1, 2], edges [0, 1, 2, 3, 4]
    Figure f = PlotKernels.hist(Tensor.vector(0, 1, 1, 2, 3, 4), 4, "", null, null, null, 640, 420);
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, f.series().get(0).x(), 1e-15);
    assertArrayEquals(new double[] {1, 2, 1, 2}, f.series().get(0).y());
    assertEquals("count", f.ylabel());
  }

  @Test
  void heatmapOfTableAveragesReplicates() {
    Table.Builder b = Table.builder().param("lr").param("bs").seed("seed").metric("loss");
    b.addRow(Map.of("lr", 0.1, "bs", 32, "seed", 1, "loss", 1.0));
    b.addRow(Map.of("lr", 0.1, "bs", 32, "seed", 2, "loss", 3.0));
    b.addRow(Map.of("lr", 0.01, "bs", 32, "seed", 1, "loss", 5.0));
    b.addRow(Map.of("lr", 0.01, "bs", 64, "seed", 1, "loss", 7.0));
    Figure f = PlotKernels.heatmap(b.build(), "lr", "bs", null, null, null, null, null, 640, 420);
    assertArrayEquals(new String[] {"0.01", "0.1"}, f.heat().xLabels());
    assertArrayEquals(new String[] {"32", "64"}, f.heat().yLabels());
    assertArrayEquals(new double[] {5, 2}, f.heat().z()[0]);
    assertEquals(7.0, f.heat().z()[1][0]);
    assertTrue(Double.isNaN(f.heat().z()[1][1]));
    assertEquals("loss", f.heat().valueLabel());
  }

  // ------------------------------------------------------------------ rendering

  static final Path GOLDEN = Path.of("src/test/resources/plot");

  private static String golden(String name) throws IOException {
    try (InputStream in = PlotTest.class.getResourceAsStream("/plot/" + name)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Compares with the committed golden file; -Dexp.updateGolden=true rewrites it. */
  private static void assertGolden(String name, String svg) throws IOException {
    if (Boolean.getBoolean("exp.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve(name), svg, StandardCharsets.UTF_8);
      return;
    }
    String want = golden(name);
    assertTrue(want != null, "missing golden file " + name + " (run with -Dexp.updateGolden=true)");
    assertEquals(want, svg, "SVG differs from golden " + name);
  }

  static Figure goldenLine() {
    return PlotKernels.line(experiment(), "m", "err", "kind", "ci95", "band", "xy", "Error", null, null, 480, 320);
  }

  @Test
  void svgGoldens() throws IOException {
    assertGolden("line_log.svg", goldenLine().toSvg());
    assertGolden("scatter.svg", PlotKernels.scatter(Tensor.vector(0, 1, 2, 3), Tensor.vector(0, 1, 4, 9), "", "Squares",
        "x", "y", 480, 320).toSvg());
    assertGolden("hist.svg", PlotKernels.hist(Tensor.vector(0, 1, 1, 2, 3, 4), 4, "", null, "value", null, 480, 320).toSvg());
    assertGolden("heatmap.svg", PlotKernels.heatmap(Tensor.matrix(new double[][] {{1, 0}, {0.25, 0.75}}), List.of("a", "b"),
        null, null, "Weights", "key", "query", "w", 480, 320).toSvg());
  }

  @Test
  void longLinesKeepEachPixelColumnsFirstLowestHighestAndLast() {
    // 100 columns of 1000 points each, a spike in column 37: 4 points per column survive, the spike too
    List<double[]> run = new java.util.ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      double x = i / 1000.0;
      run.add(new double[] {x, i == 37_500 ? -50 : Math.sin(i * 0.01)});
    }
    List<double[]> kept = Layout.decimate(run);
    assertTrue(kept.size() <= 400, kept.size() + " points");
    assertTrue(kept.stream().anyMatch(p -> p[1] == -50), "the spike survives");
    assertEquals(run.get(0), kept.get(0));
    assertEquals(run.get(run.size() - 1), kept.get(kept.size() - 1));
    for (int c = 0; c < 100; c++) {   // each column's extremes are kept
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = c * 1000; i < (c + 1) * 1000; i++) {
        lo = Math.min(lo, run.get(i)[1]);
        hi = Math.max(hi, run.get(i)[1]);
      }
      int col = c;
      double h = hi;
      double l = lo;
      assertTrue(kept.stream().anyMatch(p -> Math.floor(p[0]) == col && p[1] == h), "column " + c + " max");
      assertTrue(kept.stream().anyMatch(p -> Math.floor(p[0]) == col && p[1] == l), "column " + c + " min");
    }
  }

  @Test
  void svgIsDeterministicAndLabelled() {
    String a = goldenLine().toSvg();
    assertEquals(a, goldenLine().toSvg());
    assertTrue(a.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480\""));
    assertTrue(a.contains(">Error</text>"));
    assertTrue(a.contains(">kind</text>") && a.contains(">a</text>") && a.contains(">b</text>"));
    assertTrue(a.contains(">0.1</text>") && a.contains(">1</text>"), a);
    assertTrue(a.contains("fill-opacity=\"0.2\""), "CI band drawn");
    // whole-number x values (an index) get whole-number ticks: 0, 1, 2 and nothing between
    String idx = PlotKernels.scatter(Tensor.vector(0, 1, 2), Tensor.vector(1, 3, 2), "", null, null, null, 480, 320)
        .toSvg();
    assertTrue(idx.contains(">1</text>") && idx.contains(">2</text>") && !idx.contains(">0.5</text>"), idx);
  }

  @Test
  void pngIsAHeadlessTwiceSizeImage() throws IOException {
    byte[] png = goldenLine().toPng();
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(960, img.getWidth());
    assertEquals(640, img.getHeight());
    assertEquals(0xffffff, img.getRGB(2, 2) & 0xffffff); // white background
    // some pixels carry the first series colour #4e79a7 (line or markers)
    boolean found = false;
    for (int y = 0; y < img.getHeight() && !found; y++) {
      for (int x = 0; x < img.getWidth() && !found; x++) {
        found = (img.getRGB(x, y) & 0xffffff) == 0x4e79a7;
      }
    }
    assertTrue(found);
  }
}
