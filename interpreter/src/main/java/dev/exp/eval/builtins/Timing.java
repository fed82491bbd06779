package dev.exp.eval.builtins;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Record;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code timeit} builtin: warm-up runs, then timed runs of a function of no arguments. */
final class Timing {
  private Timing() {}

  static Record timeit(Context ctx, Callable f, int repeat, int warmup, Loc loc) {
    if (repeat < 1 || warmup < 0) {
      throw new ExpError("timeit: need n >= 1 and warmup >= 0, got n = " + repeat + ", warmup = " + warmup, loc);
    }
    Object value = null;
    for (int i = 0; i < warmup; i++) {
      value = f.call(ctx, new Object[0], null, loc);
    }
    double[] runs = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      value = f.call(ctx, new Object[0], null, loc);
      runs[i] = (System.nanoTime() - t0) / 1e9;
    }
    double[] sorted = runs.clone();
    Arrays.sort(sorted);
    double median = repeat % 2 == 1 ? sorted[repeat / 2] : (sorted[repeat / 2 - 1] + sorted[repeat / 2]) / 2;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("median", median);
    r.put("min", sorted[0]);
    r.put("mean", Arrays.stream(runs).average().orElse(0));
    r.put("times", Tensor.vector(runs));
    r.put("value", value);
    return Record.of(r);
  }
}
