package dev.exp.bandit;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * Linear bandit (D08): the reward of an arm with features x is ⟨θ, x⟩ + N(0, noise²). The arms are a
 * fixed K×d matrix, or (contexts) K fresh unit vectors drawn uniformly on the sphere every round.
 */
final class LinearEnv implements Environment {
  private final double[] theta;
  private final double[] fixed;
  private final int k;
  private final double noise;
  private final double[] current;
  private final double[] means;
  private double best;

  LinearEnv(double[] theta, double[] fixed, int k, double noise) {
    this.theta = theta;
    this.fixed = fixed;
    this.k = k;
    this.noise = noise;
    this.current = fixed != null ? fixed : new double[k * theta.length];
    this.means = new double[k];
    if (fixed != null) {
      computeMeans();
    }
  }

  private void computeMeans() {
    int d = theta.length;
    best = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < k; a++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += theta[j] * current[a * d + j];
      }
      means[a] = s;
      best = Math.max(best, s);
    }
  }

  @Override
  public int arms() {
    return k;
  }

  @Override
  public int dim() {
    return theta.length;
  }

  @Override
  public void begin(int t, Rng rng) {
    if (fixed != null) {
      return;
    }
    int d = theta.length;
    for (int a = 0; a < k; a++) {
      double nrm = 0;
      for (int j = 0; j < d; j++) {
        double g = rng.nextGaussian();
        current[a * d + j] = g;
        nrm += g * g;
      }
      nrm = Math.sqrt(nrm);
      for (int j = 0; j < d; j++) {
        current[a * d + j] /= nrm;
      }
    }
    computeMeans();
  }

  @Override
  public double[] features() {
    return current;
  }

  @Override
  public double mean(int arm) {
    return means[arm];
  }

  @Override
  public double bestMean() {
    return best;
  }

  @Override
  public double reward(int arm, Rng rng) {
    return means[arm] + noise * rng.nextGaussian();
  }

  @Override
  public Environment fresh() {
    return fixed != null ? this : new LinearEnv(theta, null, k, noise);
  }

  @Override
  public List<String> fieldNames() {
    return List.of("kind", "k", "d", "theta", "arms", "noise", "contexts", "means", "best_mean");
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "kind" -> "linear";
      case "k" -> (double) k;
      case "d" -> (double) theta.length;
      case "theta" -> Tensor.vector(theta.clone());
      case "arms" -> fixed == null ? null : Tensor.wrap(new int[] {k, theta.length}, fixed.clone());
      case "noise" -> noise;
      case "contexts" -> fixed == null;
      case "means" -> fixed == null ? null : Tensor.vector(means.clone());
      case "best_mean" -> fixed == null ? null : best;
      default -> null;
    };
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<linear bandit: %d arms in %d dimensions%s, noise %.3g>", k, theta.length,
        fixed == null ? " (fresh random arms each round)" : "", noise);
  }
}
