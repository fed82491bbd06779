package dev.exp.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** cov and corrcoef against numpy.cov / numpy.corrcoef (NumPy 2.4.6) in both orientations. */
class CovarianceTest {
  /** Five observations of three variables (rows = observations). */
  private static final double[][] A = {{1.0, 2.0, 0.5}, {2.0, 4.1, -1.0}, {3.0, 7.2, 0.0}, {4.5, 8.0, 2.0},
      {0.5, 1.0, 1.5}};

  private static void close(int[] shape, double[] want, Object actual, double tol) {
    Tensor t = (Tensor) actual;
    assertArrayEquals(shape, t.shape());
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], t.at(i), tol * Math.max(1, Math.abs(want[i])), "at " + i);
    }
  }

  @Test
  void rowsAreObservationsByDefault() {
    // numpy.cov(A, rowvar=False)
    close(new int[] {3, 3}, new double[] {2.575, 4.81, 0.4125, 4.81, 9.548, 0.25500000000000006, 0.4125,
        0.25500000000000006, 1.4249999999999998}, Covariance.cov(Tensor.matrix(A), null, 1, false), 1e-14);
    // numpy.cov(A, rowvar=False, ddof=0)
    close(new int[] {3, 3}, new double[] {2.06, 3.848, 0.33, 3.848, 7.638400000000001, 0.20400000000000007, 0.33,
        0.20400000000000007, 1.14}, Covariance.cov(Tensor.matrix(A), null, 0, false), 1e-14);
    // numpy.corrcoef(A, rowvar=False)
    close(new int[] {3, 3}, new double[] {1.0, 0.9700637022887011, 0.21534158436320464, 0.9700637022887012, 1.0,
        0.06913158960059212, 0.21534158436320464, 0.06913158960059212, 0.9999999999999998},
        Covariance.corrcoef(Tensor.matrix(A), null, false), 1e-14);
  }

  @Test
  void rowvarTrueIsNumpysDefault() {
    // numpy.cov(A): rows are variables, a 5 × 5 matrix
    close(new int[] {5, 5}, new double[] {0.5833333333333334, 1.8749999999999998, 2.75, 2.291666666666667, -0.125,
        1.8749999999999998, 6.569999999999999, 9.09, 7.574999999999999, -0.75, 2.75, 9.09, 13.08, 10.9, -0.75,
        2.291666666666667, 7.574999999999999, 10.9, 9.083333333333334, -0.625, -0.125, -0.75, -0.75, -0.625, 0.25},
        Covariance.cov(Tensor.matrix(A), null, 1, true), 1e-14);
    // numpy.corrcoef(A)
    close(new int[] {5, 5}, new double[] {1.0, 0.9577677079477441, 0.9955668446019952, 0.9955668446019952,
        -0.32732683535398854, 0.9577677079477441, 1.0, 0.9805671197502506, 0.9805671197502506, -0.5852057359806528,
        0.9955668446019952, 0.9805671197502506, 1.0, 1.0, -0.4147509477069983, 0.9955668446019952,
        0.9805671197502506, 1.0, 1.0, -0.4147509477069983, -0.32732683535398854, -0.5852057359806528,
        -0.4147509477069983, -0.4147509477069983, 1.0}, Covariance.corrcoef(Tensor.matrix(A), null, true), 1e-14);
  }

  @Test
  void yAppendsVariables() {
    Tensor a = Tensor.vector(1, 2, 4, 7);
    Tensor b = Tensor.vector(2, 1, 0, 3);
    // numpy.cov(a, b), numpy.corrcoef(a, b)
    close(new int[] {2, 2}, new double[] {7.0, 1.3333333333333333, 1.3333333333333333, 1.6666666666666665},
        Covariance.cov(a, b, 1, false), 1e-14);
    close(new int[] {2, 2}, new double[] {0.9999999999999998, 0.3903600291794132, 0.3903600291794132, 1.0},
        Covariance.corrcoef(a, b, false), 1e-14);
    // numpy.cov(A, [1, 0, 2, 1, 3], rowvar=False)
    close(new int[] {4, 4}, new double[] {2.575, 4.81, 0.4125, -0.6, 4.81, 9.548, 0.25500000000000006,
        -0.9549999999999998, 0.4125, 0.25500000000000006, 1.4249999999999998, 0.7, -0.6, -0.9549999999999998, 0.7,
        1.3}, Covariance.cov(Tensor.matrix(A), Tensor.vector(1, 0, 2, 1, 3), 1, false), 1e-14);
    KernelException e = assertThrows(KernelException.class, () -> Covariance.cov(a, Tensor.vector(1, 2), 1, false));
    assertEquals("cov: x has 4 observations but y has 2 (shapes [4] and [2])", e.getMessage());
  }

  @Test
  void oneVariableGivesANumberAndTheDiagonalIsTheVariance() {
    // closed form: the sample variance of 1, 2, 3, 4 is 5/3
    assertEquals(5.0 / 3, (Double) Covariance.cov(Tensor.vector(1, 2, 3, 4), null, 1, false), 1e-15);
    assertEquals(1.25, (Double) Covariance.cov(Tensor.vector(1, 2, 3, 4), null, 0, false), 1e-15);
    assertEquals(1.0, (Double) Covariance.corrcoef(Tensor.vector(1, 2, 3, 5), null, false), 1e-15);
    assertTrue(Double.isNaN((Double) Covariance.corrcoef(Tensor.vector(2, 2, 2), null, false)), "constant: nan");
    assertTrue(Double.isNaN((Double) Covariance.cov(Tensor.vector(2), null, 1, false)), "n <= ddof: nan");
    // a perfectly linear pair correlates to exactly ±1 (clipped as NumPy)
    Object r = Covariance.corrcoef(Tensor.vector(1, 2, 3), Tensor.vector(-2, -4, -6), false);
    assertEquals(-1.0, ((Tensor) r).get(0, 1), 1e-15);
    assertTrue(Math.abs(((Tensor) r).get(0, 1)) <= 1);
  }

  @Test
  void shapeErrorsNameTheShape() {
    KernelException e = assertThrows(KernelException.class,
        () -> Covariance.cov(Tensor.zeros(2, 2, 2), null, 1, false));
    assertEquals("cov: x must be a vector or a matrix, got shape [2, 2, 2]", e.getMessage());
    e = assertThrows(KernelException.class, () -> Covariance.cov(Tensor.vector(1, 2), null, -1, false));
    assertEquals("cov: ddof must be non-negative, got -1", e.getMessage());
  }
}
