package dev.exp.kernel;

import java.util.List;

/**
 * A library value that scripts see as an object with read-only fields: a fitted model, a sparse
 * matrix, a learning-rate schedule, a bandit environment. Kernels return it like any other value;
 * the interpreter prints it with {@link #summary()}, answers {@code type(x)} with {@link #typeName()}
 * and reads {@code x.name} through {@link #field}. Scripts never reach Java members by reflection:
 * only the fields listed here are visible.
 *
 * <p>Field values use the Java side of the value mapping (see {@link Fn}): numbers, strings, tensors,
 * lists, maps (records) or other script objects.
 */
public interface ScriptObject {
  /** What {@code type(x)} returns, lower case: "model", "sparse", "schedule". */
  String typeName();

  /** The names {@link #field} answers, in the order they are shown. */
  List<String> fieldNames();

  /** The field's value, or null when there is no field of that name. */
  Object field(String name);

  /** The printed form: short, one line where possible ({@code <ridge model: 3 features, alpha 0.1>}). */
  String summary();
}
