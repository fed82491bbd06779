package dev.exp.bandit;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/** K-armed Bernoulli or Gaussian bandit with fixed means (D08), with its regret oracles. */
final class StochasticEnv implements Environment {
  private final boolean bernoulli;
  private final double[] means;
  private final double sigma;
  private final double best;
  private final int bestArm;

  StochasticEnv(boolean bernoulli, double[] means, double sigma) {
    this.bernoulli = bernoulli;
    this.means = means;
    this.sigma = sigma;
    int b = 0;
    for (int i = 1; i < means.length; i++) {
      b = means[i] > means[b] ? i : b;
    }
    this.bestArm = b;
    this.best = means[b];
  }

  @Override
  public int arms() {
    return means.length;
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
    return bernoulli ? (rng.nextDouble() < means[arm] ? 1 : 0) : means[arm] + sigma * rng.nextGaussian();
  }

  /** Σ_i Δ_i / KL(μ_i, μ*) over sub-optimal arms (Bernoulli KL, or Δ²/2σ² for Gaussian). */
  double laiRobbins() {
    double s = 0;
    for (double m : means) {
      double gap = best - m;
      if (gap > 0) {
        s += gap / (bernoulli ? Kl.bernoulli(m, best) : gap * gap / (2 * sigma * sigma));
      }
    }
    return s;
  }

  double[] gaps() {
    double[] g = new double[means.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = best - means[i];
    }
    return g;
  }

  @Override
  public List<String> fieldNames() {
    return bernoulli ? List.of("kind", "k", "means", "best_mean", "best_arm", "gaps", "lai_robbins")
        : List.of("kind", "k", "means", "sigma", "best_mean", "best_arm", "gaps", "lai_robbins");
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "kind" -> bernoulli ? "bernoulli" : "gaussian";
      case "k" -> (double) means.length;
      case "means" -> Tensor.vector(means.clone());
      case "sigma" -> bernoulli ? null : sigma;
      case "best_mean" -> best;
      case "best_arm" -> (double) bestArm;
      case "gaps" -> Tensor.vector(gaps());
      case "lai_robbins" -> laiRobbins();
      default -> null;
    };
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<%s bandit: %d arms, best mean %.4g>", bernoulli ? "bernoulli" : "gaussian",
        means.length, best);
  }
}
