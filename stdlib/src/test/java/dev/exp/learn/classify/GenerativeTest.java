package dev.exp.learn.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.learn.Ref;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GenerativeTest {
  private static final Tensor X = Ref.in("clf_Xm");
  private static final Tensor Y = Ref.in("clf_ym");
  private static final Tensor Q = Ref.in("clf_Xq");

  @Test
  void gaussianNbMatchesScikitLearn() {
    GaussianNb m = GaussianNb.fit(X, Y, 1e-9, false);
    Ref.close("gnb_theta", m.field("theta"), 1e-12);
    Ref.close("gnb_var", m.field("var"), 1e-12);
    Ref.close("gnb_proba", m.predictProba(Q), 1e-10);
  }

  @Test
  void gaussianNbClosedFormOnTwoPoints() {
    // one feature, classes {0: [0, 2], 1: [4, 6]}: means 1 and 5, variances 1 (+ 1e-9·5), equal priors,
    // so x = 3 is exactly on the boundary and x = 1 has odds exp(8)
    Tensor x = Tensor.wrap(new int[] {4, 1}, new double[] {0, 2, 4, 6});
    GaussianNb m = GaussianNb.fit(x, Tensor.vector(0, 0, 1, 1), 0, false);
    double[] p = m.predictProba(Tensor.wrap(new int[] {2, 1}, new double[] {3, 1})).raw();
    assertEquals(0.5, p[0], 1e-15);
    assertEquals(1 / (1 + Math.exp(-8)), p[2], 1e-15);
  }

  @Test
  void pooledVariancesAreTheWithinClassMeanSquares() {
    // classes {0: [0, 2], 1: [4, 8]}: within-class squares 1 + 1 + 4 + 4 over n = 4 → 2.5 for both classes
    Tensor x = Tensor.wrap(new int[] {4, 1}, new double[] {0, 2, 4, 8});
    GaussianNb m = GaussianNb.fit(x, Tensor.vector(0, 0, 1, 1), 0, true);
    Ref.close(Tensor.vector(2.5, 2.5), m.field("var"), 1e-15, "pooled var");
    // equal variances and priors: the boundary is the midpoint of the means (1 + 6) / 2
    assertEquals(0.5, m.predictProba(Tensor.wrap(new int[] {1, 1}, new double[] {3.5})).raw()[0], 1e-15);
  }

  @Test
  void multinomialNbMatchesScikitLearn() {
    MultinomialNb m = MultinomialNb.fit(Ref.in("cnt_X"), Ref.in("cnt_y"), 0.5);
    Ref.close("mnb_flp", m.field("feature_log_prob"), 1e-12);
    Ref.close("mnb_proba", m.predictProba(Ref.in("cnt_Xq")), 1e-10);
    KernelException e = assertThrows(KernelException.class,
        () -> MultinomialNb.fit(Tensor.wrap(new int[] {2, 1}, new double[] {1, -1}), Tensor.vector(0, 1), 1));
    assertTrue(e.getMessage().contains("X[1, 0] = -1"), e.getMessage());
  }

  @Test
  void ldaAndQdaMatchScikitLearn() {
    Lda lda = Lda.fit(X, Y);
    Ref.close("lda_proba", lda.predictProba(Q), 1e-9);
    Ref.close("lda_pred", lda.predict(Q), 0);
    Ref.close("lda_bin_proba", Lda.fit(Ref.in("clf_X"), Ref.in("clf_yb")).predictProba(Q), 1e-9);
    Ref.close("qda_proba", Qda.fit(X, Y, 0).predictProba(Q), 1e-9);
    Ref.close("qda_reg_proba", Qda.fit(X, Y, 0.3).predictProba(Q), 1e-9);
    assertEquals("<lda model: 4 features → 3 classes>", lda.summary());
  }
}
