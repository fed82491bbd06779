package dev.exp.learn.decompose;

import static dev.exp.learn.UnsupReference.expected;
import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.Decompositions;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PcaTest {
  /** Flips each row of a so that it points the same way as the matching row of e (PCA signs are arbitrary). */
  static Tensor alignRows(Tensor e, Tensor a) {
    int q = a.dim(0);
    int d = a.dim(1);
    double[] v = a.toArray();
    for (int i = 0; i < q; i++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += v[i * d + j] * e.get(i, j);
      }
      if (dot < 0) {
        for (int j = 0; j < d; j++) {
          v[i * d + j] = -v[i * d + j];
        }
      }
    }
    return Tensor.wrap(a.shape(), v);
  }

  static Tensor alignColumns(Tensor e, Tensor a) {
    return dev.exp.tensor.Shapes.transpose(alignRows(dev.exp.tensor.Shapes.transpose(e), dev.exp.tensor.Shapes.transpose(a)));
  }

  @Test
  void matchesScikitLearn() {
    Tensor x = input("pca_X");
    PcaModel m = Pca.pca(x, 3, false);
    Tensor comps = (Tensor) m.field("components");
    matches("pca3_components", alignRows(expected("pca3_components"), comps), 1e-9);
    matches("pca3_explained_variance", (Tensor) m.field("explained_variance"), 1e-10);
    matches("pca3_explained_variance_ratio", (Tensor) m.field("explained_variance_ratio"), 1e-10);
    matches("pca3_singular_values", (Tensor) m.field("singular_values"), 1e-10);
    matches("pca3_mean", (Tensor) m.field("mean"), 1e-12);
    matches("pca3_noise_variance", (Double) m.field("noise_variance"), 1e-10);
    Tensor six = Tensor.wrap(new int[] {6, 5}, java.util.Arrays.copyOf(x.raw(), 30));
    matches("pca3_transform", alignColumns(expected("pca3_transform"), m.transform(six)), 1e-9);
    matches("pca3_score", m.score(x, null), 1e-10);
    matches("pca3_inverse", m.inverseTransform(m.transform(six)), 1e-9);
    PcaModel w = Pca.pca(x, 3, true);
    matches("pca3w_transform", alignColumns(expected("pca3w_transform"), w.transform(six)), 1e-9);
    matches("pca3_inverse", w.inverseTransform(w.transform(six)), 1e-9);
  }

  @Test
  void wideDataUsesTheSvd() {
    PcaModel m = Pca.pca(input("pca_wide_X"), null, false);
    matches("pca_wide_explained_variance", (Tensor) m.field("explained_variance"), 1e-10);
    // the 8th value is ~0 (rank n − 1 after centring): compare the first 7 components only
    Tensor e = expected("pca_wide_components");
    Tensor a = (Tensor) m.field("components");
    Tensor e7 = Tensor.wrap(new int[] {7, 12}, java.util.Arrays.copyOf(e.raw(), 84));
    Tensor a7 = Tensor.wrap(new int[] {7, 12}, java.util.Arrays.copyOf(a.raw(), 84));
    dev.exp.learn.UnsupReference.close(e7, alignRows(e7, a7), 1e-9, "wide components");
  }

  @Test
  void equalsTheCovarianceEigendecomposition() {
    Tensor x = input("pca_X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] v = x.raw();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[i * d + j] / n;
      }
    }
    double[][] cov = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          cov[a][b] += (v[i * d + a] - mean[a]) * (v[i * d + b] - mean[b]) / (n - 1);
        }
      }
    }
    Map<String, Object> eig = Decompositions.eigh(Tensor.matrix(cov));
    double[] w = ((Tensor) eig.get("values")).raw();
    Tensor vec = (Tensor) eig.get("vectors");
    PcaModel m = Pca.pca(x, null, false);
    double[] ev = ((Tensor) m.field("explained_variance")).raw();
    Tensor comps = (Tensor) m.field("components");
    for (int i = 0; i < d; i++) {
      assertEquals(w[d - 1 - i], ev[i], 1e-10 * w[d - 1]);
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += comps.get(i, j) * vec.get(j, d - 1 - i);
      }
      assertEquals(1, Math.abs(dot), 1e-9, "component " + i + " is an eigenvector up to sign");
    }
    double ratio = 0;
    for (double r : ((Tensor) m.field("explained_variance_ratio")).raw()) {
      ratio += r;
    }
    assertEquals(1, ratio, 1e-12);
  }

  @Test
  void errors() {
    Tensor x = input("pca_X");
    KernelException e = assertThrows(KernelException.class, () -> Pca.pca(x, 9, false));
    assertTrue(e.getMessage().contains("n_components") && e.getMessage().contains("[1, 5]"), e.getMessage());
    PcaModel m = Pca.pca(x, 2, false);
    e = assertThrows(KernelException.class, () -> m.predict(x));
    assertTrue(e.getMessage().contains("transform"), e.getMessage());
    e = assertThrows(KernelException.class, () -> m.inverseTransform(Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("2 features"), e.getMessage());
  }
}
