package dev.exp.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A base for fitted models: holds the kind, the parameter record and the settings record (both in
 * insertion order, read-only) and prints the summary {@code <ridge model: 5 features → 1 output, alpha 0.1>}.
 * Subclasses implement {@link #predict} (and {@code predictProba}, {@code transform} where they apply).
 */
public abstract class FittedModel implements Model {
  private final String kind;
  private final Task task;
  private final Map<String, Object> params;
  private final Map<String, Object> settings;

  /** A model of the given kind and task with copies of the parameter and setting records. */
  protected FittedModel(String kind, Task task, Map<String, Object> params, Map<String, Object> settings) {
    this.kind = kind;
    this.task = task;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  @Override
  public final String kind() {
    return kind;
  }

  @Override
  public final Task task() {
    return task;
  }

  @Override
  public final Map<String, Object> params() {
    return params;
  }

  @Override
  public final Map<String, Object> settings() {
    return settings;
  }

  /** The part of the summary after the kind: "5 features → 1 output, alpha 0.1". */
  protected abstract String describe();

  @Override
  public String summary() {
    return "<" + kind + " model: " + describe() + ">";
  }

  /** "1 feature", "5 features". */
  protected static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A number for summaries: integers without ".0", others with up to 4 significant digits. */
  protected static String num(double v) {
    return LearnArgs.fmt(v);
  }
}
