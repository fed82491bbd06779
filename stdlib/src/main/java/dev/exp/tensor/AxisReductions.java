package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;

/**
 * The reductions as scripts call them: {@code axis} is none (every value), one axis, or a list of
 * axes (NumPy's tuple: {@code mean(x, axis: [0, 1])}), by {@link Axes#reduce} over the one-axis
 * forms in {@link Reductions}.
 */
public final class AxisReductions {
  private AxisReductions() {}

  private static final String AXES = " A list of axes reduces them together: axis: [0, 2].";

  @Kernel(name = "sum", doc = "Sum of the values (compensated summation in a fixed order: 8 interleaved lanes over all "
      + "values or the last axis, in chunks of 65536 values combined in order, sequential along other axes; the "
      + "result never depends on the thread count), over all values or along axis. "
      + "With axis none (and keepdims false) the result is a number, otherwise a tensor; complex values sum to a complex "
      + "result."
      + AXES + " Example: sum(x, axis: 0)")
  public static Object sum(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "sum", Reductions::sum);
  }

  @Kernel(name = "mean", doc = "Arithmetic mean, over all values or along axis (nan for an empty tensor); complex "
      + "values give a complex mean."
      + AXES)
  public static Object mean(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "mean", Reductions::mean);
  }

  @Kernel(name = "prod", doc = "Product of the values, over all values or along axis (1 for an empty tensor)."
      + AXES)
  public static Object prod(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "prod", Reductions::prod);
  }

  @Kernel(name = "var", doc = "Variance: sum((x - mean)^2) / (n - ddof). "
      + "ddof = 0 (default) is the population variance, ddof = 1 the unbiased sample variance; nan when n <= ddof."
      + AXES)
  public static Object var(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "ddof", dflt = "0") double ddof, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "var", (t, a, k) -> Reductions.var(t, a, ddof, k));
  }

  @Kernel(name = "std", doc = "Standard deviation: sqrt(var(x, axis, ddof)). "
      + "ddof = 0 (default) as NumPy; use ddof: 1 for the sample standard deviation."
      + AXES)
  public static Object std(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "ddof", dflt = "0") double ddof, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "std", (t, a, k) -> Reductions.std(t, a, ddof, k));
  }

  @Kernel(name = "max", doc = "Largest value, over all values or along axis (nan if any value is nan). "
      + "For the element-wise maximum of two tensors use maximum(a, b)."
      + AXES)
  public static Object max(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "max", Reductions::max);
  }

  @Kernel(name = "min", doc = "Smallest value, over all values or along axis (nan if any value is nan). "
      + "For the element-wise minimum of two tensors use minimum(a, b)."
      + AXES)
  public static Object min(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "min", Reductions::min);
  }

  @Kernel(name = "all", doc = "Whether every value is nonzero: a bool with axis none, else a 0/1 tensor along axis. "
      + "nan counts as nonzero; all of an empty tensor is true."
      + AXES)
  public static Object all(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "all", Reductions::all);
  }

  @Kernel(name = "any", doc = "Whether some value is nonzero: a bool with axis none, else a 0/1 tensor along axis. "
      + "nan counts as nonzero; any of an empty tensor is false."
      + AXES)
  public static Object any(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "any", Reductions::any);
  }

  @Kernel(name = "count_nonzero", doc = "Number of nonzero values (nan counts as nonzero), over all values or along axis."
      + AXES)
  public static Object countNonzero(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "count_nonzero", Reductions::countNonzero);
  }

  @Kernel(name = "logsumexp", doc = "log(sum(exp(x))), computed stably by shifting by the maximum. "
      + "Over all values or along axis; -inf if all values are -inf (or there are none)."
      + AXES)
  public static Object logsumexp(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Axes axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return Axes.reduce(x, axis, keepdims, "logsumexp", Reductions::logsumexp);
  }
}
