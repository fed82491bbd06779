package dev.exp.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.stats.Correlation;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics.r2 against scikit-learn's r2_score and metrics.kendall_distance against its identity with τ. */
class AgreementTest {
  @Test
  void r2MatchesScikitLearn() {
    // sklearn.metrics.r2_score (1.2.1): 0.9486081370449679, 0.9368005266622779 (uniform average), -3
    assertEquals(0.9486081370449679, Agreement.r2(Tensor.vector(3, -0.5, 2, 7), Tensor.vector(2.5, 0, 2, 8)), 1e-15);
    assertEquals(0.9368005266622779, Agreement.r2(Tensor.wrap(new int[] {3, 2}, new double[] {0.5, 1, -1, 1, 7, -6}),
        Tensor.wrap(new int[] {3, 2}, new double[] {0, 2, -1, 2, 8, -5})), 1e-15);
    assertEquals(-3, Agreement.r2(Tensor.vector(1, 2, 3), Tensor.vector(3, 2, 1)), 1e-15);
  }

  @Test
  void kendallDistanceIsTheDiscordantPairCount() {
    assertEquals(3, Agreement.kendallDistance(Tensor.vector(1, 2, 3), Tensor.vector(3, 2, 1), false, 0.5), 0);
    assertEquals(1, Agreement.kendallDistance(Tensor.vector(1, 2, 3), Tensor.vector(3, 2, 1), true, 0.5), 0);
    // one tie in b only: 0.5
    assertEquals(0.5, Agreement.kendallDistance(Tensor.vector(1, 2), Tensor.vector(5, 5), false, 0.5), 0);
    // without ties τ = 1 − 4·d/(n(n − 1)): the distance agrees with Kendall's τ
    double[] a = {0.3, 1.2, -0.7, 2.5, 0.1, 1.9, -1.4, 0.8};
    double[] b = {1.1, 0.2, -0.3, 2.0, 0.5, 2.2, -2.0, -0.1};
    double d = Agreement.kendallDistance(Tensor.vector(a), Tensor.vector(b), false, 0.5);
    Map<String, Object> k = Correlation.kendall(Tensor.vector(a), Tensor.vector(b), 0.95, "auto");
    assertEquals((Double) k.get("tau"), 1 - 4 * d / (8 * 7), 1e-15);
  }
}
