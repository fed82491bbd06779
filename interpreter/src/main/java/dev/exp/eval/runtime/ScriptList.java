package dev.exp.eval.runtime;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The lists scripts make: an array of items and a length, read through final methods. Every list
 * value the interpreter builds is one of three kinds ({@link FrozenList}, {@link AppendableList},
 * {@link UpdatableList}), so the hot reads ({@code xs[i]}, {@code len(xs)}, a loop over a list)
 * test for this class once and read the array directly instead of dispatching through {@code
 * List}'s interface methods, whose call sites see all three kinds (and any list from Java) and stay
 * megamorphic. Lists from elsewhere (a host value, a kernel's result) are read through {@code List}.
 */
public abstract sealed class ScriptList extends AbstractList<Object> implements RandomAccess
    permits FrozenList, AppendableList, UpdatableList {
  /** The items: {@code items[0..size)} are this list's, the rest is spare room or another list's. */
  Object[] items;
  int size;

  ScriptList(Object[] items, int size) {
    this.items = items;
    this.size = size;
  }

  @Override
  public final Object get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " for a list of " + size);
    }
    return items[i];
  }

  @Override
  public final int size() {
    return size;
  }

  /** Item {@code i} without the range check: for callers that checked {@code 0 <= i < size()}. */
  public final Object itemAt(int i) {
    return items[i];
  }
}
