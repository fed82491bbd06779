package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Java/Exp conversion: the same rules for the host, the library and JavaScript. */
class ValueCodecTest {
  private static final ValueCodec HOST = ValueCodec.checked((v, what) -> ValueCodec.NOT_MINE, "numbers, ...");

  @Test
  void scalarsBecomeNumbersAndStrings() {
    assertEquals(3.0, HOST.toExp(3, "x"));
    assertEquals(2.5, HOST.toExp(2.5f, "x"));
    assertEquals(7.0, HOST.toExp(7L, "x"));
    assertEquals("c", HOST.toExp('c', "x"));
    assertEquals(4.0, HOST.toExp(Tensor.scalar(4), "x"), "a 0-d tensor is a number");
    assertEquals(true, ValueCodec.fromLibrary(true));
  }

  @Test
  void arraysBecomeTensorsAndHostTensorsAreCopied() {
    Tensor v = (Tensor) HOST.toExp(new int[] {1, 2, 3}, "x");
    assertArrayEquals(new int[] {3}, v.shape());
    assertArrayEquals(new double[] {1, 2, 3}, v.toArray());
    Tensor m = (Tensor) HOST.toExp(new double[][] {{1, 2}, {3, 4}, {5, 6}}, "m");
    assertArrayEquals(new int[] {3, 2}, m.shape());
    assertEquals(6.0, m.at(5));
    Tensor host = Tensor.vector(new double[] {1, 2});
    Object in = HOST.toExp(host, "t");
    assertTrue(in != host, "the host may keep writing into its tensor");
    assertSame(host, ValueCodec.fromLibrary(host), "library tensors are not copied");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HOST.toExp(new double[][] {{1, 2}, {3}}, "global 'm'"));
    assertEquals("global 'm': ragged double[][]: row 0 has 2 values, row 1 has 1", e.getMessage());
  }

  @Test
  void hostCollectionsFollowTheListLiteral() {
    Tensor v = (Tensor) HOST.toExp(List.of(1, 2.5, 3), "x");
    assertArrayEquals(new double[] {1, 2.5, 3}, v.toArray(), "like [1, 2.5, 3]");
    Tensor rows = (Tensor) HOST.toExp(List.of(new double[] {1, 2}, new double[] {3, 4}), "x");
    assertArrayEquals(new int[] {2, 2}, rows.shape(), "like [[1, 2], [3, 4]]");
    assertEquals(List.of("a", 1.0), HOST.toExp(List.of("a", 1), "x"));
    assertEquals(List.of(1.0, 2.0), ValueCodec.fromLibrary(List.of(1, 2)), "a library list stays a list");
  }

  @Test
  void mapsBecomeRecordsInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of(1, 2));
    Record r = assertInstanceOf(Record.class, HOST.toExp(m, "x"));
    assertEquals(List.of("b", "a"), List.copyOf(r.keySet()));
    assertEquals(1.0, r.get("b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HOST.toExp(Map.of(1, 2), "g"));
    assertEquals("g: map keys must be strings to become record fields, got java.lang.Integer", e.getMessage());
    Record lib = (Record) ValueCodec.fromLibrary(Map.of(1, 2));
    assertEquals(2.0, lib.get("1"));
  }

  @Test
  void unknownJavaObjectsAreRefusedFromTheHostOnly() {
    Object thread = Thread.currentThread();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HOST.toExp(thread, "argument 1"));
    assertEquals("argument 1: cannot pass a java.lang.Thread to a script (numbers, ...)", e.getMessage());
    assertSame(thread, ValueCodec.fromLibrary(thread));
  }

  @Test
  void valuesLeaveAsPlainJava() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("m", Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
    fields.put("xs", Values.list(new java.util.ArrayList<>(List.of(1.0, "s"))));
    Object out = ValueCodec.toJava(Record.of(fields), x -> "opaque");
    Map<?, ?> m = (Map<?, ?>) out;
    assertArrayEquals(new double[] {3, 4}, ((double[][]) m.get("m"))[1]);
    assertEquals(List.of(1.0, "s"), m.get("xs"));
    assertEquals("opaque", ValueCodec.toJava(new RangeValue(0, 3, 1), x -> "opaque"));
  }
}
