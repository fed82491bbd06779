package dev.exp.learn.decompose;

import static dev.exp.learn.UnsupReference.input;
import static dev.exp.learn.UnsupReference.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatentFactorsTest {
  static Tensor rowNorms(Tensor z) {
    int n = z.dim(0);
    int q = z.dim(1);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < q; j++) {
        s += z.get(i, j) * z.get(i, j);
      }
      out[i] = Math.sqrt(s);
    }
    return Tensor.vector(out);
  }

  @Test
  void ppcaIsTheTippingBishopClosedForm() {
    Tensor x = input("fa_X");
    LatentGaussianModel m = LatentFactors.ppca(x, 2);
    matches("ppca_noise_variance", (Double) m.field("noise_variance"), 1e-12);
    matches("ppca_covariance", Tensor.wrap(new int[] {6, 6}, m.covariance()), 1e-10);
    matches("ppca_score", m.score(x, null), 1e-10);
    matches("ppca_score", (Double) m.field("log_likelihood"), 1e-10);
    Tensor four = Tensor.wrap(new int[] {4, 6}, Arrays.copyOf(x.raw(), 24));
    matches("ppca_latent_norms", rowNorms(m.transform(four)), 1e-9);
    // PPCA's likelihood is at least PCA's model with the same number of components? it is the maximum:
    // any other noise variance gives a lower likelihood
    double best = m.score(x, null);
    assertTrue(best >= Pca.pca(x, 2, false).score(x, null) - 1e-9);
  }

  @Test
  void factorAnalysisMatchesScikitLearn() {
    Tensor x = input("fa_X");
    LatentGaussianModel m = LatentFactors.factorAnalysis(x, 2, 1e-2, 1000, KernelContext.NONE);
    matches("fa_noise_variance", (Tensor) m.field("noise_variance"), 1e-8);
    matches("fa_covariance", Tensor.wrap(new int[] {6, 6}, m.covariance()), 1e-8);
    matches("fa_loglike", (Tensor) m.field("log_likelihood_history"), 1e-10);
    matches("fa_n_iter", (Double) m.field("iterations"), 0);
    matches("fa_score", m.score(x, null), 1e-10);
    Tensor four = Tensor.wrap(new int[] {4, 6}, Arrays.copyOf(x.raw(), 24));
    matches("fa_latent_norms", rowNorms(m.transform(four)), 1e-8);
    double[] h = ((Tensor) m.field("log_likelihood_history")).raw();
    for (int i = 1; i < h.length; i++) {
      assertTrue(h[i] >= h[i - 1], "EM never decreases the likelihood");
    }
    // E[x | z] maps back to feature space with the fitted mean
    Tensor back = m.inverseTransform(Tensor.zeros(1, 2));
    assertEquals(((Tensor) m.field("mean")).at(3), back.at(3), 1e-15);
  }
}
