package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

/** nonzero against numpy.flatnonzero and a brute-force scan. */
class NonzeroTest {
  @Test
  void indicesOfTheNonzeroEntries() {
    // numpy.flatnonzero([0, 3, 0, 1, nan, -0.0]) == [1, 3, 4]
    close(new int[] {3}, new double[] {1, 3, 4}, Indexing.nonzero(Tensor.vector(0, 3, 0, 1, Double.NaN, -0.0)), 0);
    close(new int[] {0}, new double[0], Indexing.nonzero(Tensor.zeros(5)), 0);
    close(new int[] {0}, new double[0], Indexing.nonzero(Tensor.zeros(0)), 0);
    // complex: nonzero when either part is
    close(new int[] {2}, new double[] {0, 2},
        Indexing.nonzero(Tensor.complex(Tensor.vector(0, 0, 1), Tensor.vector(2, 0, 0))), 0);
  }

  @Test
  void bruteForceOnRandomMasks() {
    java.util.Random r = new java.util.Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = r.nextInt(40);
      double[] v = new double[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        v[i] = r.nextBoolean() ? 0 : r.nextInt(5) - 2;
        if (v[i] != 0) {
          count++;
        }
      }
      double[] idx = new double[count];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (v[i] != 0) {
          idx[k++] = i;
        }
      }
      close(new int[] {count}, idx, Indexing.nonzero(Tensor.vector(v)), 0);
    }
  }

  @Test
  void aMatrixIsAnErrorThatSaysToFlatten() {
    KernelException e = assertThrows(KernelException.class, () -> Indexing.nonzero(Tensor.zeros(2, 2)));
    assertTrue(e.getMessage().contains("flatten(x) first"), e.getMessage());
  }
}
