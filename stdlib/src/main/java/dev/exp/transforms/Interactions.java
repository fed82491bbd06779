package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * Attribution and interaction indices of a game from its Möbius coefficients a (Harsanyi
 * dividends): Shapley and Banzhaf values, the Shapley and Banzhaf interaction indices, the
 * Shapley–Taylor index and the Faithful (Faith-) Shapley and Banzhaf interaction indices of order k.
 */
public final class Interactions {
  private Interactions() {}

  static final String A_DOC = " a: the Möbius coefficients, a vector of length 2^n indexed by subset masks "
      + "(bit i for player i; see transforms.mobius), e.g. transforms.mobius(values) for a game tabulated on all "
      + "coalitions.";

  @Kernel(name = "transforms.shapley", doc = "Shapley values from Möbius coefficients: φ_i = Σ_{S ∋ i} a(S)/|S|. "
      + "They satisfy efficiency: Σ_i φ_i = v(N) − v(∅)." + A_DOC + " Returns a vector [n]. "
      + "Example: transforms.shapley(transforms.mobius([0, 1, 2, 4])) is [1.5, 2.5]")
  public static Tensor shapley(@Arg("a") Tensor a) {
    return values(a, false, "transforms.shapley");
  }

  @Kernel(name = "transforms.banzhaf", doc = "Banzhaf values from Möbius coefficients: β_i = Σ_{S ∋ i} "
      + "a(S)/2^(|S|−1), the mean marginal contribution of i over all coalitions of the others." + A_DOC
      + " Returns a vector [n]. Example: transforms.banzhaf(transforms.mobius([0, 1, 2, 4])) is [1.5, 2.5]")
  public static Tensor banzhaf(@Arg("a") Tensor a) {
    return values(a, true, "transforms.banzhaf");
  }

  @Kernel(name = "transforms.interactions", doc = "Interaction indices I(T) of all coalitions T with |T| <= order, "
      + "from Möbius coefficients. index: \"shapley\" (Grabisch's Shapley interaction index, I(T) = Σ_{S ⊇ T} "
      + "a(S)/(|S| − |T| + 1)), \"banzhaf\" (I(T) = Σ_{S ⊇ T} a(S)/2^(|S|−|T|)), \"shapley_taylor\" (order k: "
      + "I(T) = a(T) for |T| < k, Σ_{S ⊇ T} a(S)/C(|S|, k) for |T| = k), \"faith_shapley\" or \"faith_banzhaf\" "
      + "(the Faith-Shap / Faith-Banzhaf indices of Tsai et al. 2023: the best order-k polynomial approximation "
      + "of the game in the Shapley-kernel or uniform weighted least squares, in closed form from a)." + A_DOC
      + " Returns a vector [2^n] indexed like a, zero for |T| > order; order 1 gives the Shapley (Banzhaf) values "
      + "at the singletons for shapley, shapley_taylor and faith_shapley (banzhaf, faith_banzhaf). "
      + "Example: transforms.interactions(a, order: 2, index: \"shapley_taylor\")")
  public static Tensor interactions(@Arg("a") Tensor a, @Arg(value = "order", dflt = "2") int order,
      @Arg(value = "index", dflt = "\"shapley\"") String index) {
    String fn = "transforms.interactions";
    int len = vector(a, fn);
    int n = Hadamard.log2(len);
    if (order < 0 || order > n) {
      throw KernelException.of("%s: order must be in [0, n] = [0, %d], got %d", fn, n, order);
    }
    double[] c = a.raw();
    double[] out = new double[len];
    int k = order;
    for (int s = 0; s < len; s++) {
      double as = c[s];
      if (as == 0) {
        continue;
      }
      int sz = Integer.bitCount(s);
      // every T ⊆ S with |T| <= k receives a share of a(S)
      for (int t = s; ; t = (t - 1) & s) {
        int tz = Integer.bitCount(t);
        if (tz <= k) {
          out[t] += as * weight(index, sz, tz, k, fn);
        }
        if (t == 0) {
          break;
        }
      }
    }
    return Tensor.wrap(new int[] {len}, out);
  }

  /** The share of a(S) (|S| = s) that goes to T ⊆ S (|T| = t <= k). */
  static double weight(String index, int s, int t, int k, String fn) {
    switch (index) {
      case "shapley":
        return 1.0 / (s - t + 1);
      case "banzhaf":
        return Math.pow(0.5, s - t);
      case "shapley_taylor":
        if (t < k) {
          return s == t ? 1 : 0;
        }
        return 1 / binom(s, k);
      case "faith_banzhaf":
        if (s == t) {
          return 1;
        }
        if (s <= k) {
          return 0;
        }
        return sign(k - t) * Math.pow(0.5, s - t) * binom(s - t - 1, k - t);
      case "faith_shapley":
        if (s == t) {
          return 1;
        }
        if (s <= k) {
          return 0;
        }
        return sign(k - t) * ((double) t / (k + t)) * binom(k, t) * binom(s - 1, k) / binom(s + k - 1, k + t);
      default:
        throw KernelException.of("%s: index must be \"shapley\", \"banzhaf\", \"shapley_taylor\", \"faith_shapley\" "
            + "or \"faith_banzhaf\", got \"%s\"", fn, index);
    }
  }

  private static double sign(int e) {
    return (e & 1) == 0 ? 1 : -1;
  }

  static double binom(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  static Tensor values(Tensor a, boolean banzhaf, String fn) {
    int len = vector(a, fn);
    int n = Hadamard.log2(len);
    double[] c = a.raw();
    double[] phi = new double[n];
    for (int s = 1; s < len; s++) {
      if (c[s] == 0) {
        continue;
      }
      int sz = Integer.bitCount(s);
      double share = banzhaf ? c[s] / Math.pow(2, sz - 1) : c[s] / sz;
      for (int rest = s; rest != 0; rest &= rest - 1) {
        phi[Integer.numberOfTrailingZeros(rest)] += share;
      }
    }
    return Tensor.wrap(new int[] {n}, phi);
  }

  static int vector(Tensor a, String fn) {
    if (a.rank() != 1 || !Hadamard.isPowerOfTwo(a.size()) || a.isComplex()) {
      throw KernelException.of("%s: Möbius coefficients are a real vector of length 2^n, got %s%s", fn,
          a.isComplex() ? "a complex tensor of shape " : "shape ", Tensor.shapeString(a.shape()));
    }
    return a.size();
  }
}
