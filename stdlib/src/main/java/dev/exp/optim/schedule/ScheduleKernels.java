package dev.exp.optim.schedule;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learning-rate schedules η(t) as values (namespace {@code schedule}): call one with the step, read its
 * parameters as fields, tabulate it with {@code schedule.values}, or give it as {@code lr} to an
 * optimizer. Step t counts the optimizer steps already taken, so the first step uses η(0) (PyTorch's
 * order: the scheduler is stepped after the optimizer).
 */
public final class ScheduleKernels {
  private ScheduleKernels() {}

  @Kernel(name = "schedule.constant", doc = "The constant schedule η(t) = lr. Fields: kind, lr. "
      + "Example: schedule.constant(0.1)(5) is 0.1")
  public static Schedule constant(@Arg("lr") double lr) {
    positive("schedule.constant", "lr", lr);
    return new Schedule("constant", params("lr", lr), t -> lr);
  }

  @Kernel(name = "schedule.step", doc = "Step decay (PyTorch StepLR): η(t) = lr·gamma^⌊t/step_size⌋. Defaults "
      + "gamma 0.1. Fields: kind, lr, step_size, gamma. Example: schedule.step(1, 30)(60) is 0.01")
  public static Schedule step(@Arg("lr") double lr, @Arg("step_size") int stepSize,
      @Arg(value = "gamma", dflt = "0.1") double gamma) {
    positive("schedule.step", "lr", lr);
    if (stepSize < 1) {
      throw KernelException.of("schedule.step: step_size must be >= 1, got %d", stepSize);
    }
    return new Schedule("step", params("lr", lr, "step_size", (double) stepSize, "gamma", gamma),
        t -> lr * Math.pow(gamma, t / stepSize));
  }

  @Kernel(name = "schedule.exponential", doc = "Exponential decay (PyTorch ExponentialLR): η(t) = lr·gamma^t. "
      + "Fields: kind, lr, gamma. Example: schedule.exponential(1, 0.5)(3) is 0.125")
  public static Schedule exponential(@Arg("lr") double lr, @Arg("gamma") double gamma) {
    positive("schedule.exponential", "lr", lr);
    return new Schedule("exponential", params("lr", lr, "gamma", gamma), t -> lr * Math.pow(gamma, t));
  }

  @Kernel(name = "schedule.cosine", doc = "Cosine annealing (the closed form of PyTorch CosineAnnealingLR for "
      + "t ≤ t_max): η(t) = min + (lr − min)(1 + cos(π t / t_max))/2, and min after t_max (no restart). Default "
      + "min 0. Fields: kind, lr, t_max, min. Example: schedule.cosine(1, 100)(50) is 0.5")
  public static Schedule cosine(@Arg("lr") double lr, @Arg("t_max") int tMax,
      @Arg(value = "min", dflt = "0") double min) {
    positive("schedule.cosine", "lr", lr);
    steps("schedule.cosine", "t_max", tMax);
    return new Schedule("cosine", params("lr", lr, "t_max", (double) tMax, "min", min),
        t -> t >= tMax ? min : min + (lr - min) * (1 + Math.cos(Math.PI * t / tMax)) / 2);
  }

  @Kernel(name = "schedule.linear", doc = "Linear decay η(t) = lr·(1 − t/total), clamped at 0 after total "
      + "(\"linear decay 1 − t/T\"). Fields: kind, lr, total. Example: schedule.linear(1, 10)(5) is 0.5")
  public static Schedule linear(@Arg("lr") double lr, @Arg("total") int total) {
    positive("schedule.linear", "lr", lr);
    steps("schedule.linear", "total", total);
    return new Schedule("linear", params("lr", lr, "total", (double) total),
        t -> t >= total ? 0 : lr * (1 - (double) t / total));
  }

  @Kernel(name = "schedule.rex", doc = "REX (Chen et al., \"REX: Revisiting Budgeted Training with an Improved "
      + "Schedule\"): with z = t/total, η(t) = lr·(1 − z)/(1/2 + (1 − z)/2), 0 after total. Fields: kind, lr, total. "
      + "Example: schedule.rex(1, 100)(50) is 0.6667")
  public static Schedule rex(@Arg("lr") double lr, @Arg("total") int total) {
    positive("schedule.rex", "lr", lr);
    steps("schedule.rex", "total", total);
    return new Schedule("rex", params("lr", lr, "total", (double) total), t -> {
      if (t >= total) {
        return 0;
      }
      double r = 1 - (double) t / total;
      return lr * r / (0.5 + 0.5 * r);
    });
  }

  @Kernel(name = "schedule.linear_warmup", doc = "A linear warm-up in front of a schedule: η(t) = peak·t/warmup "
      + "for t < warmup (0 at t = 0), then after(t − warmup), where peak = after(0). after is a schedule or a number "
      + "(a constant rate). Fields: kind, warmup, after, peak. Example: schedule.linear_warmup(schedule.cosine(1e-3, "
      + "900), 100) warms up for 100 steps, then anneals over 900")
  public static Schedule linearWarmup(@Arg("after") Object after, @Arg("warmup") int warmup) {
    Schedule base = asSchedule(after, "schedule.linear_warmup", "after");
    steps("schedule.linear_warmup", "warmup", warmup);
    double peak = base.at(0);
    Map<String, Object> p = params("warmup", (double) warmup);
    p.put("after", base);
    p.put("peak", peak);
    return new Schedule("linear_warmup", p, t -> t < warmup ? peak * t / warmup : base.at(t - warmup));
  }

