package dev.exp.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BanditTest {
  static final double[] MU = {0.9, 0.8, 0.7, 0.6, 0.5};

  static Map<String, Object> run(Environment env, Policy p, int horizon, int runs, long seed) {
    return Simulator.run(env, p, horizon, runs, new Rng(seed), 0.95, false, KernelContext.NONE);
  }

  static double d(Object o) {
    return (Double) o;
  }

  static double klBer(double p, double q) {
    return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
  }

  @Test
  void klUpperBoundSolvesTheKlEquation() {
    for (double p : new double[] {0, 0.1, 0.5, 0.9, 0.99, 1}) {
      for (int n : new int[] {1, 10, 1000}) {
        double level = Math.log(1000);
        double q = Kl.upper(p, n, level);
        assertTrue(q >= p && q <= 1, "q in [p, 1]");
        if (q < 1 - 1e-9) {
          // q is the root to 1e-9: KL crosses the level between q − 1e-9 and q + 1e-9
          assertTrue(Kl.bernoulli(p, q - 1e-9) <= level / n && Kl.bernoulli(p, Math.min(1, q + 1e-9)) >= level / n,
              "p " + p + " n " + n + " q " + q);
        } else {
          assertTrue(Kl.bernoulli(p, 1 - 1e-9) <= level / n + 1e-9);
        }
      }
    }
  }

  @Test
  void environmentOracles() {
    Environment env = Environments.bernoulli(Tensor.vector(MU));
    double lr = 0;
    for (int i = 1; i < 5; i++) {
      lr += (0.9 - MU[i]) / klBer(MU[i], 0.9);
    }
    assertEquals(lr, d(env.field("lai_robbins")), 1e-12);
    assertEquals(0.9, d(env.field("best_mean")), 0);
    assertEquals(0.0, d(env.field("best_arm")), 0);
    Environment g = Environments.gaussian(Tensor.vector(0, 0.5, 1), 2);
    assertEquals(2 * 4 / 1.0 + 2 * 4 / 0.5, d(g.field("lai_robbins")), 1e-12);
    Environment adv = Environments.adversarial(Tensor.matrix(new double[][] {{1, 0}, {1, 0}, {0, 1}}));
    assertEquals(0.0, d(adv.field("best_arm")), 0);
    assertEquals(2.0, d(adv.field("best_total")), 0);
  }

  @Test
  void ucbRegretIsUnderTheAuerBound() {
    Environment env = Environments.bernoulli(Tensor.vector(MU));
    int horizon = 10000;
    Map<String, Object> r = run(env, Policies.ucb1(2), horizon, 20, 1);
    double bound = 0;
    for (int i = 1; i < 5; i++) {
      double gap = 0.9 - MU[i];
      bound += 8 * Math.log(horizon) / gap + (1 + Math.PI * Math.PI / 3) * gap;
    }
    assertTrue(d(r.get("final_hi")) < bound, "UCB1 regret " + r.get("final_hi") + " under the bound " + bound);
    // sublinear: the second half adds less regret than the first
    Tensor mean = (Tensor) r.get("mean");
    assertTrue(mean.at(horizon - 1) - mean.at(horizon / 2 - 1) < mean.at(horizon / 2 - 1));
  }

  @Test
  void thompsonIsNearLaiRobbins() {
    Environment env = Environments.bernoulli(Tensor.vector(MU));
    int horizon = 20000;
    Map<String, Object> r = run(env, Policies.thompson("beta", 1), horizon, 20, 2);
    double lr = d(env.field("lai_robbins"));
    double ratio = d(r.get("final_mean")) / Math.log(horizon) / lr;
    assertTrue(ratio > 0.4 && ratio < 1.5, "TS regret / ln T / Lai–Robbins = " + ratio);
    Map<String, Object> ucb = run(env, Policies.ucb1(2), horizon, 20, 2);
    assertTrue(d(r.get("final_hi")) < d(ucb.get("final_lo")), "TS beats UCB1");
    Map<String, Object> kl = run(env, Policies.klUcb(0), 5000, 10, 2);
    Map<String, Object> ucb5 = run(env, Policies.ucb1(2), 5000, 10, 2);
    assertTrue(d(kl.get("final_hi")) < d(ucb5.get("final_lo")), "KL-UCB beats UCB1");
  }

  @Test
  void epsilonGreedyRegretIsLinear() {
    Environment env = Environments.bernoulli(Tensor.vector(MU));
    int horizon = 20000;
    Map<String, Object> r = run(env, Policies.epsilonGreedy(0.1), horizon, 10, 3);
    // exploring with probability ε costs ε · mean gap per round (0.1 · 0.2)
    double perRound = d(r.get("final_mean")) / horizon;
    assertEquals(0.02, perRound, 0.003);
  }

  @Test
  void successiveEliminationKeepsTheBestArm() {
    Environment env = Environments.bernoulli(Tensor.vector(0.9, 0.5, 0.1));
    Map<String, Object> r = run(env, Policies.successiveElimination(0.05), 5000, 5, 4);
    Tensor pulls = (Tensor) r.get("pulls");
    for (int run = 0; run < 5; run++) {
      assertTrue(pulls.get(run, 0) > 4000, "best arm pulled most in run " + run);
    }
  }

  @Test
  void adversarialRegretIsUnderTheBounds() {
    // rewards drawn once: arm 2 is best on average, but the sequence switches regime halfway
    int horizon = 4000;
    int k = 3;
    double[] tab = new double[horizon * k];
    Rng g = new Rng(5);
    for (int t = 0; t < horizon; t++) {
      for (int a = 0; a < k; a++) {
        double p = t < horizon / 2 ? new double[] {0.7, 0.3, 0.6}[a] : new double[] {0.2, 0.5, 0.6}[a];
        tab[t * k + a] = g.nextDouble() < p ? 1 : 0;
      }
    }
    Environment env = Environments.adversarial(Tensor.wrap(new int[] {horizon, k}, tab));
    double eta = Math.sqrt(8 * Math.log(k) / horizon);
    Map<String, Object> h = run(env, Policies.hedge(eta), horizon, 10, 6);
    assertTrue(d(h.get("final_mean")) < Math.sqrt(horizon * Math.log(k) / 2), "hedge " + h.get("final_mean"));
    double gamma = Math.min(1, Math.sqrt(k * Math.log(k) / ((Math.E - 1) * horizon)));
    Map<String, Object> e = run(env, Policies.exp3(gamma), horizon, 10, 7);
    assertTrue(d(e.get("final_mean")) < 2 * Math.sqrt(Math.E - 1) * Math.sqrt(horizon * k * Math.log(k)),
        "exp3 " + e.get("final_mean"));
    double etaIx = Math.sqrt(2 * Math.log(k) / (k * horizon));
    Map<String, Object> ix = run(env, Policies.exp3Ix(etaIx, null), horizon, 10, 8);
    assertTrue(d(ix.get("final_mean")) < 2 * Math.sqrt(2 * horizon * k * Math.log(k)), "exp3-ix " + ix.get("final_mean"));
    // uniform play would lose about (0.6 - 0.45·...) per round: the learners do much better than linear regret
    assertTrue(d(e.get("final_mean")) < 0.1 * horizon);
  }

  @Test
  void linearPoliciesLearnTheta() {
    Tensor arms = Tensor.matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.6, 0.6, 0}, {0.5, 0, 0.5}});
    Environment env = Environments.linear(Tensor.vector(0.4, 0.4, 0.1), arms, 10, 0.1);
    int horizon = 3000;
    for (Policy p : new Policy[] {Policies.linucb(1, 1), Policies.linThompson(0.2, 1)}) {
      Map<String, Object> r = run(env, p, horizon, 5, 9);
      Tensor mean = (Tensor) r.get("mean");
      double late = mean.at(horizon - 1) - mean.at(horizon / 2 - 1);
      assertTrue(late < 0.5 * mean.at(horizon / 2 - 1), p.name() + " regret is sublinear");
      assertTrue(((Tensor) r.get("pulls")).get(0, 3) > 0.8 * horizon, p.name() + " pulls the best arm (0.6, 0.6, 0)");
    }
    Environment ctxEnv = Environments.linear(Tensor.vector(1, -1, 0.5), null, 8, 0.1);
    Map<String, Object> r = run(ctxEnv, Policies.linucb(1, 1), 2000, 3, 10);
    Tensor mean = (Tensor) r.get("mean");
    assertTrue(mean.at(1999) - mean.at(999) < 0.5 * mean.at(999), "contextual LinUCB is sublinear");
  }

  @Test
  void steppingIsImmutableAndDeterministic() {
    Environment env = Environments.bernoulli(Tensor.vector(0.2, 0.8));
    BanditState s0 = Stepping.state(Policies.thompson("beta", 1), env, 0, new Rng(1));
    assertEquals(Stepping.select(s0, null), Stepping.select(s0, null));
    BanditState s1 = Stepping.update(s0, 1, 1, null, null);
    assertEquals(0.0, d(s0.field("t")));
    assertEquals(1.0, d(s1.field("t")));
    assertEquals(2.0, ((Tensor) s1.field("alpha")).at(1));
    BanditState s = Stepping.state(Policies.ucb1(2), env, 0, new Rng(1));
    for (int t = 0; t < 500; t++) {
      int a = (int) Stepping.select(s, null);
      s = Stepping.update(s, a, Environments.pull(env, a, 0, new Rng(t)), null, null);
    }
    Tensor counts = (Tensor) s.field("counts");
    assertTrue(counts.at(1) > 400, "UCB1 by hand pulls the 0.8 arm most: " + counts);
    KernelException e = assertThrows(KernelException.class,
        () -> Stepping.update(Stepping.state(Policies.hedge(0.1), 2.0, 0, null), 0, 1, null, null));
    assertTrue(e.getMessage().contains("full information"), e.getMessage());
    e = assertThrows(KernelException.class,
        () -> Simulator.run(env, Policies.linucb(1, 1), 10, 1, null, 0.95, false, KernelContext.NONE));
    assertTrue(e.getMessage().contains("linear"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Environments.bernoulli(Tensor.vector(0.5, 1.2)));
    assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Environments.bernoulli(Tensor.matrix(new double[][] {{0.1, 0.2}})));
    assertEquals("bandit.bernoulli: means must be a vector (one value per arm), got shape [1, 2]", e.getMessage());
  }

  @Test
  void regretBandsOverRuns() {
    Tensor curves = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 9}});
    Map<String, Object> b = Simulator.regret(curves, 0.95);
    assertEquals(5, ((Tensor) b.get("mean")).at(1), 1e-15);
    // t_{0.975, 2} = 4.302652729911275; sd of (2, 4, 9) = sqrt(13)
    double hw = 4.302652729911275 * Math.sqrt(13) / Math.sqrt(3);
    assertEquals(5 + hw, d(b.get("final_hi")), 1e-9);
    Map<String, Object> r = run(Environments.bernoulli(Tensor.vector(0.5, 0.4)), Policies.ucb1(2), 100, 4, 11);
    assertEquals(d(r.get("final_mean")), d(Simulator.regret(r, 0.95).get("final_mean")), 0);
    // runs are seeded by index: the same seed gives the same curves
    Map<String, Object> again = run(Environments.bernoulli(Tensor.vector(0.5, 0.4)), Policies.ucb1(2), 100, 4, 11);
    assertEquals(r.get("regret"), again.get("regret"));
  }
}
