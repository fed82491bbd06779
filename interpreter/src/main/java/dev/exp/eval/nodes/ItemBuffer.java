package dev.exp.eval.nodes;

import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The items a comprehension, {@code map} or {@code filter} produces, turned into a value by the
 * language's rule (numbers in, tensor out; anything else, a list: {@link CollectionNodes#listOrTensor}).
 * Numbers stay unboxed in a growing array while every item is one, so a million-number result is one
 * array copy, not a million boxes and a conversion.
 */
public final class ItemBuffer {
  private double[] nums = new double[16];
  private int n;
  /** Every item so far, once one was not a number (null until then). */
  private List<Object> items;

  /** Appends a number. */
  public void add(double x) {
    if (items != null) {
      items.add(x);
      return;
    }
    if (n == nums.length) {
      nums = Arrays.copyOf(nums, 2 * n);
    }
    nums[n++] = x;
  }

  /** Appends any value. */
  public void add(Object x) {
    if (items == null) {
      if (x instanceof Double d) {
        add((double) d);
        return;
      }
      items = new ArrayList<>(Math.max(16, 2 * n));
      for (int i = 0; i < n; i++) {
        items.add(nums[i]);
      }
      nums = null;
    }
    items.add(x);
  }

  /** Whether nothing was added. */
  public boolean isEmpty() {
    return items == null ? n == 0 : items.isEmpty();
  }

  /**
   * The value when the items are rows kept from {@code source} ({@code filter}, {@code [x for x in xs if
   * c]}): as {@link #result}, but with none kept from a tensor or a range, an empty tensor of the
   * source's row shape (as NumPy's {@code xs[mask]}), so the result's type does not depend on the data.
   */
  public Object resultSelecting(Object source) {
    if (isEmpty()) {
      if (source instanceof Tensor t && t.rank() >= 1) {
        int[] shape = t.shape().clone();
        shape[0] = 0;
        return t.isComplex() ? Tensor.complex(Tensor.zeros(shape), Tensor.zeros(shape)) : Tensor.zeros(shape);
      }
      if (source instanceof dev.exp.eval.runtime.RangeValue) {
        return Tensor.zeros(0);
      }
    }
    return result();
  }

  /** The value: a vector of the numbers, or a list (empty when nothing was added). */
  public Object result() {
    if (items != null) {
      return CollectionNodes.listOrTensor(items, false);
    }
    if (n == 0) {
      return CollectionNodes.listOrTensor(new ArrayList<>(), false);
    }
    return Tensor.wrap(new int[] {n}, n == nums.length ? nums : Arrays.copyOf(nums, n));
  }
}
