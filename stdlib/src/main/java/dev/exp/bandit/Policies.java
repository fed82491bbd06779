package dev.exp.bandit;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Constructors of bandit policies (L19–L21) as values for bandit.run and bandit.state. */
public final class Policies {
  private Policies() {}

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void check(boolean ok, String fn, String what, double v) {
    if (!ok) {
      throw KernelException.of("%s: %s, got %s", fn, what, dev.exp.tensor.TensorArgs.fmt(v));
    }
  }

  @Kernel(name = "bandit.epsilon_greedy", doc = "ε-greedy: with probability eps (default 0.1) pull a uniformly random "
      + "arm, otherwise the arm with the best empirical mean (untried arms first, in order). Its regret grows "
      + "linearly, ≈ eps · mean gap per round. Example: bandit.run(bandit.bernoulli([0.2, 0.5, 0.7]), bandit.epsilon_greedy(0.1), 1000)")
  public static Policy epsilonGreedy(@Arg(value = "eps", dflt = "0.1") double eps) {
    check(eps >= 0 && eps <= 1, "bandit.epsilon_greedy", "eps must be in [0, 1]", eps);
    return new Policy("epsilon_greedy", params("eps", eps), false, false,
        (k, d) -> new StochasticLearners.EpsilonGreedy(k, eps));
  }

  @Kernel(name = "bandit.ucb1", doc = "UCB1 (Auer, Cesa-Bianchi and Fischer 2002): after one pull of each arm, pull "
      + "the arm maximising mean_i + √(c · ln t / n_i), t the number of pulls so far (c = 2 is UCB1 and its regret "
      + "bound Σ 8 ln T/Δ_i + (1 + π²/3) Σ Δ_i for rewards in [0, 1]). Example: bandit.ucb1()")
  public static Policy ucb1(@Arg(value = "c", dflt = "2") double c) {
    check(c >= 0, "bandit.ucb1", "c must be >= 0", c);
    return new Policy("ucb1", params("c", c), false, false, (k, d) -> new StochasticLearners.Ucb1(k, c));
  }

  @Kernel(name = "bandit.kl_ucb", doc = "KL-UCB for rewards in [0, 1] (Garivier and Cappé 2011): pull the arm with the "
      + "largest q such that n_i · KL(mean_i, q) ≤ ln t + c · ln ln t (Bernoulli KL, bisection; c default 0). "
      + "Asymptotically optimal for Bernoulli arms. Example: bandit.kl_ucb()")
  public static Policy klUcb(@Arg(value = "c", dflt = "0") double c) {
    check(c >= 0, "bandit.kl_ucb", "c must be >= 0", c);
    return new Policy("kl_ucb", params("c", c), false, false, (k, d) -> new StochasticLearners.KlUcb(k, c));
  }

  @Kernel(name = "bandit.thompson", doc = "Thompson sampling: each round draw a mean for every arm from its posterior "
      + "and pull the largest. prior \"beta\" (default): Beta(1 + successes, 1 + failures) for rewards in [0, 1] "
      + "(fractional rewards count fractionally); \"gaussian\": N(sum/(n + 1), sigma²/(n + 1)), the posterior under a "
      + "N(0, sigma²) prior and N(μ, sigma²) rewards. Example: bandit.thompson(prior: \"beta\")")
  public static Policy thompson(@Arg(value = "prior", dflt = "\"beta\"") String prior,
      @Arg(value = "sigma", dflt = "1") double sigma) {
    if (!prior.equals("beta") && !prior.equals("gaussian")) {
      throw new KernelException("bandit.thompson: prior must be \"beta\" or \"gaussian\", got \"" + prior + "\"");
    }
    check(sigma > 0, "bandit.thompson", "sigma must be positive", sigma);
    boolean beta = prior.equals("beta");
    return new Policy("thompson", beta ? params("prior", prior) : params("prior", prior, "sigma", sigma), false, false,
        (k, d) -> new StochasticLearners.Thompson(k, beta, sigma));
  }

  @Kernel(name = "bandit.successive_elimination", doc = "Successive elimination (Even-Dar, Mannor and Mansour 2006): "
      + "pull the active arms in turn; after each sweep (n pulls each) drop every arm whose mean + r is below the best "
      + "mean − r, r = √(ln(4 K n² / delta) / (2n)) (rewards in [0, 1]; delta default 0.05). The state's active field "
      + "marks the remaining arms. Example: bandit.successive_elimination(0.05)")
  public static Policy successiveElimination(@Arg(value = "delta", dflt = "0.05") double delta) {
    check(delta > 0 && delta < 1, "bandit.successive_elimination", "delta must be in (0, 1)", delta);
    return new Policy("successive_elimination", params("delta", delta), false, false,
        (k, d) -> new StochasticLearners.SuccessiveElimination(k, delta));
  }

