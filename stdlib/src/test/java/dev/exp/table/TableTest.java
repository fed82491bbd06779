package dev.exp.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

  static Map<String, Object> rec(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** m = 16: err 1..5 (5 seeds); m = 64: err 0.5, 0.7 and one failed trial. */
  static Table experiment() {
    Table.Builder b = Table.builder().title("demo").param("m").seed("seed").metric("err")
        .info("seconds").info("status").info("error");
    for (int s = 1; s <= 5; s++) {
      b.addRow(rec("m", 16, "seed", s, "err", (double) s, "seconds", 0.5, "status", "ok"));
    }
    b.addRow(rec("m", 64, "seed", 1, "err", 0.5, "seconds", 0.25, "status", "ok"));
    b.addRow(rec("m", 64, "seed", 2, "err", 0.7, "seconds", 0.25, "status", "ok"));
    b.addRow(rec("m", 64, "seed", 3, "seconds", 0.1, "status", "failed", "error", "matrix is singular\nat line 3"));
    return b.build();
  }

  @Test
  void numberFormattingIsCompact() {
    assertEquals("0.01234", Num.compact(0.012341));
    assertEquals("1.235e-05", Num.compact(1.2345e-5 + 1e-12));
    assertEquals("1234", Num.compact(1234));
    assertEquals("312.3", Num.compact(312.33333));
    assertEquals("65536", Num.compact(65536));
    assertEquals("12346", Num.compact(12345.6));
    assertEquals("1.5e+07", Num.compact(1.5e7 + 0.5));
    assertEquals("-0.5", Num.compact(-0.5));
    assertEquals("1e-04", Num.compact(0.000099996));
    assertEquals("nan", Num.compact(Double.NaN));
    assertEquals("-inf", Num.compact(Double.NEGATIVE_INFINITY));
    assertEquals("0", Num.compact(0.0));
    assertEquals("0.1", Num.exact(0.1));
    assertEquals("16", Num.exact(16.0));
    assertEquals(Double.NaN, Num.parse("NaN"));
    assertEquals(Double.NEGATIVE_INFINITY, Num.parse("-inf"));
    assertNull(Num.parse("abc"));
    assertNull(Num.parse("1d"));
  }

  @Test
  void printedExperimentSummaryIsExact() {
    // m=16: mean 3, half width t_{0.975,4} sqrt(2.5)/sqrt(5) = 1.963;
    // m=64: mean 0.6, half width t_{0.975,1} 0.1414/sqrt(2) = 12.706 * 0.1 = 1.271
    String expected = String.join("\n",
        "demo: 8 trials, 2 grid points; mean ± 95% CI (Student t) over replicates",
        " m          err  n  failed",
        "--  -----------  -  --------",
        "16    3 ± 1.963  5",
        "64  0.6 ± 1.271  2  1 failed",
        "1 of 8 trials failed: matrix is singular");
    assertEquals(expected, experiment().toString());
  }

  @Test
  void printedPlainTableIsAlignedAndTruncated() {
    Table t = TableKernels.table(List.of(rec("name", "cg", "iters", 12), rec("name", "sor", "iters", 140.5)));
    assertEquals(String.join("\n",
        "name  iters",
        "----  -----",
        "cg       12",
        "sor   140.5"), t.toString());
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      many.add(rec("i", i));
    }
    String s = TableKernels.table(many).toString();
    assertTrue(s.endsWith("\n39\n... 5 more rows"), s);
  }

  @Test
  void builderInfersKindsAndMissingValues() {
    Table t = experiment();
    assertEquals(List.of("m", "seed", "err", "seconds", "status", "error"), t.columnNames());
    assertTrue(t.column("err").isNumeric());
    assertTrue(Double.isNaN(t.column("err").number(7)));
    assertTrue(!t.column("status").isNumeric());
    assertNull(t.column("error").text(0));
    assertEquals(Table.Role.PARAM, t.column("m").role());
    Table u = TableKernels.table(List.of(rec("a", 1, "b", true), rec("a", "x", "c", Tensor.scalar(2))));
    assertEquals(List.of("a", "b", "c"), u.columnNames());
    assertArrayEquals(new String[] {"1", "x"}, u.column("a").texts());
    assertArrayEquals(new double[] {1, Double.NaN}, u.column("b").numbers());
    assertArrayEquals(new double[] {Double.NaN, 2}, u.column("c").numbers());
  }

  @Test
  void tableFromColumnsRecord() {
    Table t = TableKernels.table(rec("x", Tensor.vector(1, 2), "name", List.of("a", "b")));
    assertEquals(2, t.nrows());
    assertEquals(rec("x", 2.0, "name", "b"), t.row(1));
    assertThrows(KernelException.class, () -> TableKernels.table(rec("x", Tensor.vector(1, 2), "y", Tensor.vector(1))));
  }

  @Test
  void whereSelectSortColumnRows() {
    Table t = experiment();
    Table ok = TableKernels.where(t, args -> "ok".equals(((Map<?, ?>) args[0]).get("status")));
    assertEquals(7, ok.nrows());
    Table big = TableKernels.where(t, args -> (Double) ((Map<?, ?>) args[0]).get("err") > 2.5);
    assertArrayEquals(new double[] {3, 4, 5}, big.column("err").numbers());
    Table sel = TableKernels.select(t, List.of("err", "m"));
    assertEquals(List.of("err", "m"), sel.columnNames());
    Table sorted = TableKernels.sort(t, "err", true);
    // descending present values, missing last
    assertArrayEquals(new double[] {5, 4, 3, 2, 1, 0.7, 0.5, Double.NaN}, sorted.column("err").numbers());
    Table byTwo = TableKernels.sort(t, List.of("m", "err"), false);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 0.5, 0.7, Double.NaN}, byTwo.column("err").numbers());
    Tensor err = (Tensor) TableKernels.column(t, "m");
    assertEquals(8, err.size());
    assertEquals(List.of("ok", "ok", "ok", "ok", "ok", "ok", "ok", "failed"), TableKernels.column(t, "status"));
    assertEquals(8, TableKernels.rows(t).size());
    assertEquals(8, TableKernels.nrows(t));
    assertEquals(rec("m", 64.0, "seed", 3.0, "err", Double.NaN, "seconds", 0.1, "status", "failed",
        "error", "matrix is singular\nat line 3"), TableKernels.rows(t).get(7));
    KernelException e = assertThrows(KernelException.class, () -> TableKernels.column(t, "eror"));
    assertTrue(e.getMessage().contains("no column \"eror\""), e.getMessage());
  }

  @Test
  void aggComputesStatisticsPerGroup() {
    Table a = TableKernels.agg(experiment(), "m", List.of("mean", "ci95", "count", "max"), null);
    assertEquals(List.of("m", "err_mean", "err_ci95", "err_count", "err_max", "n"), a.columnNames());
    assertArrayEquals(new double[] {16, 64}, a.column("m").numbers());
    assertArrayEquals(new double[] {3, 0.6}, a.column("err_mean").numbers(), 1e-15);
    assertEquals(2.776445105 * Math.sqrt(0.5), a.column("err_ci95").number(0), 1e-8);
    assertEquals(12.70620474 * 0.1, a.column("err_ci95").number(1), 1e-7);
    assertArrayEquals(new double[] {5, 2}, a.column("err_count").numbers());
    assertArrayEquals(new double[] {5, 0.7}, a.column("err_max").numbers());
    assertArrayEquals(new double[] {5, 3}, a.column("n").numbers());
    // whole table, explicit columns
    Table all = TableKernels.agg(experiment(), null, "median", List.of("seconds"));
    assertEquals(List.of("seconds_median", "n"), all.columnNames());
    assertEquals(0.5, all.column("seconds_median").number(0));
    assertThrows(KernelException.class, () -> TableKernels.agg(experiment(), "m", "mode", null));
    assertThrows(KernelException.class, () -> TableKernels.agg(experiment(), "m", "mean", "status"));
  }

  @Test
  void groupSplitsInFirstAppearanceOrder() {
    List<Object> g = TableKernels.group(experiment(), "m");
    assertEquals(2, g.size());
    Map<?, ?> second = (Map<?, ?>) g.get(1);
    assertEquals(rec("m", 64.0), second.get("key"));
    assertEquals(3, ((Table) second.get("table")).nrows());
  }

  @Test
  void innerJoinMatchesByKey() {
    Table a = TableKernels.table(List.of(rec("task", "x", "v", 1), rec("task", "y", "v", 2), rec("task", "z", "v", 3)));
    Table b = TableKernels.table(List.of(rec("task", "y", "v", 20, "w", 0.5), rec("task", "x", "v", 10, "w", 0.25),
        rec("task", "x", "v", 11, "w", 0.75)));
    Table j = TableKernels.join(a, b, "task");
    assertEquals(List.of("task", "v", "v_2", "w"), j.columnNames());
    assertArrayEquals(new String[] {"x", "x", "y"}, j.column("task").texts());
    assertArrayEquals(new double[] {1, 1, 2}, j.column("v").numbers());
    assertArrayEquals(new double[] {10, 11, 20}, j.column("v_2").numbers());
    assertArrayEquals(new double[] {0.25, 0.75, 0.5}, j.column("w").numbers());
    assertThrows(KernelException.class, () -> TableKernels.join(a, b, "nope"));
  }

  @Test
  void textMetricsAlignLeftInSummaries() {
    Table.Builder b = Table.builder().param("m").seed("seed").metric("label").metric("err");
    for (int s = 1; s <= 2; s++) {
      b.addRow(rec("m", 16, "seed", s, "label", "fast", "err", (double) s));
    }
    String md = TablePrinter.markdown(b.build());
    assertTrue(md.contains("| m | label | err | n |\n| ---: | --- | ---: | ---: |\n"), md);
  }

  @Test
  void markdownHasSummaryRows() {
    String md = TablePrinter.markdown(experiment());
    assertTrue(md.contains("| m | err | n | failed |\n| ---: | ---: | ---: | --- |\n| 16 | 3 ± 1.963 | 5 |  |\n"), md);
  }
}
