package dev.exp.bandit;

import dev.exp.kernel.ScriptObject;
import dev.exp.random.Rng;

/**
 * A bandit environment: K arms whose rewards the simulator draws round by round, with an oracle for
 * the regret. Stochastic environments know each arm's mean (their pseudo-regret oracle); adversarial
 * ones give every arm's reward of each round (regret against the best fixed arm in hindsight).
 */
public interface Environment extends ScriptObject {
  /** Number of arms K. */
  int arms();

  /** Feature dimension of the arms (0 for non-contextual environments). */
  default int dim() {
    return 0;
  }

  /**
   * Prepares round t (0-based) of one run: draws that round's contexts when the environment has them.
   * Called once per round before {@link #features} and {@link #reward}.
   */
  default void begin(int t, Rng rng) {}

  /** The K×d arm features of the current round (row-major), or null when the environment has none. */
  default double[] features() {
    return null;
  }

  /** The expected reward of {@code arm} in the current round. */
  double mean(int arm);

  /** The largest expected reward of the current round. */
  double bestMean();

  /** Draws the reward of pulling {@code arm} in the current round. */
  double reward(int arm, Rng rng);

  /** True for adversarial environments: regret is measured against the best fixed arm in hindsight. */
  default boolean adversarial() {
    return false;
  }

  /** A fresh copy for one run (environments with per-round state are not shared between runs). */
  default Environment fresh() {
    return this;
  }

  @Override
  default String typeName() {
    return "bandit_env";
  }
}
