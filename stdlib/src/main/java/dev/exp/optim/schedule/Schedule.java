package dev.exp.optim.schedule;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.kernel.ScriptCallable;
import dev.exp.kernel.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * A learning-rate schedule η(t) as a script value: {@code s(t)} gives the rate at step t (t = 0, 1, ...,
 * the number of optimizer steps already taken), its fields are its parameters ({@code s.kind},
 * {@code s.lr}, ...). Immutable.
 */
public final class Schedule implements ScriptCallable {
  private final String kind;
  private final Map<String, Object> params;
  private final IntToDoubleFunction rate;

  Schedule(String kind, Map<String, Object> params, IntToDoubleFunction rate) {
    this.kind = kind;
    this.params = new LinkedHashMap<>();
    this.params.put("kind", kind);
    this.params.putAll(params);
    this.rate = rate;
  }

  /** The rate at step t (t ≥ 0). */
  public double at(int t) {
    if (t < 0) {
      throw KernelException.of("schedule %s: the step must be >= 0, got %d", kind, t);
    }
    return rate.applyAsDouble(t);
  }

  /** The schedule's kind ("cosine", ...). */
  public String kind() {
    return kind;
  }

  @Override
  public Object call(Object... args) {
    if (args.length != 1) {
      throw KernelException.of("a schedule takes one argument, the step: %s", callSignature());
    }
    Object a = args[0];
    double d;
    if (a instanceof Number n) {
      d = n.doubleValue();
    } else if (a instanceof dev.exp.tensor.Tensor t && t.size() == 1) {
      d = t.at(0);
    } else {
      throw KernelException.of("schedule %s: the step must be an integer >= 0, got %s", kind, Values.describe(a));
    }
    if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
      throw KernelException.of("schedule %s: the step must be an integer >= 0, got %s", kind, d);
    }
    return at((int) d);
  }

  @Override
  public String callSignature() {
    return "schedule(step)";
  }

  @Override
  public String typeName() {
    return "schedule";
  }

  @Override
  public List<String> fieldNames() {
    return new ArrayList<>(params.keySet());
  }

  @Override
  public Object field(String name) {
    return params.get(name);
  }

  @Override
  public String summary() {
    StringBuilder b = new StringBuilder("<schedule ").append(kind);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (!e.getKey().equals("kind")) {
        b.append(", ").append(e.getKey()).append(' ').append(show(e.getValue()));
      }
    }
    return b.append('>').toString();
  }

  private static String show(Object v) {
    if (v instanceof Schedule s) {
      return s.summary();
    }
    return Numbers.value(v);
  }
}
