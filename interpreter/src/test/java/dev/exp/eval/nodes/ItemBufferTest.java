package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The language's rule for collected items (numbers in, tensor out; otherwise a list), kept by the unboxed buffer. */
class ItemBufferTest {
  @Test
  void numbersMakeAVectorInOrder() {
    ItemBuffer b = new ItemBuffer();
    for (int i = 0; i < 1000; i++) {
      b.add(i * 0.5);
    }
    Tensor t = (Tensor) b.result();
    assertArrayEquals(new int[] {1000}, t.shape());
    assertEquals(0.5 * 999, t.at(999));
    double sum = 0;
    for (int i = 0; i < 1000; i++) {
      sum += t.at(i);
    }
    assertEquals(0.5 * 999 * 1000 / 2, sum);
  }

  @Test
  void aNonNumberTurnsTheItemsIntoAListKeepingEveryItem() {
    ItemBuffer b = new ItemBuffer();
    for (int i = 0; i < 40; i++) {
      b.add(i);
    }
    b.add("x");
    b.add(7.0);
    List<?> l = (List<?>) b.result();
    assertEquals(42, l.size());
    assertEquals(39.0, l.get(39));
    assertEquals("x", l.get(40));
    assertEquals(7.0, l.get(41));
  }

  @Test
  void nothingIsAnEmptyListAndComplexNumbersMakeAComplexVector() {
    assertTrue(((List<?>) new ItemBuffer().result()).isEmpty());
    ItemBuffer b = new ItemBuffer();
    b.add(1.0);
    b.add((Object) new Complex(0, 2));
    Tensor t = (Tensor) b.result();
    assertTrue(t.isComplex());
    assertEquals(2.0, t.getIm(1));
    assertEquals(1.0, t.getRe(0));
  }
}
