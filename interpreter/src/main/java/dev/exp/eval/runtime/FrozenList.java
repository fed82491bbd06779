package dev.exp.eval.runtime;

/** A list value that never changes: what list literals, slices and most builtins return. */
public final class FrozenList extends ScriptList {
  /** The first {@code size} of {@code items}, which the caller hands over (it must not change them). */
  FrozenList(Object[] items, int size) {
    super(items, size);
  }
}
