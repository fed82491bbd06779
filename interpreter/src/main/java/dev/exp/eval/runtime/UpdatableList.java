package dev.exp.eval.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * The list a {@code var} made by an element update ({@code xs[i] = v}): to scripts an immutable list
 * like any other, but while the variable owns it exclusively (it was made by the variable's last
 * update and not read since, the ownership tensors and records use) the variable's next {@code
 * xs[i] = v} or {@code xs += [x]} writes into it instead of copying every item. A loop that updates
 * a list of bools or strings element by element is therefore linear, not quadratic.
 */
public final class UpdatableList extends ScriptList implements Held {
  /** See {@link Held}. */
  private Object heldBy;

  private UpdatableList(Object[] items, int size) {
    super(items, size);
  }

  /** A list of the items of {@code l}, which its owner may then update in place. */
  public static UpdatableList copyOf(List<?> l) {
    return new UpdatableList(l.toArray(), l.size());
  }

  /**
   * {@code l + [x]} as a list that the variable it is stored into will own: the start of a loop of
   * appends ({@code acc += [x]}), which then append in place while the variable owns it. A list that
   * may be shared elsewhere ({@link #isShareable}) extends its storage instead (see {@link Ops}).
   */
  public static UpdatableList appending(List<?> l, Object x, dev.exp.syntax.Loc loc) {
    int n = l.size();
    Ops.reserveList(n + 1L, loc);
    Object[] items = l.toArray(new Object[AppendableList.capacity(n + 1, 0)]);
    items[n] = x;
    return new UpdatableList(items, n + 1);
  }

  /**
   * Whether appending to {@code l} should extend a shared storage rather than start a list a variable
   * owns: an {@link AppendableList} (already extended by appends), or an updatable list its variable
   * gave up (it was read while being appended to, so it is likely to be read again).
   */
  public static boolean isShareable(List<?> l) {
    return l instanceof AppendableList || l instanceof UpdatableList;
  }

  /** Sets item {@code i} (in range) of this list itself; only for the list a variable owns. */
  public void setInPlace(int i, Object value) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " for a list of " + size);
    }
    items[i] = value;
  }

  /** Appends {@code value} to this list itself; only for the list a variable owns. */
  public void appendInPlace(Object value, dev.exp.syntax.Loc loc) {
    Ops.reserveList(size + 1L, loc);
    if (size == items.length) {
      items = Arrays.copyOf(items, AppendableList.capacity(size + 1, items.length));
    }
    items[size++] = value;
  }

  @Override
  public Object heldBy() {
    return heldBy;
  }

  @Override
  public void heldBy(Object container) {
    heldBy = container;
  }
}
