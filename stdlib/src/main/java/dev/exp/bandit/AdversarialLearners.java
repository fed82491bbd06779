package dev.exp.bandit;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-run state of the experts and adversarial bandit algorithms (L20): Hedge, EXP3, EXP3-IX. */
final class AdversarialLearners {
  private AdversarialLearners() {}

  /** Draws an index from probabilities p. */
  static int sample(double[] p, Rng rng) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int i = 0; i < p.length; i++) {
      acc += p[i];
      if (u < acc) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** softmax(scale · v), stably. */
  static double[] softmax(double[] v, double scale) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, scale * x);
    }
    double[] p = new double[v.length];
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      p[i] = Math.exp(scale * v[i] - m);
      s += p[i];
    }
    for (int i = 0; i < v.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  /** Base: cumulative (estimated) gains G and the play distribution derived from them. */
  abstract static class Weighted implements Learner {
    final double[] g;
    int t;

    Weighted(int k) {
      g = new double[k];
    }

    Weighted(Weighted o) {
      g = o.g.clone();
      t = o.t;
    }

    abstract double[] probabilities();

    @Override
    public int select(int round, double[] features, Rng rng) {
      return sample(probabilities(), rng);
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("probabilities", Tensor.vector(probabilities()));
      f.put("gains", Tensor.vector(g.clone()));
      f.put("t", (double) t);
      return f;
    }
  }

  /** Hedge / multiplicative weights with full information: p ∝ exp(η G), G the cumulative rewards. */
  static final class Hedge extends Weighted {
    private final double eta;

    Hedge(int k, double eta) {
      super(k);
      this.eta = eta;
    }

    private Hedge(Hedge o) {
      super(o);
      this.eta = o.eta;
    }

    @Override
    double[] probabilities() {
      return softmax(g, eta);
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      if (all == null) {
        throw new KernelException("hedge needs every arm's reward of the round (full information): pass rewards");
      }
      if (all.length != g.length) {
        throw KernelException.of("hedge: rewards has %d values for %d arms", all.length, g.length);
      }
      for (int i = 0; i < g.length; i++) {
        g[i] += all[i];
      }
      t++;
    }

    @Override
    public Learner copy() {
      return new Hedge(this);
    }
  }

  /** EXP3 (Auer et al. 2002): p = (1 − γ) softmax(γ Ĝ / K) + γ/K with importance-weighted gains Ĝ. */
  static final class Exp3 extends Weighted {
    private final double gamma;

    Exp3(int k, double gamma) {
      super(k);
      this.gamma = gamma;
    }

    private Exp3(Exp3 o) {
      super(o);
      this.gamma = o.gamma;
    }

    @Override
    double[] probabilities() {
      int k = g.length;
      double[] p = softmax(g, gamma / k);
      for (int i = 0; i < k; i++) {
        p[i] = (1 - gamma) * p[i] + gamma / k;
      }
      return p;
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      g[arm] += reward / probabilities()[arm];
      t++;
    }

    @Override
    public Learner copy() {
      return new Exp3(this);
    }
  }

  /**
   * EXP3-IX (Neu 2015): p ∝ exp(−η L̂) over estimated losses L̂ with implicit exploration, the loss
   * 1 − reward of the pulled arm divided by p + γ.
   */
  static final class Exp3Ix extends Weighted {
    private final double eta;
    private final double gamma;

    Exp3Ix(int k, double eta, double gamma) {
      super(k);
      this.eta = eta;
      this.gamma = gamma;
    }

    private Exp3Ix(Exp3Ix o) {
      super(o);
      this.eta = o.eta;
      this.gamma = o.gamma;
    }

    @Override
    double[] probabilities() {
      return softmax(g, eta);
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      double p = probabilities()[arm];
      g[arm] -= (1 - reward) / (p + gamma);
      t++;
    }

    @Override
    public Learner copy() {
      return new Exp3Ix(this);
    }
  }
}
