package dev.exp.bandit;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * An adversarial (oblivious) bandit (D08): a fixed T×K table of rewards in [0, 1], row t for round t.
 * Regret is measured against the best fixed arm in hindsight.
 */
final class AdversarialEnv implements Environment {
  private final double[] rewards;
  private final int horizon;
  private final int k;
  private int t;

  AdversarialEnv(double[] rewards, int horizon, int k) {
    this.rewards = rewards;
    this.horizon = horizon;
    this.k = k;
  }

  int horizon() {
    return horizon;
  }

  @Override
  public int arms() {
    return k;
  }

  @Override
  public void begin(int round, Rng rng) {
    this.t = round;
  }

  @Override
  public double mean(int arm) {
    return rewards[t * k + arm];
  }

  @Override
  public double bestMean() {
    double b = rewards[t * k];
    for (int a = 1; a < k; a++) {
      b = Math.max(b, rewards[t * k + a]);
    }
    return b;
  }

  @Override
  public double reward(int arm, Rng rng) {
    return rewards[t * k + arm];
  }

  /** All K rewards of the current round (full information, for Hedge). */
  double[] row() {
    double[] r = new double[k];
    System.arraycopy(rewards, t * k, r, 0, k);
    return r;
  }

  @Override
  public boolean adversarial() {
    return true;
  }

  @Override
  public Environment fresh() {
    return new AdversarialEnv(rewards, horizon, k);
  }

  private double[] totals() {
    double[] s = new double[k];
    for (int r = 0; r < horizon; r++) {
      for (int a = 0; a < k; a++) {
        s[a] += rewards[r * k + a];
      }
    }
    return s;
  }

  @Override
  public List<String> fieldNames() {
    return List.of("kind", "k", "horizon", "rewards", "totals", "best_arm", "best_total");
  }

  @Override
  public Object field(String name) {
    double[] s = totals();
    int b = 0;
    for (int a = 1; a < k; a++) {
      b = s[a] > s[b] ? a : b;
    }
    return switch (name) {
      case "kind" -> "adversarial";
      case "k" -> (double) k;
      case "horizon" -> (double) horizon;
      case "rewards" -> Tensor.wrap(new int[] {horizon, k}, rewards.clone());
      case "totals" -> Tensor.vector(s);
      case "best_arm" -> (double) b;
      case "best_total" -> s[b];
      default -> null;
    };
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<adversarial bandit: %d arms, %d rounds>", k, horizon);
  }
}
