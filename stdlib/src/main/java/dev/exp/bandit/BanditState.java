package dev.exp.bandit;

import dev.exp.kernel.ScriptObject;
import dev.exp.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of a policy's state for hand-written loops: {@code bandit.select(state)} gives
 * the next arm (random choices are derived from the state's seed and round, so selecting twice gives
 * the same arm) and {@code bandit.update(state, arm, reward)} returns a new state.
 */
public final class BanditState implements ScriptObject {
  private final Policy policy;
  private final Learner learner;
  private final int k;
  private final int round;
  private final long seed;
  private final double[] features;

  BanditState(Policy policy, Learner learner, int k, int round, long seed, double[] features) {
    this.policy = policy;
    this.learner = learner;
    this.k = k;
    this.round = round;
    this.seed = seed;
    this.features = features;
  }

  int select(double[] f) {
    return learner.copy().select(round, f != null ? f : features, Rng.derive(seed, round));
  }

  BanditState update(int arm, double reward, double[] f, double[] all) {
    Learner next = learner.copy();
    next.update(arm, reward, f != null ? f : features, all);
    return new BanditState(policy, next, k, round + 1, seed, features);
  }

  int arms() {
    return k;
  }

  Policy policy() {
    return policy;
  }

  @Override
  public String typeName() {
    return "bandit_state";
  }

  @Override
  public List<String> fieldNames() {
    List<String> f = new ArrayList<>(List.of("policy", "t", "k"));
    f.addAll(learner.fields().keySet());
    return f;
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "policy" -> policy;
      case "t" -> (double) round;
      case "k" -> (double) k;
      default -> {
        Map<String, Object> f = learner.fields();
        yield f.get(name);
      }
    };
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<bandit state of %s: %d arms, round %d>", policy.name(), k, round);
  }
}
