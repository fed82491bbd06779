package dev.exp.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Default model scores against hand-computed values (scikit-learn's r2_score / accuracy_score definitions). */
class ScoresTest {
  @Test
  void r2IsOneMinusResidualOverTotalSumOfSquares() {
    // y = [1, 2, 3], pred = [1, 2, 4]: SS_res = 1, SS_tot = 2
    assertEquals(0.5, Scores.r2(Tensor.vector(new double[] {1, 2, 3}), Tensor.vector(new double[] {1, 2, 4})), 1e-15);
    // two outputs are averaged: column 0 perfect (1), column 1 as above (0.5)
    Tensor y = Tensor.matrix(new double[][] {{0, 1}, {1, 2}, {2, 3}});
    Tensor p = Tensor.matrix(new double[][] {{0, 1}, {1, 2}, {2, 4}});
    assertEquals(0.75, Scores.r2(y, p), 1e-15);
  }

  @Test
  void accuracyCountsEqualLabels() {
    assertEquals(0.75, Scores.accuracy(Tensor.vector(new double[] {0, 1, 2, 1}), Tensor.vector(new double[] {0, 1, 2, 2})));
  }
}
