package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Block coordinate descent with the selection rules of Nutini et al. ("Let's Make Block Coordinate
 * Descent Converge Faster"): cyclic, uniform random, Gauss–Southwell (largest block gradient) and
 * Gauss–Southwell–Lipschitz (largest ‖∇_b f‖/√L_b), with the 1/L_b gradient update (or the exact
 * block minimization on a quadratic).
 */
public final class BlockCoordinateDescent {
  private BlockCoordinateDescent() {}

  static final String RULES = " rule: \"cyclic\" (default), \"random\" (uniform, seeded), \"gauss_southwell\" "
      + "(the block with the largest ‖∇_b f‖) or \"gs_lipschitz\" (largest ‖∇_b f‖/√L_b). Blocks are consecutive runs "
      + "of block_size coordinates (default 1: coordinate descent). Stops when ‖∇f‖₂ ≤ tol (default 1e-8) or after "
      + "max_iter block updates (default 10000). Returns {x, iterations, residuals (‖∇f‖₂ after each update, "
      + "starting at x0), converged, reason, blocks (the chosen block per update)}.";

  @Kernel(name = "optim.bcd_quadratic", doc = "Block coordinate descent on f(x) = ½xᵀAx − bᵀx (A symmetric positive "
      + "definite). update \"exact\" (default) minimizes over the block (solve A_bb·d = −∇_b f; cyclic exact is "
      + "block Gauss–Seidel), \"gradient\" takes the step −∇_b f/L_b with L_b = λ_max(A_bb)." + RULES
      + " Example: optim.bcd_quadratic(A, b, zeros([n]), rule: \"gs_lipschitz\")")
  public static Map<String, Object> bcdQuadratic(@Arg("A") Tensor a, @Arg("b") Tensor b, @Arg("x0") Tensor x0,
      @Arg(value = "block_size", dflt = "1") int blockSize, @Arg(value = "rule", dflt = "\"cyclic\"") String rule,
      @Arg(value = "update", dflt = "\"exact\"") String update, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "10000") int maxIter, @Arg(value = "seed", dflt = "none") Rng rng,
      KernelContext ctx) {
    String fn = "optim.bcd_quadratic";
    int n = x0.size();
    if (a.rank() != 2 || a.dim(0) != n || a.dim(1) != n || b.size() != n) {
      throw KernelException.of("%s: A must be %d×%d and b have %d values (x0's size), got A %s, b %s", fn, n, n, n,
          Tensor.shapeString(a.shape()), Tensor.shapeString(b.shape()));
    }
    if (!update.equals("exact") && !update.equals("gradient")) {
      throw KernelException.of("%s: update must be \"exact\" or \"gradient\", got \"%s\"", fn, update);
    }
    checkRule(rule, fn);
    int[][] blocks = blocks(n, blockSize, fn);
    double[] av = a.raw();
    double[] x = MinimizeKernels.start(x0, fn);
    double[] g = Dense.mul(av, n, x);
    for (int i = 0; i < n; i++) {
      g[i] -= b.at(i);
    }
    double[] lips = new double[blocks.length];
    double[][] chol = new double[blocks.length][];
    for (int k = 0; k < blocks.length; k++) {
      double[] sub = sub(av, n, blocks[k]);
      int m = blocks[k].length;
      chol[k] = Dense.cholesky(sub, m, 0);
      if (chol[k] == null) {
        throw KernelException.of("%s: A is not positive definite (block %d is not)", fn, k);
      }
      lips[k] = lambdaMax(sub, m);
    }
    Selector sel = new Selector(rule, blocks, lips, rng == null ? new Rng(0) : rng);
    KernelContext c = MinimizeKernels.ctx(ctx);
    List<Double> res = new ArrayList<>();
    List<Double> chosen = new ArrayList<>();
    res.add(Vec.norm(g));
    int it = 0;
    while (it < maxIter && res.get(res.size() - 1) > tol) {
      if (it % 64 == 0) {
        c.poll();
      }
      int k = sel.next(g, it);
      int[] blk = blocks[k];
      int m = blk.length;
      double[] gb = new double[m];
      for (int i = 0; i < m; i++) {
        gb[i] = g[blk[i]];
      }
      double[] d;
      if (update.equals("exact")) {
        d = Dense.cholSolve(chol[k], m, gb);
        Vec.scale(-1, d);
      } else {
        d = gb;
        Vec.scale(-1 / lips[k], d);
      }
      for (int i = 0; i < m; i++) {
        int col = blk[i];
        x[col] += d[i];
        for (int r = 0; r < n; r++) {
          g[r] += av[r * n + col] * d[i];
        }
      }
      it++;
      chosen.add((double) k);
      res.add(Vec.norm(g));
    }
    return record(x, x0, it, res, chosen, tol);
  }

  @Kernel(name = "optim.bcd", doc = "Block coordinate descent on a smooth f: each update takes the block step "
      + "x_b ← x_b − ∇_b f(x)/L_b, where f(x) returns {value, grad} (the full gradient; its block is used) and "
      + "lipschitz gives the block Lipschitz constants L_b (a number for all blocks, or one per block)." + RULES
      + " Example: optim.bcd(f, zeros([n]), lipschitz: diag(A), rule: \"gauss_southwell\")")
  public static Map<String, Object> bcd(@Arg("f") Fn f, @Arg("x0") Tensor x0, @Arg("lipschitz") Tensor lipschitz,
      @Arg(value = "block_size", dflt = "1") int blockSize, @Arg(value = "rule", dflt = "\"cyclic\"") String rule,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "10000") int maxIter,
      @Arg(value = "seed", dflt = "none") Rng rng, KernelContext ctx) {
    String fn = "optim.bcd";
    checkRule(rule, fn);
    int n = x0.size();
    int[][] blocks = blocks(n, blockSize, fn);
    double[] lips = new double[blocks.length];
    for (int k = 0; k < blocks.length; k++) {
      lips[k] = lipschitz.size() == 1 ? lipschitz.at(0) : lipschitz.size() == blocks.length ? lipschitz.at(k) : -1;
      if (!(lips[k] > 0)) {
        throw KernelException.of("%s: lipschitz must be positive, one number or one per block (%d blocks), got %s", fn,
            blocks.length, Tensor.shapeString(lipschitz.shape()));
      }
    }
    Objective obj = new Objective(f, ctx, x0.shape(), fn);
    KernelContext c = MinimizeKernels.ctx(ctx);
    double[] x = MinimizeKernels.start(x0, fn);
    double[] g = obj.eval(x).grad();
    Selector sel = new Selector(rule, blocks, lips, rng == null ? new Rng(0) : rng);
    List<Double> res = new ArrayList<>();
    List<Double> chosen = new ArrayList<>();
    res.add(Vec.norm(g));
    int it = 0;
    while (it < maxIter && res.get(res.size() - 1) > tol) {
      c.poll();
      int k = sel.next(g, it);
      for (int i : blocks[k]) {
        x[i] -= g[i] / lips[k];
      }
      g = obj.eval(x).grad();
      it++;
      chosen.add((double) k);
      res.add(Vec.norm(g));
    }
    return record(x, x0, it, res, chosen, tol);
  }

  private static Map<String, Object> record(double[] x, Tensor x0, int it, List<Double> res, List<Double> chosen,
      double tol) {
    boolean conv = res.get(res.size() - 1) <= tol;
    Map<String, Object> r = Results.iterative(Tensor.wrap(x0.shape(), x), it, res, conv, conv ? "tolerance reached"
        : "max_iter reached");
    r.put("blocks", Results.vector(chosen));
    return r;
  }

  /** The block-selection rule. */
  private static final class Selector {
    private final String rule;
    private final int[][] blocks;
    private final double[] lips;
    private final Rng rng;

    Selector(String rule, int[][] blocks, double[] lips, Rng rng) {
      this.rule = rule;
      this.blocks = blocks;
      this.lips = lips;
      this.rng = rng;
    }

    int next(double[] g, int it) {
      switch (rule) {
        case "cyclic":
          return it % blocks.length;
        case "random":
          return (int) Math.min(blocks.length - 1, Math.floor(rng.nextDouble() * blocks.length));
        default:
          int best = 0;
          double bv = -1;
          for (int k = 0; k < blocks.length; k++) {
            double s = 0;
            for (int i : blocks[k]) {
              s += g[i] * g[i];
            }
            double v = rule.equals("gs_lipschitz") ? s / lips[k] : s;
            if (v > bv) {
              bv = v;
              best = k;
            }
          }
          return best;
      }
    }
  }

  private static void checkRule(String rule, String fn) {
    if (!List.of("cyclic", "random", "gauss_southwell", "gs_lipschitz").contains(rule)) {
      throw KernelException.of("%s: rule must be \"cyclic\", \"random\", \"gauss_southwell\" or \"gs_lipschitz\", got "
          + "\"%s\"", fn, rule);
    }
  }

  private static int[][] blocks(int n, int size, String fn) {
    if (size < 1 || size > n) {
      throw KernelException.of("%s: block_size must be in [1, %d], got %d", fn, n, size);
    }
    int count = (n + size - 1) / size;
    int[][] b = new int[count][];
    for (int k = 0; k < count; k++) {
      int lo = k * size;
      int hi = Math.min(n, lo + size);
      b[k] = new int[hi - lo];
      for (int i = lo; i < hi; i++) {
        b[k][i - lo] = i;
      }
    }
    return b;
  }

  private static double[] sub(double[] a, int n, int[] idx) {
    int m = idx.length;
    double[] s = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        s[i * m + j] = a[idx[i] * n + idx[j]];
      }
    }
    return s;
  }

  /** λ_max of a small SPD matrix by power iteration. */
  static double lambdaMax(double[] a, int m) {
    if (m == 1) {
      return a[0];
    }
    double[] v = new double[m];
    java.util.Arrays.fill(v, 1 / Math.sqrt(m));
    double lam = 0;
    for (int k = 0; k < 200; k++) {
      double[] w = Dense.mul(a, m, v);
      double nw = Vec.norm(w);
      if (nw == 0) {
        return 0;
      }
      double next = Vec.dot(v, w);
      Vec.scale(1 / nw, w);
      v = w;
      if (Math.abs(next - lam) <= 1e-12 * Math.abs(next)) {
        return next;
      }
      lam = next;
    }
    return lam * 1.0001;
  }
}
