package dev.exp.bandit;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.random.Rng;
import dev.exp.stats.Stats;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bandit simulation loop (F13) and regret curves with confidence bands (M03). */
public final class Simulator {
  private Simulator() {}

  private static final int POLL_EVERY = 4096;

  @Kernel(name = "bandit.run", doc = "Simulates `runs` independent runs (default 1) of `policy` on `env` for `horizon` "
      + "rounds (runs in parallel, each seeded from seed and its index, so results do not depend on the thread count). "
      + "Each round the policy picks an arm and sees its reward (Hedge sees every arm's reward). The regret curve is "
      + "the cumulative pseudo-regret Σ_t (best_mean − mean of the pulled arm) for stochastic and linear environments, "
      + "and max_a Σ_t r_a(t) − Σ_t r_{pulled}(t) (best fixed arm in hindsight) for adversarial ones. Returns {regret "
      + "(runs×horizon), mean, lo, hi (the mean curve and its Student-t band over runs at level, nan for one run), final "
      + "(final regret per run), final_mean, final_lo, final_hi, total_reward (per run), pulls (runs×K), policy, "
      + "horizon, runs}; with trace: true also arms and rewards (runs×horizon). Example: bandit.run(bandit.bernoulli([0.9, "
      + "0.8]), bandit.ucb1(), 10000, runs: 20, seed: 1).final_mean")
  public static Map<String, Object> run(@Arg("env") Environment env, @Arg("policy") Policy policy,
      @Arg("horizon") int horizon, @Arg(value = "runs", dflt = "1") int runs, @Arg(value = "seed", dflt = "none") Rng rng,
      @Arg(value = "level", dflt = "0.95") double level, @Arg(value = "trace", dflt = "false") boolean trace,
      KernelContext ctx) {
    String fn = "bandit.run";
    if (horizon < 1 || runs < 1) {
      throw KernelException.of("%s: horizon and runs must be at least 1, got horizon %d, runs %d", fn, horizon, runs);
    }
    if ((long) horizon * runs > 200_000_000L) {
      throw KernelException.of("%s: horizon × runs = %d is too large (at most 2e8 rounds)", fn, (long) horizon * runs);
    }
    if (env instanceof AdversarialEnv a && horizon > a.horizon()) {
      throw KernelException.of("%s: the adversarial environment has %d rounds of rewards, horizon is %d", fn,
          a.horizon(), horizon);
    }
    if (policy.needsFeatures() && env.dim() == 0) {
      throw new KernelException(fn + ": " + policy.name() + " needs arm features; use a linear environment "
          + "(bandit.linear), not a " + env.field("kind") + " one");
    }
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("%s: level must be in (0, 1), got %s", fn, level);
    }
    long base = (rng != null ? rng : new Rng(0)).nextLong();
    int k = env.arms();
    double[] regret = new double[runs * horizon];
    double[] arms = trace ? new double[runs * horizon] : null;
    double[] rewards = trace ? new double[runs * horizon] : null;
    double[] total = new double[runs];
    double[] pulls = new double[runs * k];
    Parallel.forEach(runs, r -> {
      Environment e = env.fresh();
      Learner learner = policy.start(k, env.dim());
      Rng er = Rng.derive(base, r, 0);
      Rng pr = Rng.derive(base, r, 1);
      boolean full = policy.fullInformation();
      double[] all = full ? new double[k] : null;
      double[] cum = e.adversarial() ? new double[k] : null;
      double reg = 0;
      double alg = 0;
      for (int t = 0; t < horizon; t++) {
        if (t % POLL_EVERY == POLL_EVERY - 1) {
          ctx.poll();
        }
        e.begin(t, er);
        double[] f = e.features();
        int a = learner.select(t, f, pr);
        double rew;
        if (full) {
          for (int i = 0; i < k; i++) {
            all[i] = e.reward(i, er);
          }
          rew = all[a];
        } else {
          rew = e.reward(a, er);
        }
        if (cum != null) {
          double best = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < k; i++) {
            cum[i] += e.mean(i);
            best = Math.max(best, cum[i]);
          }
          alg += e.mean(a);
          regret[r * horizon + t] = best - alg;
        } else {
          reg += e.bestMean() - e.mean(a);
          regret[r * horizon + t] = reg;
        }
        learner.update(a, rew, f, all);
        total[r] += rew;
        pulls[r * k + a]++;
        if (trace) {
          arms[r * horizon + t] = a;
          rewards[r * horizon + t] = rew;
        }
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    Tensor curves = Tensor.wrap(new int[] {runs, horizon}, regret);
    out.put("regret", curves);
    out.putAll(bands(regret, runs, horizon, level));
    out.put("total_reward", Tensor.vector(total));
    out.put("pulls", Tensor.wrap(new int[] {runs, k}, pulls));
    out.put("policy", policy.name());
    out.put("horizon", (double) horizon);
    out.put("runs", (double) runs);
    if (trace) {
      out.put("arms", Tensor.wrap(new int[] {runs, horizon}, arms));
      out.put("rewards", Tensor.wrap(new int[] {runs, horizon}, rewards));
    }
    return out;
  }

  /** Mean curve, its t band, and the final-value summary of runs×horizon curves. */
  static Map<String, Object> bands(double[] c, int runs, int horizon, double level) {
    double[] mean = new double[horizon];
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    double tq = runs > 1 ? Stats.tQuantile((1 + level) / 2, runs - 1) : Double.NaN;
    for (int t = 0; t < horizon; t++) {
      double m = 0;
      for (int r = 0; r < runs; r++) {
        m += c[r * horizon + t];
      }
      m /= runs;
      double s = 0;
      for (int r = 0; r < runs; r++) {
        double e = c[r * horizon + t] - m;
        s += e * e;
      }
      double hw = runs > 1 ? tq * Math.sqrt(s / (runs - 1) / runs) : Double.NaN;
      mean[t] = m;
      lo[t] = m - hw;
      hi[t] = m + hw;
    }
    double[] fin = new double[runs];
    for (int r = 0; r < runs; r++) {
      fin[r] = c[r * horizon + horizon - 1];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mean", Tensor.vector(mean));
    out.put("lo", Tensor.vector(lo));
    out.put("hi", Tensor.vector(hi));
    out.put("final", Tensor.vector(fin));
    out.put("final_mean", mean[horizon - 1]);
    out.put("final_lo", lo[horizon - 1]);
    out.put("final_hi", hi[horizon - 1]);
    return out;
  }

  @Kernel(name = "bandit.regret", doc = "Regret curves summarised over runs: the mean curve with a Student-t "
      + "confidence band at level (default 0.95). x is a runs×T tensor of cumulative regrets (one row per run; a vector "
      + "is one run) or a bandit.run result. Returns {mean, lo, hi, final, final_mean, final_lo, final_hi}. Example: "
      + "bandit.regret(bandit.run(bandit.bernoulli([0.2, 0.5]), bandit.ucb1(), 1000, runs: 10)).final_hi")
  public static Map<String, Object> regret(@Arg("x") Object x, @Arg(value = "level", dflt = "0.95") double level) {
    Object v = x instanceof Map<?, ?> m ? m.get("regret") : x;
    if (!(v instanceof Tensor t) || t.rank() < 1 || t.rank() > 2 || t.size() == 0) {
      throw new KernelException("bandit.regret: x must be a runs×T tensor of regret curves or a bandit.run result, got "
          + dev.exp.kernel.Values.describe(x));
    }
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("bandit.regret: level must be in (0, 1), got %s", level);
    }
    int runs = t.rank() == 1 ? 1 : t.dim(0);
    int horizon = t.dim(t.rank() - 1);
    return bands(t.raw(), runs, horizon, level);
  }
}
