package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.exp.kernel.KernelException;
import org.junit.jupiter.api.Test;

class CreationTest {
  @Test
  void constants() {
    close(new int[] {2, 3}, new double[6], Creation.zeros(new int[] {2, 3}), 0);
    close(new int[] {2}, new double[] {1, 1}, Creation.ones(new int[] {2}), 0);
    close(new int[] {2, 2}, new double[] {7, 7, 7, 7}, Creation.full(new int[] {2, 2}, 7), 0);
    close(new int[] {1, 3}, new double[] {1, 1, 1}, Creation.onesLike(Tensor.zeros(1, 3)), 0);
    close(new int[] {2}, new double[] {0, 0}, Creation.zerosLike(Tensor.vector(4, 5)), 0);
    assertThrows(KernelException.class, () -> Creation.zeros(new int[] {-1}));
  }

  @Test
  void eye() {
    close(new int[] {2, 2}, new double[] {1, 0, 0, 1}, Creation.eye(2), 0);
    close(new int[] {2, 3}, new double[] {0, 1, 0, 0, 0, 1}, Creation.eye(2, 3, 1), 0);
    close(new int[] {3, 2}, new double[] {0, 0, 1, 0, 0, 1}, Creation.eye(3, 2, -1), 0);
  }

  @Test
  void arangeLikeNumpy() {
    close(new int[] {4}, new double[] {0, 1, 2, 3}, Creation.arange(4, null, 1), 0);
    close(new int[] {4}, new double[] {1, 1.25, 1.5, 1.75}, Creation.arange(1, 2.0, 0.25), 0);
    close(new int[] {3}, new double[] {5, 3, 1}, Creation.arange(5, 0.0, -2), 0);
    close(new int[] {0}, new double[0], Creation.arange(3, 1.0, 1), 0);
    // ceil((1 - 0) / 0.3) = 4 values
    assertEquals(4, Creation.arange(0, 1.0, 0.3).size());
    assertThrows(KernelException.class, () -> Creation.arange(0, 1.0, 0));
  }

  @Test
  void linspace() {
    close(new int[] {5}, new double[] {0, 0.25, 0.5, 0.75, 1}, Creation.linspace(0, 1, 5, true), 0);
    close(new int[] {4}, new double[] {0, 0.25, 0.5, 0.75}, Creation.linspace(0, 1, 4, false), 0);
    close(new int[] {1}, new double[] {2}, Creation.linspace(2, 3, 1, true), 0);
    // the endpoint is exact even when the step is inexact
    assertEquals(1.95, Creation.linspace(1.0, 1.95, 14, true).at(13));
  }

  @Test
  void diag() {
    close(new int[] {2, 2}, new double[] {1, 0, 0, 2}, Creation.diag(Tensor.vector(1, 2), 0), 0);
    close(new int[] {3, 3}, new double[] {0, 1, 0, 0, 0, 2, 0, 0, 0}, Creation.diag(Tensor.vector(1, 2), 1), 0);
    Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
    close(new int[] {2}, new double[] {1, 5}, Creation.diag(m, 0), 0);
    close(new int[] {2}, new double[] {2, 6}, Creation.diag(m, 1), 0);
    close(new int[] {1}, new double[] {4}, Creation.diag(m, -1), 0);
    assertThrows(KernelException.class, () -> Creation.diag(Tensor.zeros(2, 2, 2), 0));
  }
}
