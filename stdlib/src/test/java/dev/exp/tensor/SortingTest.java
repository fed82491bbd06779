package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortingTest {
  /** Random small integers so there are many ties. */
  static Tensor ties(int[] shape, long seed) {
    return ((Tensor) Random.randint(0, 5.0, shape, new Rng(seed)));
  }

  @Test
  void sortAndArgsortVsBruteForce() {
    for (long seed = 0; seed < 10; seed++) {
      Tensor x = ties(new int[] {3, 7}, seed);
      Tensor s = Sorting.sort(x, -1, false);
      Tensor a = Sorting.argsort(x, -1, false);
      Tensor sd = Sorting.sort(x, 1, true);
      Tensor ad = Sorting.argsort(x, 1, true);
      for (int r = 0; r < 3; r++) {
        // brute force: selection of the (value, index) order
        boolean[] used = new boolean[7];
        boolean[] usedD = new boolean[7];
        for (int k = 0; k < 7; k++) {
          int best = -1;
          int bestD = -1;
          for (int j = 0; j < 7; j++) {
            if (!used[j] && (best < 0 || x.get(r, j) < x.get(r, best))) {
              best = j;
            }
            if (!usedD[j] && (bestD < 0 || x.get(r, j) > x.get(r, bestD))) {
              bestD = j;
            }
          }
          used[best] = true;
          usedD[bestD] = true;
          assertEquals(best, a.get(r, k));
          assertEquals(x.get(r, best), s.get(r, k));
          assertEquals(bestD, ad.get(r, k));
          assertEquals(x.get(r, bestD), sd.get(r, k));
        }
      }
    }
  }

  @Test
  void sortAlongAxis0AndNan() {
    Tensor m = Tensor.matrix(new double[][] {{3, 1}, {1, 2}, {2, 0}});
    close(new int[] {3, 2}, new double[] {1, 0, 2, 1, 3, 2}, Sorting.sort(m, 0, false), 0);
    close(new int[] {3, 2}, new double[] {1, 2, 2, 0, 0, 1}, Sorting.argsort(m, 0, false), 0);
    Tensor s = Sorting.sort(Tensor.vector(2, Double.NaN, 1), -1, false);
    assertEquals(1.0, s.at(0));
    assertTrue(Double.isNaN(s.at(2)));
  }

  @Test
  void topk() {
    for (long seed = 0; seed < 10; seed++) {
      Tensor x = ties(new int[] {4, 9}, seed + 100);
      Map<String, Object> r = Sorting.topk(x, 3, -1);
      Tensor v = (Tensor) r.get("values");
      Tensor idx = (Tensor) r.get("indices");
      assertArrayEquals(new int[] {4, 3}, v.shape());
      for (int row = 0; row < 4; row++) {
        for (int k = 0; k < 3; k++) {
          int i = (int) idx.get(row, k);
          assertEquals(x.get(row, i), v.get(row, k));
          // exactly k elements are "before" it: larger, or equal with a lower index
          int before = 0;
          for (int j = 0; j < 9; j++) {
            if (x.get(row, j) > x.get(row, i) || (x.get(row, j) == x.get(row, i) && j < i)) {
              before++;
            }
          }
          assertEquals(k, before);
        }
      }
    }
    assertThrows(KernelException.class, () -> Sorting.topk(Tensor.vector(1, 2), 3, -1));
  }
}
