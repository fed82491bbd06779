package dev.exp.bandit;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** The per-run state of the stochastic policies (L19): ε-greedy, UCB1, KL-UCB, Thompson, successive elimination. */
final class StochasticLearners {
  private StochasticLearners() {}

  /** Base: counts and sums, every arm pulled once first (in order), then {@link #choose}. */
  abstract static class IndexLearner implements Learner {
    final Counts c;

    IndexLearner(int k) {
      c = new Counts(k);
    }

    IndexLearner(IndexLearner o) {
      c = new Counts(o.c);
    }

    @Override
    public int select(int t, double[] features, Rng rng) {
      int u = c.unpulled();
      return u >= 0 ? u : choose(rng);
    }

    abstract int choose(Rng rng);

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      c.add(arm, reward);
    }

    @Override
    public Map<String, Object> fields() {
      return c.fields();
    }
  }

  static final class EpsilonGreedy extends IndexLearner {
    private final double eps;

    EpsilonGreedy(int k, double eps) {
      super(k);
      this.eps = eps;
    }

    EpsilonGreedy(EpsilonGreedy o) {
      super(o);
      this.eps = o.eps;
    }

    @Override
    public int select(int t, double[] features, Rng rng) {
      // explore uniformly with probability ε (every round, as the textbook policy); else greedy
      if (rng.nextDouble() < eps) {
        return rng.nextInt(c.n.length);
      }
      return super.select(t, features, rng);
    }

    @Override
    int choose(Rng rng) {
      double[] m = new double[c.n.length];
      for (int a = 0; a < m.length; a++) {
        m[a] = c.mean(a);
      }
      return Counts.argmax(m);
    }

    @Override
    public Learner copy() {
      return new EpsilonGreedy(this);
    }
  }

  static final class Ucb1 extends IndexLearner {
    private final double coef;

    Ucb1(int k, double coef) {
      super(k);
      this.coef = coef;
    }

    Ucb1(Ucb1 o) {
      super(o);
      this.coef = o.coef;
    }

    @Override
    int choose(Rng rng) {
      double lt = Math.log(c.t);
      double[] idx = new double[c.n.length];
      for (int a = 0; a < idx.length; a++) {
        idx[a] = c.mean(a) + Math.sqrt(coef * lt / c.n[a]);
      }
      return Counts.argmax(idx);
    }

    @Override
    public Learner copy() {
      return new Ucb1(this);
    }
  }

  static final class KlUcb extends IndexLearner {
    private final double cLogLog;

    KlUcb(int k, double cLogLog) {
      super(k);
      this.cLogLog = cLogLog;
    }

    KlUcb(KlUcb o) {
      super(o);
      this.cLogLog = o.cLogLog;
    }

    @Override
    int choose(Rng rng) {
      double lt = Math.log(c.t);
      double level = lt + (cLogLog > 0 && lt > 1 ? cLogLog * Math.log(lt) : 0);
      double[] idx = new double[c.n.length];
      for (int a = 0; a < idx.length; a++) {
        idx[a] = Kl.upper(c.mean(a), c.n[a], level);
      }
      return Counts.argmax(idx);
    }

    @Override
    public Learner copy() {
      return new KlUcb(this);
    }
  }

  static final class Thompson implements Learner {
    private final boolean beta;
    private final double sigma;
    private final Counts c;

    Thompson(int k, boolean beta, double sigma) {
      this.beta = beta;
      this.sigma = sigma;
      this.c = new Counts(k);
    }

    private Thompson(Thompson o) {
      this.beta = o.beta;
      this.sigma = o.sigma;
      this.c = new Counts(o.c);
    }

    @Override
    public int select(int t, double[] features, Rng rng) {
      double[] draw = new double[c.n.length];
      for (int a = 0; a < draw.length; a++) {
        if (beta) {
          // Beta(1 + successes, 1 + failures) posterior under a uniform prior
          double x = rng.nextGamma(1 + c.sum[a]);
          double y = rng.nextGamma(1 + c.n[a] - c.sum[a]);
          draw[a] = x / (x + y);
        } else {
          // Gaussian posterior N(mean, σ²/(n + 1)) under a N(0, σ²) prior
          draw[a] = c.sum[a] / (c.n[a] + 1) + sigma / Math.sqrt(c.n[a] + 1) * rng.nextGaussian();
        }
      }
      return Counts.argmax(draw);
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      c.add(arm, beta ? Math.min(1, Math.max(0, reward)) : reward);
    }

    @Override
    public Learner copy() {
      return new Thompson(this);
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> f = c.fields();
      if (beta) {
        double[] a = new double[c.n.length];
        double[] b = new double[c.n.length];
        for (int i = 0; i < a.length; i++) {
          a[i] = 1 + c.sum[i];
          b[i] = 1 + c.n[i] - c.sum[i];
        }
        f.put("alpha", Tensor.vector(a));
        f.put("beta", Tensor.vector(b));
      }
      return f;
    }
  }

  static final class SuccessiveElimination implements Learner {
    private final double delta;
    private final Counts c;
    private final boolean[] active;

    SuccessiveElimination(int k, double delta) {
      this.delta = delta;
      this.c = new Counts(k);
      this.active = new boolean[k];
      java.util.Arrays.fill(active, true);
    }

    private SuccessiveElimination(SuccessiveElimination o) {
      this.delta = o.delta;
      this.c = new Counts(o.c);
      this.active = o.active.clone();
    }

    @Override
    public int select(int t, double[] features, Rng rng) {
      int best = -1;
      for (int a = 0; a < active.length; a++) {
        if (active[a] && (best < 0 || c.n[a] < c.n[best])) {
          best = a;
        }
      }
      return best;
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      c.add(arm, reward);
      int n = -1;
      for (int a = 0; a < active.length; a++) {
        if (active[a]) {
          if (n >= 0 && c.n[a] != n) {
            return;
          }
          n = c.n[a];
        }
      }
      // a full sweep is done: drop arms whose upper bound is below the best lower bound
      double rad = Math.sqrt(Math.log(4.0 * active.length * (double) n * n / delta) / (2 * n));
      double bestLower = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < active.length; a++) {
        if (active[a]) {
          bestLower = Math.max(bestLower, c.mean(a) - rad);
        }
      }
      for (int a = 0; a < active.length; a++) {
        if (active[a] && c.mean(a) + rad < bestLower) {
          active[a] = false;
        }
      }
    }

    @Override
    public Learner copy() {
      return new SuccessiveElimination(this);
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> f = c.fields();
      double[] act = new double[active.length];
      for (int a = 0; a < act.length; a++) {
        act[a] = active[a] ? 1 : 0;
      }
      f.put("active", Tensor.vector(act));
      return f;
    }
  }
}
