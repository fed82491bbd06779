package dev.exp.optim;

import dev.exp.optim.schedule.Schedule;
import dev.exp.optim.schedule.ScheduleKernels;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Map;

/**
 * First-order optimizers as values (PyTorch's torch.optim rules and defaults) and the functional
 * step {@code optim.update(opt, x, g, state)} that returns {x, state} without mutating anything.
 */
public final class OptimizerKernels {
  private OptimizerKernels() {}

  static final String LR = " lr is a number or a schedule value (step t uses lr(t), t = steps already taken).";
  static final String USE = " Use it with optim.update(opt, x, g, state) → {x, state} in a loop, or "
      + "optim.minimize(f, x0, method: opt).";

  @Kernel(name = "optim.sgd", doc = "Stochastic gradient descent (torch.optim.SGD): g ← g + weight_decay·x; with "
      + "momentum μ > 0, b ← g on the first step, then b ← μb + (1 − dampening)g, and g ← g + μb (nesterov) or g ← b; "
      + "x ← x − lr·g. Defaults momentum 0, dampening 0, nesterov false, weight_decay 0. State: {step, "
      + "momentum_buffer}." + LR + USE + " Example: optim.sgd(lr: 0.1, momentum: 0.9)")
  public static Optimizer sgd(@Arg("lr") Object lr, @Arg(value = "momentum", dflt = "0") double momentum,
      @Arg(value = "dampening", dflt = "0") double dampening, @Arg(value = "nesterov", dflt = "false") boolean nesterov,
      @Arg(value = "weight_decay", dflt = "0") double weightDecay) {
    String fn = "optim.sgd";
    range(fn, "momentum", momentum, 0, 1);
    range(fn, "dampening", dampening, 0, 1);
    nonNegative(fn, "weight_decay", weightDecay);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw KernelException.of("%s: nesterov needs momentum > 0 and dampening 0 (as in PyTorch), got momentum %s, "
          + "dampening %s", fn, momentum, dampening);
    }
    return new Optimizer("sgd", Optimizer.Kind.SGD, lr(lr, fn), momentum, dampening, nesterov, weightDecay, 0, 0, 0,
        false, false, 0, 0, 0);
  }

  @Kernel(name = "optim.momentum", doc = "Heavy-ball momentum: optim.sgd with momentum (default 0.9), no dampening. "
      + "State: {step, momentum_buffer}." + LR + USE + " Example: optim.momentum(lr: 0.01)")
  public static Optimizer momentum(@Arg("lr") Object lr, @Arg(value = "momentum", dflt = "0.9") double momentum,
      @Arg(value = "weight_decay", dflt = "0") double weightDecay) {
    Optimizer o = sgd(lr, momentum, 0, false, weightDecay);
    return new Optimizer("momentum", o.kind, o.lr, momentum, 0, false, weightDecay, 0, 0, 0, false, false, 0, 0, 0);
  }

  @Kernel(name = "optim.nesterov", doc = "Nesterov momentum: optim.sgd with nesterov true and momentum (default "
      + "0.9). State: {step, momentum_buffer}." + LR + USE + " Example: optim.nesterov(lr: 0.01)")
  public static Optimizer nesterov(@Arg("lr") Object lr, @Arg(value = "momentum", dflt = "0.9") double momentum,
      @Arg(value = "weight_decay", dflt = "0") double weightDecay) {
    Optimizer o = sgd(lr, momentum, 0, true, weightDecay);
    return new Optimizer("nesterov", o.kind, o.lr, momentum, 0, true, weightDecay, 0, 0, 0, false, false, 0, 0, 0);
  }

  @Kernel(name = "optim.adagrad", doc = "AdaGrad (torch.optim.Adagrad): g ← g + weight_decay·x, sum ← sum + g², "
      + "x ← x − lr_t·g/(√sum + eps) with lr_t = lr/(1 + (t − 1)·lr_decay). Defaults lr 0.01, lr_decay 0, "
      + "weight_decay 0, initial_accumulator_value 0, eps 1e-10. State: {step, sum}." + LR + USE
      + " Example: optim.adagrad(lr: 0.1)")
  public static Optimizer adagrad(@Arg(value = "lr", dflt = "0.01") Object lr,
      @Arg(value = "lr_decay", dflt = "0") double lrDecay, @Arg(value = "weight_decay", dflt = "0") double weightDecay,
      @Arg(value = "initial_accumulator_value", dflt = "0") double init, @Arg(value = "eps", dflt = "1e-10") double eps) {
    String fn = "optim.adagrad";
    nonNegative(fn, "lr_decay", lrDecay);
    nonNegative(fn, "weight_decay", weightDecay);
    nonNegative(fn, "initial_accumulator_value", init);
    nonNegative(fn, "eps", eps);
    return new Optimizer("adagrad", Optimizer.Kind.ADAGRAD, lr(lr, fn), 0, 0, false, weightDecay, 0, 0, eps, false,
        false, lrDecay, init, 0);
  }

  @Kernel(name = "optim.rmsprop", doc = "RMSprop (torch.optim.RMSprop): g ← g + weight_decay·x, v ← αv + (1 − α)g²; "
      + "centered: ḡ ← αḡ + (1 − α)g and v − ḡ² in place of v; with momentum μ > 0, b ← μb + g/(√v + eps) and "
      + "x ← x − lr·b, else x ← x − lr·g/(√v + eps). Defaults lr 0.01, alpha 0.99, eps 1e-8, weight_decay 0, "
      + "momentum 0, centered false. State: {step, square_avg, momentum_buffer, grad_avg}." + LR + USE
      + " Example: optim.rmsprop(lr: 1e-3)")
  public static Optimizer rmsprop(@Arg(value = "lr", dflt = "0.01") Object lr,
      @Arg(value = "alpha", dflt = "0.99") double alpha, @Arg(value = "eps", dflt = "1e-8") double eps,
      @Arg(value = "weight_decay", dflt = "0") double weightDecay, @Arg(value = "momentum", dflt = "0") double momentum,
      @Arg(value = "centered", dflt = "false") boolean centered) {
    String fn = "optim.rmsprop";
    range(fn, "alpha", alpha, 0, 1);
    nonNegative(fn, "eps", eps);
    nonNegative(fn, "weight_decay", weightDecay);
    range(fn, "momentum", momentum, 0, 1);
    return new Optimizer("rmsprop", Optimizer.Kind.RMSPROP, lr(lr, fn), momentum, 0, false, weightDecay, 0, 0, eps,
        false, centered, 0, 0, alpha);
  }

  @Kernel(name = "optim.adam", doc = "Adam (torch.optim.Adam): g ← g + weight_decay·x (L2, coupled), m ← β₁m + "
      + "(1 − β₁)g, v ← β₂v + (1 − β₂)g², x ← x − lr·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + eps); amsgrad uses the running "
      + "max of v. Defaults lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8, weight_decay 0, amsgrad false. State: {step, "
      + "exp_avg, exp_avg_sq, max_exp_avg_sq}." + LR + USE + " Example: optim.adam(lr: 1e-3)")
  public static Optimizer adam(@Arg(value = "lr", dflt = "1e-3") Object lr,
      @Arg(value = "beta1", dflt = "0.9") double beta1, @Arg(value = "beta2", dflt = "0.999") double beta2,
      @Arg(value = "eps", dflt = "1e-8") double eps, @Arg(value = "weight_decay", dflt = "0") double weightDecay,
      @Arg(value = "amsgrad", dflt = "false") boolean amsgrad) {
    return adamLike("adam", Optimizer.Kind.ADAM, lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  @Kernel(name = "optim.adamw", doc = "AdamW (torch.optim.AdamW): decoupled weight decay x ← x − lr·weight_decay·x, "
      + "then the Adam step without the L2 term. Defaults lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8, weight_decay "
      + "0.01, amsgrad false. State: {step, exp_avg, exp_avg_sq, max_exp_avg_sq}." + LR + USE
      + " Example: optim.adamw(lr: 1e-3, weight_decay: 0.1)")
  public static Optimizer adamw(@Arg(value = "lr", dflt = "1e-3") Object lr,
      @Arg(value = "beta1", dflt = "0.9") double beta1, @Arg(value = "beta2", dflt = "0.999") double beta2,
      @Arg(value = "eps", dflt = "1e-8") double eps, @Arg(value = "weight_decay", dflt = "0.01") double weightDecay,
      @Arg(value = "amsgrad", dflt = "false") boolean amsgrad) {
    return adamLike("adamw", Optimizer.Kind.ADAMW, lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  @Kernel(name = "optim.lion", doc = "Lion (Chen et al. 2023, \"Symbolic Discovery of Optimization Algorithms\"): "
      + "c = β₁m + (1 − β₁)g, x ← x − lr·(sign(c) + weight_decay·x), m ← β₂m + (1 − β₂)g. With decoupled weight "
      + "decay λ it solves the problem constrained to ‖x‖∞ ≤ 1/λ. Defaults lr 1e-4, beta1 0.9, beta2 0.99, "
      + "weight_decay 0. State: {step, exp_avg}." + LR + USE + " Example: optim.lion(lr: 1e-4, weight_decay: 1)")
  public static Optimizer lion(@Arg(value = "lr", dflt = "1e-4") Object lr,
      @Arg(value = "beta1", dflt = "0.9") double beta1, @Arg(value = "beta2", dflt = "0.99") double beta2,
      @Arg(value = "weight_decay", dflt = "0") double weightDecay) {
    String fn = "optim.lion";
    range(fn, "beta1", beta1, 0, 1);
    range(fn, "beta2", beta2, 0, 1);
    nonNegative(fn, "weight_decay", weightDecay);
    return new Optimizer("lion", Optimizer.Kind.LION, lr(lr, fn), 0, 0, false, weightDecay, beta1, beta2, 0, false,
        false, 0, 0, 0);
  }

  @Kernel(name = "optim.sign_sgd", doc = "sign-SGD: x ← x − lr·(sign(g) + weight_decay·x). Default weight_decay 0. "
      + "State: {step}." + LR + USE + " Example: optim.sign_sgd(lr: 0.01)")
  public static Optimizer signSgd(@Arg("lr") Object lr, @Arg(value = "weight_decay", dflt = "0") double weightDecay) {
    nonNegative("optim.sign_sgd", "weight_decay", weightDecay);
    return new Optimizer("sign_sgd", Optimizer.Kind.SIGN_SGD, lr(lr, "optim.sign_sgd"), 0, 0, false, weightDecay, 0,
        0, 0, false, false, 0, 0, 0);
  }

  @Kernel(name = "optim.update", doc = "One optimizer step, functionally: returns {x, state} where x is the new "
      + "point and state the new state record (step count and the optimizer's buffers, named as in PyTorch). Pass "
      + "state: none (the default) on the first step, then the state returned by the previous update. Nothing is "
      + "mutated: the same (x, g, state) always gives the same result. Example: var s = none; for k in 0..100 { let "
      + "r = optim.update(opt, x, grad(x), state: s); x = r.x; s = r.state }")
  public static Map<String, Object> update(@Arg("opt") Optimizer opt, @Arg("x") Tensor x, @Arg("g") Tensor g,
      @Arg(value = "state", dflt = "none") Map<?, ?> state) {
    return opt.update(x, g, state);
  }

  private static Optimizer adamLike(String name, Optimizer.Kind kind, Object lr, double beta1, double beta2,
      double eps, double weightDecay, boolean amsgrad) {
    String fn = "optim." + name;
    range(fn, "beta1", beta1, 0, 1);
    range(fn, "beta2", beta2, 0, 1);
    nonNegative(fn, "eps", eps);
    nonNegative(fn, "weight_decay", weightDecay);
    return new Optimizer(name, kind, lr(lr, fn), 0, 0, false, weightDecay, beta1, beta2, eps, amsgrad, false, 0, 0, 0);
  }

  private static Schedule lr(Object lr, String fn) {
    return ScheduleKernels.asSchedule(lr, fn, "lr");
  }

  private static void range(String fn, String p, double v, double lo, double hi) {
    if (!(v >= lo && v < hi)) {
      throw KernelException.of("%s: %s must be in [%s, %s), got %s", fn, p, lo, hi, v);
    }
  }

  static void nonNegative(String fn, String p, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number >= 0, got %s", fn, p, v);
    }
  }
}
