package dev.exp.bandit;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;

/** Bandit environments (D08) as script values, and single pulls for hand-written loops. */
public final class Environments {
  private Environments() {}

  /** The arms' means: a vector, one finite value per arm. */
  private static double[] means(Tensor t, String fn) {
    if (t.rank() != 1) {
      throw new KernelException(fn + ": means must be a vector (one value per arm), got shape "
          + java.util.Arrays.toString(t.shape()));
    }
    return finite(t, fn, "means");
  }

  private static double[] finite(Tensor t, String fn, String name) {
    double[] v = t.raw();
    if (v.length == 0) {
      throw new KernelException(fn + ": " + name + " is empty");
    }
    for (double e : v) {
      if (!Double.isFinite(e)) {
        throw new KernelException(fn + ": " + name + " contains " + Numbers.format(e) + " (values must be finite)");
      }
    }
    return v.clone();
  }

  @Kernel(name = "bandit.bernoulli", doc = "A K-armed Bernoulli bandit: arm i pays 1 with probability means[i], "
      + "else 0. Fields: kind, k, means, best_mean, best_arm, gaps (best_mean − means), lai_robbins (the "
      + "Lai–Robbins constant Σ Δ_i / KL(μ_i, μ*) over sub-optimal arms: no consistent policy has regret below "
      + "lai_robbins · ln T asymptotically). Example: let env = bandit.bernoulli([0.9, 0.8, 0.7])")
  public static Environment bernoulli(@Arg("means") Tensor means) {
    double[] m = means(means, "bandit.bernoulli");
    for (double e : m) {
      if (e < 0 || e > 1) {
        throw new KernelException("bandit.bernoulli: means must be probabilities in [0, 1], got " + Numbers.tensor(means));
      }
    }
    return new StochasticEnv(true, m, 0);
  }

  @Kernel(name = "bandit.gaussian", doc = "A K-armed Gaussian bandit: arm i pays means[i] + sigma·N(0, 1). Fields as "
      + "bandit.bernoulli plus sigma; lai_robbins is Σ 2σ²/Δ_i. Example: bandit.gaussian([0, 0.5, 1], sigma: 1)")
  public static Environment gaussian(@Arg("means") Tensor means, @Arg(value = "sigma", dflt = "1") double sigma) {
    double[] m = means(means, "bandit.gaussian");
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw KernelException.of("bandit.gaussian: sigma must be positive, got %s", sigma);
    }
    return new StochasticEnv(false, m, sigma);
  }

  @Kernel(name = "bandit.linear", doc = "A linear bandit: pulling an arm with features x pays ⟨theta, x⟩ + "
      + "noise·N(0, 1). arms: a K×d matrix of fixed arm features; or none with k (default 10) for k fresh random unit "
      + "vectors every round (contexts). Fields: kind, k, d, theta, arms, noise, contexts, means and best_mean (fixed "
      + "arms). Example: bandit.linear([1, 0], arms: [[1, 0], [0, 1], [0.7, 0.7]])")
  public static Environment linear(@Arg("theta") Tensor theta, @Arg(value = "arms", dflt = "none") Tensor arms,
      @Arg(value = "k", dflt = "10") int k, @Arg(value = "noise", dflt = "0.1") double noise) {
    String fn = "bandit.linear";
    double[] th = finite(theta, fn, "theta");
    if (!(noise >= 0)) {
      throw KernelException.of("%s: noise must be >= 0, got %s", fn, noise);
    }
    if (arms == null) {
      if (k < 1) {
        throw KernelException.of("%s: k must be at least 1, got %d", fn, k);
      }
      return new LinearEnv(th, null, k, noise);
    }
    if (arms.rank() != 2 || arms.dim(1) != th.length) {
      throw KernelException.of("%s: arms must be a K×%d matrix (one row of features per arm, as theta), got shape %s",
          fn, th.length, Tensor.shapeString(arms.shape()));
    }
    return new LinearEnv(th, finite(arms, fn, "arms"), arms.dim(0), noise);
  }

  @Kernel(name = "bandit.adversarial", doc = "An oblivious adversarial bandit from a T×K table of rewards in [0, 1]: "
      + "row t holds every arm's reward in round t. Regret is against the best fixed arm in hindsight. Fields: kind, "
      + "k, horizon, rewards, totals (per arm), best_arm, best_total. Example: bandit.adversarial(rand([1000, 3]))")
  public static Environment adversarial(@Arg("rewards") Tensor rewards) {
    String fn = "bandit.adversarial";
    if (rewards.rank() != 2 || rewards.dim(0) < 1 || rewards.dim(1) < 1) {
      throw KernelException.of("%s: rewards must be a T×K matrix (rounds × arms), got shape %s", fn,
          Tensor.shapeString(rewards.shape()));
    }
    double[] r = finite(rewards, fn, "rewards");
    for (double e : r) {
      if (e < 0 || e > 1) {
        throw new KernelException(fn + ": rewards must be in [0, 1], found " + Numbers.format(e));
      }
    }
    return new AdversarialEnv(r, rewards.dim(0), rewards.dim(1));
  }

  @Kernel(name = "bandit.pull", doc = "Draws one reward of arm `arm` (0-based) from env, for hand-written loops: "
      + "round t matters for adversarial environments (row t of the table); a linear environment with fresh "
      + "contexts is not supported here (use bandit.run). Deterministic given seed. Example: bandit.pull(bandit.bernoulli([0.2, 0.5, 0.7]), 2, "
      + "seed: 1)")
  public static double pull(@Arg("env") Environment env, @Arg("arm") int arm, @Arg(value = "t", dflt = "0") int t,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    if (arm < 0 || arm >= env.arms()) {
      throw KernelException.of("bandit.pull: arm must be in [0, %d), got %d", env.arms(), arm);
    }
    if (env instanceof LinearEnv && env.field("arms") == null) {
      throw new KernelException("bandit.pull: this linear environment draws fresh arms every round; use bandit.run");
    }
    if (env instanceof AdversarialEnv a && (t < 0 || t >= a.horizon())) {
      throw KernelException.of("bandit.pull: t must be in [0, %d) for this adversarial environment, got %d",
          a.horizon(), t);
    }
    Environment e = env.fresh();
    Rng g = rng != null ? rng : new Rng(0);
    e.begin(t, g);
    return e.reward(arm, g);
  }
}
