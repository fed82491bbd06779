package dev.exp.mdp;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mdp.value_iteration}, {@code mdp.policy_iteration}, {@code mdp.policy_evaluation}: discounted MDPs. */
public final class MdpKernels {
  private MdpKernels() {}

  static final String LAYOUT = " P is [S, A, S] with P[s, a, s'] = Pr(s' | s, a) (each row sums to 1); R is the "
      + "expected reward [S, A] or a reward per transition [S, A, S]; gamma in [0, 1) is the discount.";

  @Kernel(name = "mdp.value_iteration", doc = "Solves a discounted MDP by value iteration V ← max_a (R + γ·P·V)."
      + LAYOUT + " Stops when the sup-norm change of V is <= tol·(1 − γ)/(2γ) (then the greedy policy is "
      + "tol-optimal; default tol 1e-8) or after max_iter (default 100000) sweeps. Returns {values [S], policy [S] "
      + "(greedy action indices), q [S, A], iterations, converged, residuals (the sup-norm changes), reason}. "
      + "Example: mdp.value_iteration(g.P, g.R, 0.9).policy with g = mdp.gridworld(4, 4)")
  public static Map<String, Object> valueIteration(@Arg("P") Tensor p, @Arg("R") Tensor r, @Arg("gamma") double gamma,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "100000") int maxIter) {
    String fn = "mdp.value_iteration";
    Mdp m = Mdp.of(p, r, gamma, fn);
    if (!(tol > 0) || maxIter < 1) {
      throw KernelException.of("%s: need tol > 0 and max_iter >= 1, got tol = %s, max_iter = %d", fn, tol, maxIter);
    }
    KernelContext ctx = KernelContext.current();
    double stop = gamma == 0 ? Double.POSITIVE_INFINITY : tol * (1 - gamma) / (2 * gamma);
    double[] v = new double[m.s];
    double[] q = null;
    double[] hist = new double[Math.min(maxIter, 1024)];
    int it = 0;
    boolean converged = false;
    while (it < maxIter) {
      ctx.poll();
      q = m.q(v);
      double delta = 0;
      for (int i = 0; i < m.s; i++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m.a; k++) {
          best = Math.max(best, q[i * m.a + k]);
        }
        delta = Math.max(delta, Math.abs(best - v[i]));
        v[i] = best;
      }
      if (it == hist.length) {
        hist = Arrays.copyOf(hist, Math.min(maxIter, 2 * hist.length));
      }
      hist[it++] = delta;
      if (delta <= stop) {
        converged = true;
        break;
      }
    }
    q = m.q(v);
    Map<String, Object> out = record(m, v, q, m.greedy(q), it, converged);
    out.put("residuals", Tensor.wrap(new int[] {it}, Arrays.copyOf(hist, it)));
    out.put("reason", converged ? "tolerance reached" : "max_iter reached");
    return out;
  }

  @Kernel(name = "mdp.policy_iteration", doc = "Solves a discounted MDP by Howard's policy iteration: exact policy "
      + "evaluation (a linear solve of (I − γ·P_π)·V = R_π) then greedy improvement, until the policy is stable "
      + "(at most max_iter rounds, default 1000; a finite MDP needs few)." + LAYOUT + " Starts from the greedy "
      + "policy of R. Returns {values, policy, q, iterations, converged, reason}; the values satisfy the Bellman "
      + "optimality equation to rounding. Example: mdp.policy_iteration(m.P, m.R, 0.95) with m = mdp.random(20, 4, "
      + "seed: 1)")
  public static Map<String, Object> policyIteration(@Arg("P") Tensor p, @Arg("R") Tensor r,
      @Arg("gamma") double gamma, @Arg(value = "max_iter", dflt = "1000") int maxIter) {
    String fn = "mdp.policy_iteration";
    Mdp m = Mdp.of(p, r, gamma, fn);
    KernelContext ctx = KernelContext.current();
    int[] pi = m.greedy(m.r);
    double[] v = null;
    double[] q = null;
    int it = 0;
    boolean converged = false;
    while (it < maxIter) {
      ctx.poll();
      it++;
      v = m.evaluate(m.oneHot(pi));
      q = m.q(v);
      int[] next = m.greedy(q);
      // keep the current action when it is still (numerically) optimal: no cycling between tied actions
      for (int i = 0; i < m.s; i++) {
        double cur = q[i * m.a + pi[i]];
        double best = q[i * m.a + next[i]];
        if (best <= cur + 1e-12 * Math.max(1, Math.abs(cur))) {
          next[i] = pi[i];
        }
      }
      if (Arrays.equals(next, pi)) {
        converged = true;
        break;
      }
      pi = next;
    }
    if (v == null) {
      throw KernelException.of("%s: max_iter must be >= 1, got %d", fn, maxIter);
    }
    Map<String, Object> out = record(m, v, q, pi, it, converged);
    out.put("reason", converged ? "policy stable" : "max_iter reached");
    return out;
  }

  @Kernel(name = "mdp.policy_evaluation", doc = "The value V^π of a fixed policy by solving (I − γ·P_π)·V = R_π "
      + "exactly." + LAYOUT + " policy: a vector [S] of action indices or a stochastic policy [S, A] (rows sum to "
      + "1). Returns {values [S], q [S, A] (Q^π = R + γ·P·V^π)}. Example: mdp.policy_evaluation(P, R, [0, 1], 0.9)")
  public static Map<String, Object> policyEvaluation(@Arg("P") Tensor p, @Arg("R") Tensor r,
      @Arg("policy") Tensor policy, @Arg("gamma") double gamma) {
    String fn = "mdp.policy_evaluation";
    Mdp m = Mdp.of(p, r, gamma, fn);
    double[] w;
    if (policy != null && !policy.isComplex() && policy.rank() == 1 && policy.dim(0) == m.s) {
      int[] pi = new int[m.s];
      for (int i = 0; i < m.s; i++) {
        double x = policy.at(i);
        if (x != Math.rint(x) || x < 0 || x >= m.a) {
          throw KernelException.of("%s: policy[%d] = %s is not an action index in 0..%d", fn, i, x, m.a - 1);
        }
        pi[i] = (int) x;
      }
      w = m.oneHot(pi);
    } else if (policy != null && !policy.isComplex() && policy.rank() == 2 && policy.dim(0) == m.s
        && policy.dim(1) == m.a) {
      w = policy.raw().clone();
      for (int i = 0; i < m.s; i++) {
        double sum = 0;
        for (int k = 0; k < m.a; k++) {
          sum += w[i * m.a + k];
          if (!(w[i * m.a + k] >= 0)) {
            throw KernelException.of("%s: policy[%d, %d] = %s is not a probability", fn, i, k, w[i * m.a + k]);
          }
        }
        if (Math.abs(sum - 1) > 1e-9) {
          throw KernelException.of("%s: the policy row %d sums to %s, not 1", fn, i, sum);
        }
      }
    } else {
      throw KernelException.of("%s: policy must be [S] = [%d] action indices or [S, A] = [%d, %d] probabilities, got %s",
          fn, m.s, m.s, m.a, Values.describe(policy));
    }
    double[] v = m.evaluate(w);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.wrap(new int[] {m.s}, v));
    out.put("q", Tensor.wrap(new int[] {m.s, m.a}, m.q(v)));
    return out;
  }

  private static Map<String, Object> record(Mdp m, double[] v, double[] q, int[] pi, int it, boolean converged) {
    double[] pol = new double[m.s];
    for (int i = 0; i < m.s; i++) {
      pol[i] = pi[i];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("values", Tensor.wrap(new int[] {m.s}, v.clone()));
    out.put("policy", Tensor.wrap(new int[] {m.s}, pol));
    out.put("q", Tensor.wrap(new int[] {m.s, m.a}, q));
    out.put("iterations", (double) it);
    out.put("converged", converged);
    return out;
  }
}