  @Kernel(name = "bandit.hedge", doc = "Hedge / multiplicative weights over the arms as experts, with full "
      + "information (every arm's reward is seen each round): play arm i with probability ∝ exp(eta · G_i), G_i its "
      + "cumulative reward. eta = √(8 ln K / T) gives regret ≤ √(T ln K / 2). Example: bandit.hedge(0.05)")
  public static Policy hedge(@Arg(value = "eta", dflt = "0.1") double eta) {
    check(eta > 0, "bandit.hedge", "eta must be positive", eta);
    return new Policy("hedge", params("eta", eta), false, true, (k, d) -> new AdversarialLearners.Hedge(k, eta));
  }

  @Kernel(name = "bandit.exp3", doc = "EXP3 (Auer et al. 2002) for adversarial rewards in [0, 1]: p = (1 − gamma) · "
      + "softmax(gamma · Ĝ / K) + gamma / K with importance-weighted gain estimates Ĝ_i += reward / p_i. gamma = "
      + "min(1, √(K ln K / ((e − 1) T))) gives regret ≤ 2√(e − 1) √(T K ln K). Example: bandit.exp3(0.05)")
  public static Policy exp3(@Arg(value = "gamma", dflt = "0.1") double gamma) {
    check(gamma > 0 && gamma <= 1, "bandit.exp3", "gamma must be in (0, 1]", gamma);
    return new Policy("exp3", params("gamma", gamma), false, false, (k, d) -> new AdversarialLearners.Exp3(k, gamma));
  }

  @Kernel(name = "bandit.exp3_ix", doc = "EXP3-IX (Neu 2015): p ∝ exp(−eta · L̂) over loss estimates L̂_i += (1 − "
      + "reward) / (p_i + gamma) with implicit exploration gamma (default eta/2); eta = √(2 ln K / (K T)) gives "
      + "high-probability regret O(√(T K ln K)). Example: bandit.exp3_ix(0.05)")
  public static Policy exp3Ix(@Arg(value = "eta", dflt = "0.1") double eta, @Arg(value = "gamma", dflt = "none") Double gamma) {
    check(eta > 0, "bandit.exp3_ix", "eta must be positive", eta);
    double g = gamma == null ? eta / 2 : gamma;
    check(g >= 0, "bandit.exp3_ix", "gamma must be >= 0", g);
    return new Policy("exp3_ix", params("eta", eta, "gamma", g), false, false,
        (k, d) -> new AdversarialLearners.Exp3Ix(k, eta, g));
  }

  @Kernel(name = "bandit.linucb", doc = "LinUCB / OFUL for linear bandits: ridge estimate θ̂ = V⁻¹ b with V = lambda·I "
      + "+ Σ x xᵀ (Sherman–Morrison updates) and b = Σ r x; pull the arm maximising ⟨θ̂, x⟩ + alpha·√(xᵀ V⁻¹ x). "
      + "Defaults alpha 1, lambda 1. Example: bandit.run(bandit.linear(theta, arms: A), bandit.linucb(), 1000)")
  public static Policy linucb(@Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "lambda", dflt = "1") double lambda) {
    check(alpha >= 0, "bandit.linucb", "alpha must be >= 0", alpha);
    check(lambda > 0, "bandit.linucb", "lambda must be positive", lambda);
    return new Policy("linucb", params("alpha", alpha, "lambda", lambda), true, false,
        (k, d) -> new LinearLearners.LinUcb(d, alpha, lambda));
  }

  @Kernel(name = "bandit.lin_thompson", doc = "Linear Thompson sampling (Agrawal and Goyal 2013): draw θ̃ ~ N(θ̂, v² "
      + "V⁻¹) with the ridge statistics of bandit.linucb and pull the arm maximising ⟨θ̃, x⟩. Defaults v 1, lambda 1. "
      + "Example: bandit.lin_thompson(v: 0.5)")
  public static Policy linThompson(@Arg(value = "v", dflt = "1") double v,
      @Arg(value = "lambda", dflt = "1") double lambda) {
    check(v >= 0, "bandit.lin_thompson", "v must be >= 0", v);
    check(lambda > 0, "bandit.lin_thompson", "lambda must be positive", lambda);
    return new Policy("lin_thompson", params("v", v, "lambda", lambda), true, false,
        (k, d) -> new LinearLearners.LinThompson(d, v, lambda));
  }
}
