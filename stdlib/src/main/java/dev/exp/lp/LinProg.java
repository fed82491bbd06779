package dev.exp.lp;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code optim.linprog}: dense linear programs min cᵀx subject to A_ub·x <= b_ub, A_eq·x = b_eq and
 * bounds, with SciPy's result record (status, duals with HiGHS' sign convention, slacks).
 */
public final class LinProg {
  private LinProg() {}

  @Kernel(name = "optim.linprog", doc = "Solves the linear program min cᵀx subject to A_ub·x <= b_ub, A_eq·x = b_eq "
      + "and lo <= x <= hi, like scipy.optimize.linprog. bounds: none (default: 0 <= x, SciPy's default), one pair "
      + "[lo, hi] for every variable, a list of n pairs, or a tensor [n, 2]; none or ±inf in a pair means unbounded. "
      + "Engine: the two-phase simplex of Hipparchus (Bland's rule) on the primal, then on the dual for the "
      + "multipliers. Returns {x, fun, status (\"optimal\", \"infeasible\", \"unbounded\" or \"iteration limit\"), "
      + "success, message, slack (b_ub − A_ub·x), con (b_eq − A_eq·x), duals {ineqlin, eqlin, lower, upper} "
      + "(the marginals ∂fun/∂b of SciPy's HiGHS: ineqlin and upper <= 0, lower >= 0), iterations}; x, fun and the "
      + "duals are none unless the status is \"optimal\". Example: optim.linprog([-1, 4], A_ub: [[-3, 1], [1, 2]], "
      + "b_ub: [6, 4], bounds: [[none, none], [-3, none]]).fun is -22")
  public static Map<String, Object> linprog(@Arg("c") Tensor c, @Arg(value = "A_ub", dflt = "none") Tensor aUb,
      @Arg(value = "b_ub", dflt = "none") Tensor bUb, @Arg(value = "A_eq", dflt = "none") Tensor aEq,
      @Arg(value = "b_eq", dflt = "none") Tensor bEq, @Arg(value = "bounds", dflt = "none") Object bounds,
      @Arg(value = "max_iter", dflt = "100000") int maxIter) {
    String fn = "optim.linprog";
    LpProblem p = LpProblem.of(c, aUb, bUb, aEq, bEq, bounds, fn);
    LpSolution s = SimplexEngine.solve(p, maxIter, KernelContext.current());
    return record(p, s);
  }

  /** The result record of a solved problem. */
  static Map<String, Object> record(LpProblem p, LpSolution s) {
    Map<String, Object> r = new LinkedHashMap<>();
    boolean ok = s.status.equals("optimal");
    r.put("x", ok ? Tensor.wrap(new int[] {p.n}, s.x) : null);
    r.put("fun", ok ? s.fun : null);
    r.put("status", s.status);
    r.put("success", ok);
    r.put("message", s.message);
    r.put("slack", ok ? Tensor.wrap(new int[] {p.mUb}, p.slack(s.x)) : null);
    r.put("con", ok ? Tensor.wrap(new int[] {p.mEq}, p.con(s.x)) : null);
    if (ok && s.duals != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("ineqlin", Tensor.wrap(new int[] {p.mUb}, s.duals[0]));
      d.put("eqlin", Tensor.wrap(new int[] {p.mEq}, s.duals[1]));
      d.put("lower", Tensor.wrap(new int[] {p.n}, s.duals[2]));
      d.put("upper", Tensor.wrap(new int[] {p.n}, s.duals[3]));
      r.put("duals", d);
    } else {
      r.put("duals", null);
    }
    r.put("iterations", (double) s.iterations);
    return r;
  }
}
