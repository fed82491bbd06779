package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;

/**
 * Gradient clipping and gradient-noise injection (kernels.md S09): as options of an optimizer value
 * ({@code optim.with_clipping}, {@code optim.with_noise}, which return a new optimizer used by
 * {@code optim.update} and {@code optim.minimize} like any other), and as plain tensor functions for
 * hand-written loops ({@code optim.clip_norm}, {@code optim.clip_value}).
 */
public final class GradientKernels {
  private GradientKernels() {}

  @Kernel(name = "optim.with_clipping", doc = "The optimizer opt with gradient clipping before its update rule: "
      + "max_norm rescales g to g·min(1, max_norm/(‖g‖₂ + 1e-6)) (PyTorch's clip_grad_norm_, the whole x as one "
      + "group), max_value clamps each entry to [−max_value, max_value] (clip_grad_value_); with both, the norm "
      + "clip comes first. Weight decay terms are added by the rule after clipping, as in PyTorch. Any gradient "
      + "noise of opt (optim.with_noise) is added after clipping. Defaults none (at least one is needed). The "
      + "result shows the fields clip_norm / clip_value. Example: optim.adam(lr: 1e-3) |> optim.with_clipping("
      + "max_norm: 1)")
  public static Optimizer withClipping(@Arg("opt") Optimizer opt, @Arg(value = "max_norm", dflt = "none") Double maxNorm,
      @Arg(value = "max_value", dflt = "none") Double maxValue) {
    String fn = "optim.with_clipping";
    if (maxNorm == null && maxValue == null) {
      throw KernelException.of("%s: give max_norm, max_value or both", fn);
    }
    if (maxNorm != null) {
      positive(fn, "max_norm", maxNorm);
    }
    if (maxValue != null) {
      positive(fn, "max_value", maxValue);
    }
    GradientTransform t = opt.transform;
    return opt.withTransform(new GradientTransform(maxNorm == null ? t.maxNorm() : maxNorm,
        maxValue == null ? t.maxValue() : maxValue, t.noiseEta(), t.noiseGamma(), t.noiseBase()));
  }

  @Kernel(name = "optim.with_noise", doc = "The optimizer opt with annealed Gaussian gradient noise (Neelakantan et "
      + "al. 2015, \"Adding Gradient Noise Improves Learning for Very Deep Networks\"): the rule sees g + N(0, σ_t²I) "
      + "with σ_t² = eta/(1 + t)^gamma, t = steps already taken (0 on the first step). The noise of step t depends "
      + "only on (seed, t), so optim.update stays a pure function of (x, g, state). Clipping (optim.with_clipping) "
      + "acts before the noise. Defaults gamma 0.55 (the paper's), seed none (drawn from the session seed); the "
      + "paper uses eta in {0.01, 0.3, 1}. The result shows the fields noise_eta, noise_gamma. Example: optim.sgd(lr: 0.01) |> optim.with_noise(eta: "
      + "0.3)")
  public static Optimizer withNoise(@Arg("opt") Optimizer opt, @Arg("eta") double eta,
      @Arg(value = "gamma", dflt = "0.55") double gamma, @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "optim.with_noise";
    OptimizerKernels.nonNegative(fn, "eta", eta);
    OptimizerKernels.nonNegative(fn, "gamma", gamma);
    GradientTransform t = opt.transform;
    long base = rng == null ? 0 : rng.nextLong();
    return opt.withTransform(new GradientTransform(t.maxNorm(), t.maxValue(), eta, gamma, base));
  }

  @Kernel(name = "optim.clip_norm", doc = "g rescaled to global ℓ2 norm at most max_norm: g·min(1, max_norm/(‖g‖₂ + "
      + "1e-6)) (PyTorch's clip_grad_norm_ rule, all entries as one vector). Example: optim.clip_norm([3, 4], 1) is "
      + "about [0.6, 0.8]")
  public static Tensor clipNorm(@Arg("g") Tensor g, @Arg("max_norm") double maxNorm) {
    positive("optim.clip_norm", "max_norm", maxNorm);
    double[] v = real(g, "optim.clip_norm").raw().clone();
    GradientTransform.clipNorm(v, maxNorm);
    return Tensor.wrap(g.shape(), v);
  }

  @Kernel(name = "optim.clip_value", doc = "g with every entry clamped to [−max_value, max_value] (PyTorch's "
      + "clip_grad_value_). Example: optim.clip_value([3, -0.5, -4], 1) is [1, -0.5, -1]")
  public static Tensor clipValue(@Arg("g") Tensor g, @Arg("max_value") double maxValue) {
    positive("optim.clip_value", "max_value", maxValue);
    double[] v = real(g, "optim.clip_value").raw().clone();
    GradientTransform.clipValue(v, maxValue);
    return Tensor.wrap(g.shape(), v);
  }

  private static Tensor real(Tensor g, String fn) {
    if (g.isComplex()) {
      throw KernelException.of("%s: g must be a real tensor, got a complex one of shape %s", fn,
          Tensor.shapeString(g.shape()));
    }
    return g;
  }

  private static void positive(String fn, String p, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number > 0, got %s", fn, p, v);
    }
  }
}
