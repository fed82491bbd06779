package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlgorithmicTasksTest {
  static Tensor t(Map<String, Object> r, String f) {
    return (Tensor) r.get(f);
  }

  @Test
  void parityLabelsAreXor() {
    Map<String, Object> p = AlgorithmicTasks.parity(200, 24, false, new Rng(1));
    double[][] bits = t(p, "bits").toMatrix();
    double[] labels = t(p, "labels").toArray();
    assertEquals(200, labels.length);
    double ones = 0;
    for (int i = 0; i < 200; i++) {
      int x = 0;
      for (double b : bits[i]) {
        assertTrue(b == 0 || b == 1);
        x ^= (int) b;
        ones += b;
      }
      assertEquals(x, labels[i]);
    }
    int total = 200 * 24;
    assertEquals(0.5, ones / total, 5 * Math.sqrt(0.25 / total));
    Map<String, Object> r = AlgorithmicTasks.parity(20, 30, true, new Rng(2));
    double[][] rb = t(r, "bits").toMatrix();
    double[][] rl = t(r, "labels").toMatrix();
    for (int i = 0; i < 20; i++) {
      int x = 0;
      for (int j = 0; j < 30; j++) {
        x ^= (int) rb[i][j];
        assertEquals(x, rl[i][j]);
      }
    }
  }

  @Test
  void modCountLabels() {
    Map<String, Object> r = AlgorithmicTasks.modCount(30, 40, 3, true, new Rng(3));
    double[][] b = t(r, "bits").toMatrix();
    double[][] l = t(r, "labels").toMatrix();
    for (int i = 0; i < 30; i++) {
      int ones = 0;
      for (int j = 0; j < 40; j++) {
        ones += (int) b[i][j];
        assertEquals(ones % 3, l[i][j]);
      }
    }
    Map<String, Object> f = AlgorithmicTasks.modCount(30, 40, 5, false, new Rng(3));
    assertArrayEquals(new int[] {30}, t(f, "labels").shape());
    assertThrows(KernelException.class, () -> AlgorithmicTasks.modCount(3, 4, 0, false, new Rng(1)));
  }

  @Test
  void seedsAreReproducible() {
    assertEquals(t(AlgorithmicTasks.parity(5, 10, false, new Rng(1)), "bits"),
        t(AlgorithmicTasks.parity(5, 10, false, new Rng(1)), "bits"));
    assertNotEquals(t(AlgorithmicTasks.parity(5, 10, false, new Rng(1)), "bits"),
        t(AlgorithmicTasks.parity(5, 10, false, new Rng(2)), "bits"));
  }

  @Test
  void copyTaskLayout() {
    Map<String, Object> c = AlgorithmicTasks.copyTask(3, 6, 5, new Rng(4));
    double[][] s = t(c, "sequence").toMatrix();
    double[][] tg = t(c, "targets").toMatrix();
    assertEquals(5.0, c.get("separator"));
    for (int i = 0; i < 3; i++) {
      assertEquals(13, s[i].length);
      assertEquals(5, s[i][6]);
      for (int j = 0; j < 6; j++) {
        assertTrue(tg[i][j] >= 0 && tg[i][j] < 5);
        assertEquals(tg[i][j], s[i][j]);
        assertEquals(tg[i][j], s[i][7 + j]);
      }
    }
  }

  @Test
  void vectorRecallAnswersMatchPairs() {
    Map<String, Object> m = AlgorithmicTasks.associativeRecall(8, 16, null, 4, new Rng(5));
    double[][] keys = t(m, "keys").toMatrix();
    double[][] values = t(m, "values").toMatrix();
    double[] qi = t(m, "query_index").toArray();
    double[][] queries = t(m, "queries").toMatrix();
    double[][] answers = t(m, "answers").toMatrix();
    assertEquals(8, qi.length);
    Set<Double> distinct = new HashSet<>();
    for (double v : qi) {
      distinct.add(v);
    }
    assertEquals(8, distinct.size()); // default: every key once
    for (double[] k : keys) {
      double n = 0;
      for (double v : k) {
        n += v * v;
      }
      assertEquals(1, n, 1e-12);
    }
    for (int i = 0; i < 8; i++) {
      assertArrayEquals(keys[(int) qi[i]], queries[i]);
      assertArrayEquals(values[(int) qi[i]], answers[i]);
      assertEquals(4, answers[i].length);
    }
    Map<String, Object> few = AlgorithmicTasks.associativeRecall(8, 4, 3, null, new Rng(5));
    double[] fq = t(few, "query_index").toArray();
    assertEquals(3, new HashSet<>(java.util.List.of(fq[0], fq[1], fq[2])).size());
    assertEquals(20, t(AlgorithmicTasks.associativeRecall(4, 4, 20, null, new Rng(5)), "query_index").size());
  }

  @Test
  void tokenRecallIsConsistentWithItsSequence() {
    Map<String, Object> m = AlgorithmicTasks.associativeRecallTokens(10, 16, 25, new Rng(6));
    double[] seq = t(m, "sequence").toArray();
    double[] ans = t(m, "answers").toArray();
    assertEquals(20 + 25, seq.length);
    // read the pairs from the sequence itself, then answer the queries
    Map<Double, Double> memory = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      assertTrue(seq[2 * i] >= 0 && seq[2 * i] < 16);
      assertTrue(seq[2 * i + 1] >= 16 && seq[2 * i + 1] < 32);
      assertEquals(null, memory.put(seq[2 * i], seq[2 * i + 1]), "keys must be distinct");
    }
    for (int i = 0; i < 25; i++) {
      assertEquals(memory.get(seq[20 + i]), ans[i]);
    }
    assertThrows(KernelException.class, () -> AlgorithmicTasks.associativeRecallTokens(10, 8, null, new Rng(1)));
  }
}
