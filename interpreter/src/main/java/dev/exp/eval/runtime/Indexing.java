package dev.exp.eval.runtime;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Suggest;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Slice;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorIndex;
import dev.exp.tensor.Views;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexing and slicing ({@code x[i]}, {@code x[i, j]}, {@code x[a:b:s]}, negative indices from the
 * end) on lists, strings and records; element assignment builds a new value (values are immutable).
 * Tensors are handed to {@link TensorIndex} in the standard library (views for points and slices,
 * gathers for integer tensors); this class only turns the evaluated items into its index objects.
 */
public final class Indexing {
  private Indexing() {}

  /** One evaluated index position: a point or a slice (null bounds = open). */
  public record Item(boolean slice, Object point, Object lo, Object hi, Object step, Loc loc) {}

  /** Row {@code i} (0 <= i < length) of a tensor: a view, or a number for a vector. */
  public static Object row(Tensor t, int i) {
    if (t.rank() == 1 && !t.isComplex() && i >= 0 && i < t.extent(0)) {
      return t.at(i);   // an element of a real vector is a number: no view in between
    }
    return Values.unwrapScalar(Views.row(t, i));
  }

  public static Object get(Object target, Item[] items, Loc loc) {
    if (target instanceof Tensor t) {
      return getTensor(t, items, loc);
    }
    if (target instanceof List<?> l) {
      if (items.length != 1) {
        throw new ExpError("a list takes one index, got " + items.length, loc);
      }
      Item it = items[0];
      if (it.slice) {
        int[] idx = slice(it).indices(l.size());
        Object[] out = new Object[idx.length];
        for (int k = 0; k < idx.length; k++) {
          out[k] = l.get(idx[k]);
        }
        return Values.listOf(out, out.length);
      }
      return l.get(point(it, l.size(), "a list"));
    }
    if (target instanceof String s) {
      if (items.length != 1) {
        throw new ExpError("a string takes one index, got " + items.length, loc);
      }
      // indices count code points, as len does (an emoji is one character, not two UTF-16 units)
      Item it = items[0];
      int[] cps = s.codePointCount(0, s.length()) == s.length() ? null : s.codePoints().toArray();
      int n = cps == null ? s.length() : cps.length;
      if (it.slice) {
        StringBuilder sb = new StringBuilder();
        for (int i : slice(it).indices(n)) {
          if (cps == null) {
            sb.append(s.charAt(i));
          } else {
            sb.appendCodePoint(cps[i]);
          }
        }
        return sb.toString();
      }
      int i = point(it, n, "a string");
      return Chars.of(cps == null ? s.charAt(i) : cps[i]);
    }
    if (target instanceof Record r) {
      if (items.length == 1 && !items[0].slice && items[0].point instanceof String key) {
        int i = r.indexOf(key);
        if (i < 0) {
          throw new ExpError("record has no field \"" + key + "\"" + Suggest.didYouMean(key, List.of(r.fieldNames()))
              + " (fields: " + String.join(", ", r.fieldNames()) + ")", loc);
        }
        return r.value(i);
      }
      throw new ExpError("a record is indexed by a field name string, e.g. r[\"lr\"]" + keyHint(items), loc);
    }
    if (target instanceof RangeValue r) {
      if (items.length == 1 && !items[0].slice && items[0].point instanceof Double) {
        // one item of a lazy range, without building it: (0..1e15)[5]
        long n = r.length();
        long i = Values.integer(items[0].point, "an index", items[0].loc);
        long j = i < 0 ? i + n : i;
        if (j < 0 || j >= n) {
          throw new ExpError("index " + i + " is out of range for a range of length " + n, items[0].loc);
        }
        return (double) r.get(j);
      }
      return get(Values.rangeToTensor(r), items, loc);
    }
    throw new ExpError("cannot index " + Values.describe(target), loc);
  }

  /** For a record indexed by a number ({@code d[3]}, a Python dict habit): how to key it. */
  private static String keyHint(Item[] items) {
    if (items.length == 1 && !items[0].slice && items[0].point instanceof Double d) {
      String k = Printer.str(d);
      return "; to key it by a number write r[str(" + k + ")] (the key \"" + k + "\")";
    }
    return "";
  }

