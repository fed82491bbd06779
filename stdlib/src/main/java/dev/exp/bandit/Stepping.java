package dev.exp.bandit;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;

/** The step-wise interface of the bandit policies: an immutable state, select an arm, update with a reward. */
public final class Stepping {
  private Stepping() {}

  @Kernel(name = "bandit.state", doc = "The initial state of `policy` for a script-written loop. env is an "
      + "environment or the number of arms K (then d, default 0, gives the feature dimension of linear policies). "
      + "The state is immutable: bandit.select(state) gives the next arm and bandit.update(state, arm, reward) a new "
      + "state. Fields: policy, t (rounds so far), k and the policy's statistics (counts, means; alpha, beta for "
      + "Thompson; probabilities, gains for Hedge/EXP3; theta, v_inv for linear policies; active for successive "
      + "elimination). Example: let env = bandit.bernoulli([0.2, 0.5, 0.7]); var s = bandit.state(bandit.ucb1(), env); for t in 0..100 { let a = "
      + "bandit.select(s); s = bandit.update(s, a, bandit.pull(env, a, seed: t)) }")
  public static BanditState state(@Arg("policy") Policy policy, @Arg("env") Object env,
      @Arg(value = "d", dflt = "0") int d, @Arg(value = "seed", dflt = "none") Rng rng) {
    int k;
    int dim;
    double[] features = null;
    if (env instanceof Environment e) {
      k = e.arms();
      dim = e.dim();
      if (e instanceof LinearEnv && e.field("arms") instanceof Tensor a) {
        features = a.raw();
      }
    } else if (env instanceof Double x && x == Math.rint(x) && x >= 1) {
      k = x.intValue();
      dim = d;
    } else {
      throw new KernelException("bandit.state: env must be a bandit environment or a number of arms, got "
          + dev.exp.kernel.Values.describe(env));
    }
    if (policy.needsFeatures() && dim < 1) {
      throw new KernelException("bandit.state: " + policy.name() + " needs arm features: give a linear environment "
          + "or d ≥ 1");
    }
    long seed = (rng != null ? rng : new Rng(0)).nextLong();
    return new BanditState(policy, policy.start(k, dim), k, 0, seed, features);
  }

  private static double[] features(Tensor f, BanditState s, String fn) {
    if (f == null) {
      return null;
    }
    if (f.rank() != 2 || f.dim(0) != s.arms()) {
      throw KernelException.of("%s: features must be a %d×d matrix (one row per arm), got shape %s", fn, s.arms(),
          Tensor.shapeString(f.shape()));
    }
    return f.raw();
  }

  @Kernel(name = "bandit.select", doc = "The arm (0-based) the policy pulls next from this state; features (K×d) "
      + "are the round's arm features for linear policies (default: the fixed arms of the state's environment). "
      + "Random choices are derived from the state's seed and round, so the same state always selects the same arm.")
  public static double select(@Arg("state") BanditState state, @Arg(value = "features", dflt = "none") Tensor features) {
    return state.select(features(features, state, "bandit.select"));
  }

  @Kernel(name = "bandit.update", doc = "The state after pulling `arm` and seeing `reward` (the input state is not "
      + "changed). features as in bandit.select; rewards (K values) gives every arm's reward for full-information "
      + "policies (bandit.hedge).")
  public static BanditState update(@Arg("state") BanditState state, @Arg("arm") int arm, @Arg("reward") double reward,
      @Arg(value = "features", dflt = "none") Tensor features, @Arg(value = "rewards", dflt = "none") Tensor rewards) {
    if (arm < 0 || arm >= state.arms()) {
      throw KernelException.of("bandit.update: arm must be in [0, %d), got %d", state.arms(), arm);
    }
    if (!Double.isFinite(reward)) {
      throw KernelException.of("bandit.update: reward must be finite, got %s", reward);
    }
    return state.update(arm, reward, features(features, state, "bandit.update"), rewards == null ? null : rewards.raw());
  }
}
