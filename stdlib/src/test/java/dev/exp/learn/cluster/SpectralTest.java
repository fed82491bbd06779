package dev.exp.learn.cluster;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpectralTest {
  /** True when the two labelings are the same partition (equal up to renaming the clusters). */
  static boolean samePartition(double[] a, double[] b) {
    Map<Double, Double> ab = new HashMap<>();
    Map<Double, Double> ba = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      if (ab.containsKey(a[i]) && ab.get(a[i]) != b[i]) {
        return false;
      }
      ab.put(a[i], b[i]);
      if (ba.containsKey(b[i]) && ba.get(b[i]) != a[i]) {
        return false;
      }
      ba.put(b[i], a[i]);
    }
    return true;
  }

  @Test
  void knnSeparatesConcentricRingsAsScikitLearn() {
    Map<String, Object> r = Spectral.spectralClustering(input("spectral_X"), 2, "knn", 1, 8, new Rng(0),
        KernelContext.NONE);
    double[] lab = ((Tensor) r.get("labels")).raw();
    assertTrue(samePartition(expected("spectral_knn_labels").raw(), lab), "same partition as scikit-learn");
    assertTrue(samePartition(expected("spectral_truth").raw(), lab), "the two rings");
    // a connected graph's normalised Laplacian has exactly one eigenvalue 0; two weakly linked rings give a second
    // one near 0
    double[] ev = ((Tensor) r.get("eigenvalues")).raw();
    assertEquals(0, ev[0], 1e-9);
    assertTrue(ev[1] < 0.05, "second eigenvalue " + ev[1]);
  }

  @Test
  void rbfOnBlobsAsScikitLearn() {
    Map<String, Object> r = Spectral.spectralClustering(input("spectral_blobs_X"), 3, "rbf", 1, 10, new Rng(0),
        KernelContext.NONE);
    assertTrue(samePartition(expected("spectral_rbf_labels").raw(), ((Tensor) r.get("labels")).raw()));
    KernelException e = assertThrows(KernelException.class, () -> Spectral.spectralClustering(input("spectral_X"), 2,
        "cosine", 1, 8, null, KernelContext.NONE));
    assertTrue(e.getMessage().contains("\"rbf\" or \"knn\""), e.getMessage());
  }
}