  /** The position item {@code it} picks in {@code what} ("a list") of length {@code n}. */
  private static int point(Item it, int n, String what) {
    long i = Values.integer(it.point, "an index", it.loc);
    long j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw new ExpError("index " + i + " is out of range for " + what + " of length " + n, it.loc);
    }
    return (int) j;
  }

  /** The slice an item denotes (bounds must be integers). */
  static Slice slice(Item it) {
    long step = it.step == null ? 1 : Values.integer(it.step, "a slice step", it.loc);
    if (step == 0) {
      throw new ExpError("slice step cannot be 0", it.loc);
    }
    Long lo = it.lo == null ? null : Values.integer(it.lo, "a slice start", it.loc);
    Long hi = it.hi == null ? null : Values.integer(it.hi, "a slice end", it.loc);
    return new Slice(lo, hi, step);
  }

  /** The library's index objects for the items: Long points, Slices, integer Tensors. */
  private static Object[] tensorItems(Item[] items) {
    Object[] out = new Object[items.length];
    for (int k = 0; k < items.length; k++) {
      Item it = items[k];
      if (it.slice) {
        out[k] = slice(it);
      } else if (it.point instanceof Tensor idx) {
        out[k] = idx;
      } else if (it.point instanceof List<?> || it.point instanceof RangeValue) {
        if (it.point instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Boolean) {
          throw new ExpError("an index list must hold integers, got a list of bools: there are no boolean masks "
              + "(select with x[nonzero(cond)])", it.loc);
        }
        Tensor idx = Values.asTensorOperand(it.point);
        if (idx == null) {
          throw new ExpError("an index list must hold integers, got " + Values.describe(it.point), it.loc);
        }
        out[k] = idx;
      } else if (it.point == null) {
        throw new ExpError("an index must be a number, got none: there is no newaxis index; add an axis with "
            + "expand_dims(x, axis) or reshape", it.loc);
      } else {
        out[k] = Values.integer(it.point, "an index", it.loc);
      }
    }
    return out;
  }

  static Object getTensor(Tensor t, Item[] items, Loc loc) {
    try {
      if (items.length == t.rank() && allNumbers(items)) {   // one element: no view, no boxing of indices
        long[] p = new long[items.length];
        for (int k = 0; k < p.length; k++) {
          p[k] = Values.integer(items[k].point, "an index", items[k].loc);
        }
        int pos = TensorIndex.elementPosition(t, p);
        double[] s = t.storage();
        return t.isComplex() ? (Object) new dev.exp.tensor.Complex(s[2 * pos], s[2 * pos + 1]) : (Object) s[pos];
      }
      return Values.unwrapScalar(TensorIndex.get(t, tensorItems(items)));
    } catch (KernelException e) {
      throw Context.fromKernel("", e, loc);
    }
  }

  private static boolean allNumbers(Item[] items) {
    for (Item it : items) {
      if (it.slice || !(it.point instanceof Double)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code target[items] = value}, returning the new container; {@code inPlace} (the caller owns
   * the tensor, record or {@link UpdatableList} exclusively) lets it be written instead of a copy.
   */
  public static Object set(Object target, Item[] items, Object value, boolean inPlace, Loc loc) {
    if (target instanceof Tensor t) {
      Object[] idx = tensorItems(items);
      Tensor v = Values.asTensorOperand(value);
      if (v == null) {
        throw new ExpError("cannot store " + Values.describe(value) + " in a tensor", loc);
      }
      try {
        return TensorIndex.set(t, idx, v, inPlace);
      } catch (KernelException e) {
        throw Context.fromKernel("", e, loc);
      }
    }
    if (target instanceof List<?> l) {
      if (items.length != 1 || items[0].slice) {
        throw new ExpError("list assignment takes one index", loc);
      }
      int i = point(items[0], l.size(), "a list");
      UpdatableList out = inPlace && l instanceof UpdatableList u ? u : UpdatableList.copyOf(l);
      out.setInPlace(i, value);
      return out;
    }
    if (target instanceof Record r) {
      if (items.length == 1 && items[0].point instanceof String key) {
        return inPlace ? r.setInPlace(key, value) : r.with(key, value);
      }
      throw new ExpError("a record is indexed by a field name string, e.g. r[\"lr\"]" + keyHint(items), loc);
    }
    throw new ExpError("cannot assign into " + Values.describe(target), loc);
  }
}
