package dev.exp.bandit;

import dev.exp.random.Rng;
import java.util.Map;

/**
 * The mutable state of one policy during one run: which arm to pull next and how to learn from the
 * reward. {@link BanditState} wraps a copy for the immutable script-level interface.
 */
interface Learner {
  /** The arm to pull in round t (0-based); features are the K×d arm features of the round, or null. */
  int select(int t, double[] features, Rng rng);

  /**
   * Learns from the reward of {@code arm}; features as in select; all (full information, may be null)
   * holds every arm's reward of the round for experts algorithms such as Hedge.
   */
  void update(int arm, double reward, double[] features, double[] all);

  /** An independent copy. */
  Learner copy();

  /** The learner's statistics for scripts (counts, means, weights ...), by name. */
  Map<String, Object> fields();
}
