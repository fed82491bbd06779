package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conjugate-direction method with supplied search directions (S04): each direction from a script
 * function is A-orthogonalised against all previous ones (twice), then x moves to the minimum of the
 * energy along it. With any generator whose directions keep spanning new dimensions it ends in at most n
 * steps; with d_k = r_k it is CG with full reorthogonalisation.
 */
public final class ConjugateDirections {
  private ConjugateDirections() {}

  @Kernel(name = "solvers.conjugate_directions", doc = "Solves A x = b (A symmetric positive definite) along search "
      + "directions you supply: directions(r, k) returns a vector for the current residual r at step k (0-based), "
      + "e.g. a random vector, the residual, or a learned/smoothed correction. Each is A-orthogonalised against all "
      + "previous directions (classical Gram–Schmidt in the A inner product, applied twice; memory 2·n·steps), then "
      + "x ← x + α p with α = pᵀr/pᵀAp (exact line search on the energy). Finite termination: in exact arithmetic at "
      + "most n steps whatever the generator, unless a direction is A-dependent on the previous ones (it is then "
      + "skipped; after n skips in a row the solve stops with reason \"breakdown: ...\"). Stops at relative residual "
      + "<= tol (default 1e-8) or after max_iter steps (default 2n). Returns {x, iterations, residuals, converged, "
      + "reason}. Example: solvers.conjugate_directions(a, b, (r, k) => randn([len(b)], seed: k))")
  public static Map<String, Object> conjugateDirections(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg("directions") Fn directions, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      KernelContext ctx) {
    String fn = "solvers.conjugate_directions";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    op.requireSymmetric();
    int n = op.n;
    int max = maxIter == null ? 2 * n : Outcome.checkLimits(tol, maxIter, n, fn);
    Outcome.checkLimits(tol, max, n, fn);
    double[] bv = b.toArray();
    double[] x = Outcome.start(x0, n, fn);
    double bn = Outcome.scale(bv);
    double[] r = new double[n];
    double rn = Vec.residual(op, bv, x, r);
    Outcome out = new Outcome();
    out.record(rn / bn);
    List<double[]> ps = new ArrayList<>();
    List<double[]> aps = new ArrayList<>();
    List<Double> pap = new ArrayList<>();
    int it = 0;
    int skipped = 0;
    while (rn > tol * bn) {
      if (it >= max) {
        return out.result(x, it, false, Outcome.MAX_ITER);
      }
      ctx.poll();
      Object d = ctx.call(directions, Tensor.wrap(new int[] {n}, r.clone()), (double) it);
      if (!(d instanceof Tensor t) || t.size() != n || t.isComplex()) {
        throw KernelException.of("%s: directions(r, k) must return a real vector of length %d, got %s", fn, n,
            Values.describe(d));
      }
      double[] p = t.toArray();
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(p[i])) {
          throw KernelException.of("%s: directions(r, %d) returned %s at index %d (directions must be finite)", fn, it,
              dev.exp.tensor.TensorArgs.fmt(p[i]), i);
        }
      }
      double[] ap = new double[n];
      op.apply(p, ap);
      double before = Math.sqrt(Math.abs(Vec.dot(p, ap)));
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < ps.size(); j++) {
          double c = Vec.dot(aps.get(j), p) / pap.get(j);
          Vec.axpy(-c, ps.get(j), p);
          Vec.axpy(-c, aps.get(j), ap);
        }
      }
      double curv = Vec.dot(p, ap);
      it++;
      if (!(curv > 1e-24 * before * before) || !(curv > 0)) {
        out.record(rn / bn);
        if (++skipped >= n) {
          return out.result(x, it, false, "breakdown: " + n + " directions in a row were A-dependent on the previous ones");
        }
        continue;
      }
      skipped = 0;
      double alpha = Vec.dot(p, r) / curv;
      double rr = 0;
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        double ri = r[i] - alpha * ap[i];
        r[i] = ri;
        rr += ri * ri;
      }
      rn = Math.sqrt(rr);
      out.record(rn / bn);
      ps.add(p);
      aps.add(ap);
      pap.add(curv);
    }
    return out.result(x, it, true, Outcome.TOLERANCE);
  }
}
