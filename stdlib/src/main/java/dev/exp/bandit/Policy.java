package dev.exp.bandit;

import dev.exp.kernel.ScriptObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A bandit policy as a value: its name, its hyper-parameters and a factory for its per-run state.
 * Created by {@code bandit.ucb1()}, {@code bandit.thompson()}, ...; used by {@code bandit.run} and
 * {@code bandit.state}.
 */
public final class Policy implements ScriptObject {
  private final String name;
  private final Map<String, Object> params;
  private final boolean needsFeatures;
  private final boolean fullInformation;
  private final BiFunction<Integer, Integer, Learner> factory;

  Policy(String name, Map<String, Object> params, boolean needsFeatures, boolean fullInformation,
      BiFunction<Integer, Integer, Learner> factory) {
    this.name = name;
    this.params = new LinkedHashMap<>(params);
    this.needsFeatures = needsFeatures;
    this.fullInformation = fullInformation;
    this.factory = factory;
  }

  /** A fresh learner for k arms with d-dimensional features (d = 0 without features). */
  Learner start(int k, int d) {
    return factory.apply(k, d);
  }

  /** The policy's script name ("ucb1"). */
  public String name() {
    return name;
  }

  boolean needsFeatures() {
    return needsFeatures;
  }

  boolean fullInformation() {
    return fullInformation;
  }

  @Override
  public String typeName() {
    return "bandit_policy";
  }

  @Override
  public List<String> fieldNames() {
    List<String> f = new ArrayList<>();
    f.add("name");
    f.addAll(params.keySet());
    return f;
  }

  @Override
  public Object field(String n) {
    return n.equals("name") ? name : params.get(n);
  }

  @Override
  public String summary() {
    StringBuilder sb = new StringBuilder("<bandit policy " + name);
    String sep = ": ";
    for (Map.Entry<String, Object> e : params.entrySet()) {
      Object v = e.getValue();
      sb.append(sep).append(e.getKey()).append(' ')
          .append(v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : String.valueOf(v));
      sep = ", ";
    }
    return sb.append('>').toString();
  }
}
