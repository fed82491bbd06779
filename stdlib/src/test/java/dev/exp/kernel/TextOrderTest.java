package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** String order = lexicographic order of the code point sequences (Python's), on random strings. */
class TextOrderTest {
  @Test
  void matchesTheOrderOfCodePointArrays() {
    int[] pool = {'a', 'b', 0xE000, 0xFFFF, 0xD7FF, 0x1F600, 0x10000, 0x10FFFF};
    Random r = new Random(3);
    for (int trial = 0; trial < 20000; trial++) {
      int[] x = r.ints(r.nextInt(4), 0, pool.length).map(i -> pool[i]).toArray();
      int[] y = r.ints(r.nextInt(4), 0, pool.length).map(i -> pool[i]).toArray();
      String a = new String(x, 0, x.length);
      String b = new String(y, 0, y.length);
      assertEquals(Integer.signum(Arrays.compare(x, y)), Integer.signum(TextOrder.compare(a, b)), a + " vs " + b);
    }
  }
}
