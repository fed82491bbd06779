package dev.exp.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decompositions against NumPy 2.x (LAPACK) values pasted as literals. The suite runs this class on the
 * native backend (LAPACK) and again with -Dexp.blas=java (EJML), so both paths meet the same references.
 */
class NumpyReferenceTest {
  static final double[][] A = {{2, -1, 0.5}, {1, 3, 2}, {0, 1, -4}, {1.5, 2, 1}};
  static final double[][] S = {{4, 1, -2, 0.5}, {1, 3, 0, 1}, {-2, 0, 5, 2}, {0.5, 1, 2, 6}};
  static final double[][] M = {{3, 1, -1}, {2, -4, 1}, {1, 1, 5}};

  static void near(double[] want, Tensor got, double tol) {
    assertEquals(want.length, got.size());
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got.at(i), tol * Math.max(1, Math.abs(want[i])), "element " + i);
    }
  }

  @Test
  void thePropertySelectsTheBackend() {
    if ("java".equals(System.getProperty(dev.exp.tensor.blas.Blas.PROPERTY))) {
      org.junit.jupiter.api.Assertions.assertFalse(dev.exp.tensor.blas.Blas.isNative(), dev.exp.tensor.blas.Blas.describe());
    }
  }

  @Test
  void smallMatricesGiveTheSameValuesOnLapack() {
    // small matrices are decomposed in Java by default (Blas.LAPACK_MIN); here every size goes to
    // LAPACK when the native backend is active, so both paths meet the same reference values
    System.setProperty("exp.lapack.min", "1");
    dev.exp.tensor.blas.Blas.isNative();   // loads the library now: small sizes use it only once it is loaded
    try {
      singularValues();
      symmetricEigenvalues();
      choleskyFactor();
      solveInverseDeterminant();
      qrTriangleUpToSigns();
      generalEigenpairs();
    } finally {
      System.clearProperty("exp.lapack.min");
    }
  }

  @Test
  void singularValues() {
    Map<String, Object> r = Decompositions.svd(Tensor.matrix(A), false);
    near(new double[] {4.973373963801144, 3.7089768705710786, 2.2380889146219496}, (Tensor) r.get("s"), 1e-14);
  }

  @Test
  void symmetricEigenvalues() {
    Map<String, Object> r = Decompositions.eigh(Tensor.matrix(S));
    near(new double[] {1.668921411877778, 2.483940660164712, 6.0089308607333605, 7.8382070672241495},
        (Tensor) r.get("values"), 1e-14);
  }

  @Test
  void choleskyFactor() {
    near(new double[] {
        2, 0, 0, 0,
        0.5, 1.6583123951777, 0, 0,
        -1, 0.30151134457776363, 1.9771421064483223, 0,
        0.25, 0.5276448530110863, 1.0575411267049166, 2.130891286391355},
        Decompositions.cholesky(Tensor.matrix(S)), 1e-14);
  }

  @Test
  void solveInverseDeterminant() {
    near(new double[] {0.5384615384615384, -0.10256410256410259, 0.5128205128205129},
        Linalg.solve(Tensor.matrix(M), Tensor.vector(1, 2, 3)), 1e-14);
    near(new double[] {
        0.2692307692307692, 0.07692307692307691, 0.03846153846153846,
        0.11538461538461538, -0.20512820512820512, 0.0641025641025641,
        -0.07692307692307691, 0.02564102564102564, 0.1794871794871795},
        Linalg.inv(Tensor.matrix(M)), 1e-14);
    assertEquals(-78.0, Linalg.det(Tensor.matrix(M)), 1e-12);
  }

  @Test
  void qrTriangleUpToSigns() {
    // NumPy's R; rows of R (and columns of Q) are determined up to sign
    double[][] want = {
        {-2.692582403567252, -1.4855627054164149, -1.671258043593467},
        {0, -3.5767448117353666, -0.28440423705173346},
        {0, 0, 4.286724948217596}};
    Tensor r = (Tensor) Decompositions.qr(Tensor.matrix(A)).get("r");
    for (int i = 0; i < 3; i++) {
      double sign = Math.signum(r.get(i, i)) * Math.signum(want[i][i]);
      for (int j = 0; j < 3; j++) {
        assertEquals(want[i][j], sign * r.get(i, j), 1e-14, "r[" + i + ", " + j + "]");
      }
    }
  }

  static final double[][] G = {{4, 1, 0, 0.5}, {0, 1, -2, 0}, {0, 2, 1, 1}, {1, 0, 0.5, -1}};

  @Test
  void generalEigenpairs() {
    // np.linalg.eig(G) (NumPy 2.4.6), each vector then scaled to unit norm with its largest component real
    // and positive (v / norm(v) * conj(v[k]) / abs(v[k]), k = argmax(abs(v))), the documented convention
    double[] wr = {4.070832126916809, -1.1769271742839127, 1.053047523683551, 1.053047523683551};
    double[] wi = {0.0, 0.0, 1.8940234889486038, -1.8940234889486038};
    double[] vr = {0.9788241255465393, -0.04955223994428276, -0.1570049955864712, -0.1570049955864712,
        -0.0294091713773505, -0.2165247454356127, 0.7042199358446085, 0.7042199358446085,
        0.045155314145785094, -0.23567930112184596, -0.018678561862572503, -0.018678561862572503,
        0.19748273213459905, 0.9461061658996128, -0.14629784067313745, -0.14629784067313745};
    double[] vi = {0.0, 0.0, -0.08890320312970765, 0.08890320312970765, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        -0.6669045499377836, 0.6669045499377836, 0.0, 0.0, -0.07075526981498503, 0.07075526981498503};
    Map<String, Object> r = Decompositions.eig(Tensor.matrix(G));
    Tensor gr = DecompositionsTest.re((Tensor) r.get("values"));
    Tensor gi = DecompositionsTest.im((Tensor) r.get("values"));
    Tensor gvr = DecompositionsTest.re((Tensor) r.get("vectors"));
    Tensor gvi = DecompositionsTest.im((Tensor) r.get("vectors"));
    // LAPACK gives NumPy's order; EJML its own: match each computed value to NumPy's
    boolean[] used = new boolean[4];
    for (int j = 0; j < 4; j++) {
      int k = -1;
      for (int q = 0; q < 4; q++) {
        if (!used[q] && Math.hypot(gr.at(j) - wr[q], gi.at(j) - wi[q]) < 1e-12) {
          k = q;
        }
      }
      assertEquals(true, k >= 0, "eigenvalue " + gr.at(j) + " " + gi.at(j) + " not in NumPy's");
      used[k] = true;
      if (dev.exp.tensor.blas.Blas.lapackFor(4)) {
        assertEquals(j, k, "LAPACK keeps NumPy's order");
      }
      for (int i = 0; i < 4; i++) {
        assertEquals(vr[i * 4 + k], gvr.get(i, j), 1e-12, "re v[" + i + ", " + j + "]");
        assertEquals(vi[i * 4 + k], gvi.get(i, j), 1e-12, "im v[" + i + ", " + j + "]");
      }
    }
  }
}
