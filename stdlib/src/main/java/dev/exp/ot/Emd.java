package dev.exp.ot;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.lp.LinearAssignment;
import dev.exp.lp.TransportLp;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ot.emd}: exact discrete optimal transport (earth mover's distance) for small problems. */
public final class Emd {
  private Emd() {}

  /** The largest n·m solved by the simplex (dense tableau); larger problems are refused with a hint. */
  static final int MAX_SIMPLEX_CELLS = 4096;

  @Kernel(name = "ot.emd", doc = "Exact optimal transport: the plan P [n, m] >= 0 with row sums a and column sums b "
      + "(none means uniform 1/n, 1/m; equal totals) that minimises ⟨P, C⟩. Equal sizes with uniform weights "
      + "reduce to linear assignment (optim.linear_sum_assignment, any n; the plan is a permutation matrix times "
      + "1/n); other weights are solved as a transportation LP by the simplex (optim.linprog's engine), for "
      + "n·m <= 4096. Returns {plan, cost (⟨P, C⟩), method (\"assignment\" or \"simplex\")}. Example: "
      + "ot.emd([0.5, 0.5], [0.25, 0.75], [[0, 1], [1, 0]]).cost is 0.25")
  public static Map<String, Object> emd(@Arg(value = "a", dflt = "none") Tensor a, @Arg(value = "b", dflt = "none") Tensor b,
      @Arg("C") Tensor c) {
    String fn = "ot.emd";
    Marginals mg = Marginals.of(a, b, c, fn);
    KernelContext k = KernelContext.current();
    int n = mg.n;
    int m = mg.m;
    double[] plan;
    String method;
    if (mg.uniform) {
      LinearAssignment.Solution s = LinearAssignment.solve(mg.cost.clone(), n, m, k);
      plan = new double[n * m];
      for (int i = 0; i < n; i++) {
        plan[i * m + s.col4row[i]] = mg.a[i];
      }
      method = "assignment";
    } else {
      if ((long) n * m > MAX_SIMPLEX_CELLS) {
        throw KernelException.of("%s: non-uniform weights are solved by the simplex up to n·m = %d cells, got C [%d, "
            + "%d]; use ot.sinkhorn with a small epsilon for larger problems", fn, MAX_SIMPLEX_CELLS, n, m);
      }
      plan = TransportLp.solve(mg.a, mg.b, mg.cost, n, m, k);
      method = "simplex";
    }
    double cost = 0;
    for (int q = 0; q < plan.length; q++) {
      cost += plan[q] * mg.cost[q];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("plan", Tensor.wrap(new int[] {n, m}, plan));
    r.put("cost", cost);
    r.put("method", method);
    return r;
  }
}
