package dev.exp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.table.Table;
import dev.exp.table.Table.Column;
import dev.exp.table.Table.Role;
import dev.exp.table.TableKernels;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoTest {
  @TempDir Path dir;

  /** Awkward values: NaN, infinities, tiny/huge numbers, text with commas, quotes, newlines, missing text. */
  static Table awkward() {
    return new Table(null, List.of(
        Column.numeric("x", Role.NONE, new double[] {1, 0.1, Double.NaN, 1e-300, -2.5e17, Double.POSITIVE_INFINITY}),
        Column.numeric("y", Role.NONE, new double[] {Double.NEGATIVE_INFINITY, 1.0 / 3, 16, -0.0 + 0, 123456789.123, 5e-324}),
        Column.text("name", Role.NONE, new String[] {"cg", "a,b", "say \"hi\"", null, "line\nbreak", "ünï ±"})));
  }

  private String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void csvRoundTripIsExact() throws IOException {
    Path p = dir.resolve("t.csv");
    Table t = awkward();
    assertSame(t, IoKernels.save(t, p.toString()));
    Table back = IoKernels.readCsv(p.toString(), null, null, null);
    assertTrue(back.sameData(t), back + "\nvs\n" + t);
    // the file is plain CSV: header, exact numbers, nan/inf spelled for Python/pandas
    String text = read(p);
    assertTrue(text.startsWith("x,y,name\n1,-inf,cg\n0.1,0.3333333333333333,\"a,b\"\nnan,16,\"say \"\"hi\"\"\"\n"), text);
  }

  @Test
  void jsonRoundTripIsExact() throws IOException {
    Path p = dir.resolve("t.json");
    Table t = awkward();
    IoKernels.save(t, p.toString());
    Object back = IoKernels.readJson(p.toString());
    assertTrue(((Table) back).sameData(t), back + "\nvs\n" + t);
    String text = read(p);
    assertTrue(text.startsWith("[\n  {\"x\":1,\"y\":\"-inf\",\"name\":\"cg\"},\n  {\"x\":0.1,"), text);
    assertTrue(text.contains("{\"x\":null,\"y\":16,\"name\":\"say \\\"hi\\\"\"}"), text);
  }

  @Test
  void aTensorOfInfinitiesRoundTripsAndDeepNestingIsRefusedInWords() {
    Tensor special = Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    String text = TableFiles.toJson(Map.of("z", special));
    assertTrue(text.contains("null") && text.contains("\"inf\"") && text.contains("\"-inf\""), text);
    Tensor back = (Tensor) ((Map<?, ?>) TableFiles.fromJson(text, "v.json")).get("z");
    assertArrayEquals(special.toArray(), back.toArray(), 0);
    Object deep = List.of();
    for (int i = 0; i < 1500; i++) {
      deep = List.of(deep);
    }
    Object nested = deep;
    String msg = assertThrows(KernelException.class, () -> TableFiles.toJson(nested)).getMessage();
    assertEquals("the value is nested more than 1000 lists or records deep, more than JSON allows", msg);
  }

  @Test
  void blankLinesAreNoRowsUnlessTheTableHasOneColumn() {
    Table t = TableFiles.fromCsv("a,b\r\n1,2\r\n\r\n3,4\r\n\r\n", "t.csv");
    assertEquals(2, t.nrows());
    assertEquals(3.0, t.column("a").number(1));
    Table neg = TableFiles.fromCsv(TableFiles.toCsv(TableKernels.table(List.of(Map.of("z", -0.0)))), "t.csv");
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(neg.column("z").number(0)), "-0 kept");
    Table pandas = TableFiles.fromCsv("ok,v\nTrue,1\nFalse,2\n", "t.csv");   // pandas writes bools so
    assertTrue(pandas.column("ok").isBool());
    assertEquals(0.0, pandas.column("ok").number(1));
    Table one = TableFiles.fromCsv("a\n1\n\n3\n", "t.csv");   // one column: an empty line is a missing value
    assertEquals(3, one.nrows());
    assertTrue(Double.isNaN(one.column("a").number(1)));
  }

  @Test
  void tableCellsAreScalarsAndSelectKeepsAColumn() {
    KernelException cell = assertThrows(KernelException.class,
        () -> TableKernels.table(List.of(Map.of("a", Tensor.vector(1, 2)))));
    assertTrue(cell.getMessage().contains("column \"a\" row 0 holds a tensor of shape [2]"), cell.getMessage());
    Table t = TableKernels.table(List.of(Map.of("a", 1.0), Map.of("a", 2.0)));
    assertThrows(KernelException.class, () -> TableKernels.select(t, List.of()));
  }

  @Test
  void aFileThatIsNotUtf8IsSaidInWords() throws IOException {
    Path p = dir.resolve("latin1.csv");
    Files.write(p, new byte[] {'a', ',', 'b', '\n', 'c', 'a', 'f', (byte) 0xe9, ',', '1', '\n'});
    String m = assertThrows(KernelException.class, () -> IoKernels.readCsv(p.toString(), null, null, null)).getMessage();
    assertTrue(m.contains("is not UTF-8 text"), m);
  }

  @Test
  void malformedFilesSayWhereAndWhatInWords() {
    String csv = assertThrows(KernelException.class, () -> TableFiles.fromCsv("a,b\n1,2\n3\n\"x,4\n", "t.csv")).getMessage();
    assertEquals("cannot parse CSV t.csv: line 4: a quoted field is not closed before the end of the file", csv);
    String json = assertThrows(KernelException.class, () -> TableFiles.fromJson("{\"a\": [1, 2", "t.json")).getMessage();
    assertEquals("cannot parse JSON t.json: line 1, column 12: Unexpected end-of-input: expected close marker for Array", json);
    String field = assertThrows(KernelException.class, () -> TableFiles.fromJson("{\"a\": 1,,}", "t.json")).getMessage();
    assertTrue(field.startsWith("cannot parse JSON t.json: line 1, column 9: Unexpected character"), field);
    for (String m : List.of(csv, json, field)) {
      assertTrue(!m.contains("Exception") && !m.contains("Source:") && !m.contains("org."), m);
    }
  }

  @Test
  void readJsonOfOtherValues() throws IOException {
    Path p = dir.resolve("v.json");
    Files.writeString(p, "{\"a\": [[1, 2], [3, 4]], \"b\": [1, \"x\"], \"c\": NaN, \"d\": true}");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) IoKernels.readJson(p.toString());
    assertEquals(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}), m.get("a"));
    assertEquals(List.of(1.0, "x"), m.get("b"));
    assertTrue(Double.isNaN((Double) m.get("c")));
    assertEquals(true, m.get("d"));
    // write_json then read back
    Path q = dir.resolve("w.json");
    IoKernels.writeJson(Map.of("k", Tensor.vector(1.5, Double.POSITIVE_INFINITY)), q.toString());
    assertEquals("{\n  \"k\" : [ 1.5, \"inf\" ]\n}\n", read(q));
  }

  @Test
  void rolesCanBeRestoredAfterReading() throws IOException {
    Table.Builder b = Table.builder().param("m").seed("seed").metric("err").info("status");
    b.addRow(Map.of("m", 16, "seed", 1, "err", 1.0, "status", "ok"));
    b.addRow(Map.of("m", 16, "seed", 2, "err", 3.0, "status", "ok"));
    Table t = b.build();
    Path p = dir.resolve("sub/dir/r.csv");
    IoKernels.save(t, p.toString());
    Table back = IoKernels.readCsv(p.toString(), "m", "seed", "err");
    assertEquals(t.toString(), back.toString());
    assertEquals(Role.INFO, back.column("status").role());
  }

  @Test
  void markdownAndTensorFormats() throws IOException {
    Table t = TableKernels.table(List.of(Map.of("a", 1), Map.of("a", 2.5)));
    IoKernels.save(t, dir.resolve("t.md").toString());
    assertEquals("| a |\n| ---: |\n| 1 |\n| 2.5 |\n", read(dir.resolve("t.md")));
    Tensor m = Tensor.matrix(new double[][] {{1, 0.5}, {Double.NaN, -3}});
    IoKernels.save(m, dir.resolve("m.csv").toString());
    assertEquals("1,0.5\nnan,-3\n", read(dir.resolve("m.csv")));
    IoKernels.save(m, dir.resolve("m.json").toString());
    assertEquals(m.toString(), IoKernels.readJson(dir.resolve("m.json").toString()).toString());
  }

  @Test
  void unknownExtensionListsSupportedOnes() {
    KernelException e = assertThrows(KernelException.class,
        () -> IoKernels.save(awkward(), dir.resolve("t.xlsx").toString()));
    assertTrue(e.getMessage().contains(".xlsx") && e.getMessage().contains(".csv, .json, .md"), e.getMessage());
    KernelException e2 = assertThrows(KernelException.class,
        () -> IoKernels.save(Tensor.vector(1), dir.resolve("t.png").toString()));
    assertTrue(e2.getMessage().contains(".csv, .json"), e2.getMessage());
  }

  @Test
  void atomicWriteLeavesNoTempFilesAndKeepsTargetOnFailure() throws IOException {
    Path p = dir.resolve("keep.txt");
    IoKernels.writeText("old", p.toString());
    assertEquals(List.of(p), list());
    KernelException e = assertThrows(KernelException.class, () -> AtomicFiles.write(p, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    assertEquals("old", read(p));
    assertEquals(List.of(p), list()); // temp file removed
    IoKernels.writeText("new", p.toString());
    assertEquals("new", IoKernels.readText(p.toString()));
    assertEquals(List.of(p), list());
  }

  @Test
  void readingMissingOrBadFilesGivesClearErrors() throws IOException {
    KernelException e = assertThrows(KernelException.class, () -> IoKernels.readCsv(dir.resolve("nope.csv").toString(), null, null, null));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b\n1,2\n3\n");
    KernelException e2 = assertThrows(KernelException.class, () -> IoKernels.readCsv(bad.toString(), null, null, null));
    assertTrue(e2.getMessage().contains("line 3 has 1 fields but the header has 2"), e2.getMessage());
    Path badJson = dir.resolve("bad.json");
    Files.writeString(badJson, "[{\"a\": 1,]");
    assertThrows(KernelException.class, () -> IoKernels.readJson(badJson.toString()));
  }

  @Test
  void csvReadDetectsNumericColumnsAndMissingValues() throws IOException {
    Path p = dir.resolve("r.csv");
    Files.writeString(p, "n,name,v\n1,a,\n2,,NaN\n3,c,Infinity\n");
    Table t = IoKernels.readCsv(p.toString(), null, null, null);
    assertArrayEquals(new double[] {1, 2, 3}, t.column("n").numbers());
    assertNull(t.column("name").text(1));
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY}, t.column("v").numbers());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    // Excel's "CSV UTF-8" starts with EF BB BF (pandas and Python's utf-8-sig drop it)
    Path p = dir.resolve("bom.csv");
    Files.write(p, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n', '1', ',', '2', '\n'});
    Table t = IoKernels.readCsv(p.toString(), null, null, null);
    assertArrayEquals(new double[] {1}, t.column("a").numbers());
  }
}
