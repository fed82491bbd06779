package dev.exp.mdp;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mdp.random} and {@code mdp.gridworld}: seeded and textbook MDPs in the [S, A, S] layout. */
public final class MdpModels {
  private MdpModels() {}

  @Kernel(name = "mdp.random", doc = "A random MDP with n_states states and n_actions actions: each row P[s, a, :] "
      + "is drawn from a symmetric Dirichlet(concentration) (default 1: uniform on the simplex), each reward R[s, a] "
      + "uniformly from [0, 1). Returns {P [S, A, S], R [S, A]}. Example: mdp.random(10, 3, seed: 7).P")
  public static Map<String, Object> random(@Arg("n_states") int ns, @Arg("n_actions") int na,
      @Arg(value = "concentration", dflt = "1") double conc, @Arg(value = "seed", dflt = "none") Rng rng) {
    if (ns < 1 || na < 1 || (long) ns * ns * na > 50_000_000L) {
      throw KernelException.of("mdp.random: need n_states >= 1, n_actions >= 1 and S·A·S <= 5e7, got %d states, %d "
          + "actions", ns, na);
    }
    if (!(conc > 0) || Double.isInfinite(conc)) {
      throw KernelException.of("mdp.random: concentration must be positive, got %s", conc);
    }
    Rng r = rng == null ? new Rng(0) : rng;
    double[] p = new double[ns * na * ns];
    double[] rw = new double[ns * na];
    for (int q = 0; q < ns * na; q++) {
      double sum = 0;
      for (int t = 0; t < ns; t++) {
        double g = r.nextGamma(conc);
        p[q * ns + t] = g;
        sum += g;
      }
      if (sum == 0) {
        p[q * ns + r.nextInt(ns)] = 1;
        sum = 1;
      }
      for (int t = 0; t < ns; t++) {
        p[q * ns + t] /= sum;
      }
      rw[q] = r.nextDouble();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("P", Tensor.wrap(new int[] {ns, na, ns}, p));
    out.put("R", Tensor.wrap(new int[] {ns, na}, rw));
    return out;
  }

  @Kernel(name = "mdp.gridworld", doc = "A rows × cols gridworld: state s = row·cols + col, actions 0 up, 1 right, "
      + "2 down, 3 left; a move into the border stays put. With probability slip (default 0) the move goes in a "
      + "uniformly random other direction. Reaching the goal (default the last state, bottom right) pays reward "
      + "(default 1); every other step pays step_reward (default 0); the goal is absorbing with reward 0. With "
      + "slip 0 the optimal value of a state at Manhattan distance k >= 1 from the goal is reward·γ^(k−1) "
      + "(when step_reward = 0). Returns {P [S, 4, S], R [S, 4], rows, cols, goal}. Example: mdp.gridworld(4, 4, "
      + "slip: 0.1)")
  public static Map<String, Object> gridworld(@Arg("rows") int rows, @Arg("cols") int cols,
      @Arg(value = "slip", dflt = "0") double slip, @Arg(value = "goal", dflt = "none") Integer goal,
      @Arg(value = "reward", dflt = "1") double reward, @Arg(value = "step_reward", dflt = "0") double stepReward) {
    if (rows < 1 || cols < 1 || (long) rows * cols > 2500) {
      throw KernelException.of("mdp.gridworld: need 1 <= rows·cols <= 2500, got %d × %d", rows, cols);
    }
    int ns = rows * cols;
    int g = goal == null ? ns - 1 : goal;
    if (g < 0 || g >= ns) {
      throw KernelException.of("mdp.gridworld: goal must be a state in 0..%d, got %d", ns - 1, g);
    }
    if (!(slip >= 0 && slip <= 1)) {
      throw KernelException.of("mdp.gridworld: slip must be in [0, 1], got %s", slip);
    }
    int[] dr = {-1, 0, 1, 0};
    int[] dc = {0, 1, 0, -1};
    double[] p = new double[ns * 4 * ns];
    double[] rw = new double[ns * 4];
    for (int s = 0; s < ns; s++) {
      for (int a = 0; a < 4; a++) {
        int base = (s * 4 + a) * ns;
        if (s == g) {
          p[base + s] = 1;
          continue;
        }
        for (int d = 0; d < 4; d++) {
          double w = d == a ? 1 - slip : slip / 3;
          if (w == 0) {
            continue;
          }
          int r = s / cols + dr[d];
          int c = s % cols + dc[d];
          int t = r < 0 || r >= rows || c < 0 || c >= cols ? s : r * cols + c;
          p[base + t] += w;
        }
        rw[s * 4 + a] = p[base + g] * reward + (1 - p[base + g]) * stepReward;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("P", Tensor.wrap(new int[] {ns, 4, ns}, p));
    out.put("R", Tensor.wrap(new int[] {ns, 4}, rw));
    out.put("rows", (double) rows);
    out.put("cols", (double) cols);
    out.put("goal", (double) g);
    return out;
  }
}