  @Kernel(name = "schedule.warmup_stable_decay", doc = "Warmup-stable-decay (WSD): linear warm-up from 0 to lr "
      + "over warmup steps, constant lr, then a decay over the last decay steps to min at total (and min after). "
      + "decay is a step count, or a fraction of total when < 1; shape \"linear\" (default), \"cosine\" or \"sqrt\" "
      + "(1 − √z). Defaults warmup 0, decay 0.1, min 0. Fields: kind, lr, total, warmup, decay, min, shape. "
      + "Example: schedule.warmup_stable_decay(1e-3, 1000, warmup: 50, decay: 0.2)")
  public static Schedule warmupStableDecay(@Arg("lr") double lr, @Arg("total") int total,
      @Arg(value = "warmup", dflt = "0") int warmup, @Arg(value = "decay", dflt = "0.1") double decay,
      @Arg(value = "min", dflt = "0") double min, @Arg(value = "shape", dflt = "\"linear\"") String shape) {
    String fn = "schedule.warmup_stable_decay";
    positive(fn, "lr", lr);
    steps(fn, "total", total);
    if (!(decay >= 0)) {
      throw KernelException.of("%s: decay must be >= 0 (steps, or a fraction of total when < 1), got %s", fn, decay);
    }
    int d = decay < 1 ? (int) Math.round(decay * total) : (int) decay;
    if (warmup < 0 || warmup + d > total) {
      throw KernelException.of("%s: warmup (%d) + decay (%d steps) must be within total (%d)", fn, warmup, d, total);
    }
    if (!shape.equals("linear") && !shape.equals("cosine") && !shape.equals("sqrt")) {
      throw KernelException.of("%s: shape must be \"linear\", \"cosine\" or \"sqrt\", got \"%s\"", fn, shape);
    }
    int start = total - d;
    Map<String, Object> p = params("lr", lr, "total", (double) total, "warmup", (double) warmup, "decay", (double) d,
        "min", min);
    p.put("shape", shape);
    return new Schedule("warmup_stable_decay", p, t -> {
      if (t < warmup) {
        return lr * t / warmup;
      }
      if (t < start) {
        return lr;
      }
      if (t >= total) {
        return min;
      }
      double z = (double) (t - start) / d;
      double f = switch (shape) {
        case "cosine" -> (1 + Math.cos(Math.PI * z)) / 2;
        case "sqrt" -> 1 - Math.sqrt(z);
        default -> 1 - z;
      };
      return min + (lr - min) * f;
    });
  }

  @Kernel(name = "schedule.inverse_sqrt", doc = "Inverse square root (fairseq/T5 style): η(t) = lr·t/warmup during "
      + "the warm-up, then lr·√(warmup/t); with warmup 0, η(t) = lr/√(t + 1). Default warmup 0. Fields: kind, lr, "
      + "warmup. Example: schedule.inverse_sqrt(1, warmup: 100)(400) is 0.5")
  public static Schedule inverseSqrt(@Arg("lr") double lr, @Arg(value = "warmup", dflt = "0") int warmup) {
    positive("schedule.inverse_sqrt", "lr", lr);
    if (warmup < 0) {
      throw KernelException.of("schedule.inverse_sqrt: warmup must be >= 0, got %d", warmup);
    }
    return new Schedule("inverse_sqrt", params("lr", lr, "warmup", (double) warmup), t -> {
      if (warmup == 0) {
        return lr / Math.sqrt(t + 1.0);
      }
      return t < warmup ? lr * t / warmup : lr * Math.sqrt((double) warmup / t);
    });
  }

  @Kernel(name = "schedule.values", doc = "The rates η(0), ..., η(n − 1) of a schedule as a vector (for plots). "
      + "Example: schedule.values(schedule.cosine(1, 100), 100)")
  public static Tensor values(@Arg("schedule") Schedule s, @Arg("n") int n) {
    if (n < 0) {
      throw KernelException.of("schedule.values: n must be >= 0, got %d", n);
    }
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      v[t] = s.at(t);
    }
    return Tensor.wrap(new int[] {n}, v);
  }

  /** A schedule from a number (constant) or a schedule value; the error names fn and param. */
  public static Schedule asSchedule(Object v, String fn, String param) {
    if (v instanceof Schedule s) {
      return s;
    }
    if (v instanceof Number n) {
      return constant(n.doubleValue());
    }
    if (v instanceof Tensor t && t.size() == 1 && !t.isComplex()) {
      return constant(t.at(0));
    }
    throw KernelException.of("%s: %s must be a number or a schedule, got %s", fn, param, Values.describe(v));
  }

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void positive(String fn, String p, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number >= 0, got %s", fn, p, v);
    }
  }

  private static void steps(String fn, String p, int v) {
    if (v < 1) {
      throw KernelException.of("%s: %s must be >= 1 step, got %d", fn, p, v);
    }
  }
}
