package dev.exp.eval;

import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexing and slicing ({@code x[i]}, {@code x[i, j]}, {@code x[a:b:s]}, negative indices from the
 * end) on tensors, lists and strings; element assignment builds a new value (values are immutable).
 */
final class Indexing {
  private Indexing() {}

  /** One evaluated index position: a point or a slice (null bounds = open). */
  record Item(boolean slice, Object point, Object lo, Object hi, Object step, Loc loc) {}

  static Object row(Tensor t, int i) {
    int[] s = t.shape();
    if (s.length == 1) {
      return t.at(i);
    }
    int each = t.size() / s[0];
    double[] d = new double[each];
    System.arraycopy(t.raw(), i * each, d, 0, each);
    int[] rs = new int[s.length - 1];
    System.arraycopy(s, 1, rs, 0, rs.length);
    return Tensor.wrap(rs, d);
  }

  static Object get(Object target, Item[] items, Loc loc) {
    if (target instanceof Tensor t) {
      return getTensor(t, items, loc);
    }
    if (target instanceof List<?> l) {
      if (items.length != 1) {
        throw new ExpError("a list takes one index, got " + items.length, loc);
      }
      Item it = items[0];
      if (it.slice) {
        int[] idx = sliceIndices(it, l.size());
        List<Object> out = new ArrayList<>(idx.length);
        for (int i : idx) {
          out.add(l.get(i));
        }
        return Values.list(out);
      }
      return l.get(point(it, l.size(), "a list of length " + l.size()));
    }
    if (target instanceof String s) {
      if (items.length != 1) {
        throw new ExpError("a string takes one index, got " + items.length, loc);
      }
      Item it = items[0];
      if (it.slice) {
        StringBuilder sb = new StringBuilder();
        for (int i : sliceIndices(it, s.length())) {
          sb.append(s.charAt(i));
        }
        return sb.toString();
      }
      return String.valueOf(s.charAt(point(it, s.length(), "a string of length " + s.length())));
    }
    if (target instanceof Record r) {
      if (items.length == 1 && !items[0].slice && items[0].point instanceof String key) {
        int i = r.indexOf(key);
        if (i < 0) {
          throw new ExpError("record has no field \"" + key + "\"" + Suggest.didYouMean(key, List.of(r.keys))
              + " (fields: " + String.join(", ", r.keys) + ")", loc);
        }
        return r.values[i];
      }
      throw new ExpError("a record is indexed by a field name string, e.g. r[\"lr\"]", loc);
    }
    if (target instanceof RangeValue r) {
      return get(Values.rangeToTensor(r), items, loc);
    }
    throw new ExpError("cannot index " + Values.describe(target), loc);
  }

  private static int point(Item it, int n, String what) {
    long i = Values.integer(it.point, "an index", it.loc);
    long j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw new ExpError("index " + i + " is out of range for " + what, it.loc);
    }
    return (int) j;
  }

  static int[] sliceIndices(Item it, int n) {
    long step = it.step == null ? 1 : Values.integer(it.step, "a slice step", it.loc);
    if (step == 0) {
      throw new ExpError("slice step cannot be 0", it.loc);
    }
    long lo;
    long hi;
    if (step > 0) {
      lo = it.lo == null ? 0 : clamp(Values.integer(it.lo, "a slice start", it.loc), n, 0, n);
      hi = it.hi == null ? n : clamp(Values.integer(it.hi, "a slice end", it.loc), n, 0, n);
    } else {
      lo = it.lo == null ? n - 1 : clamp(Values.integer(it.lo, "a slice start", it.loc), n, -1, n - 1);
      hi = it.hi == null ? -1 : clamp(Values.integer(it.hi, "a slice end", it.loc), n, -1, n - 1);
    }
    List<Integer> out = new ArrayList<>();
    for (long i = lo; step > 0 ? i < hi : i > hi; i += step) {
      out.add((int) i);
    }
    int[] r = new int[out.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = out.get(i);
    }
    return r;
  }

  private static long clamp(long i, int n, long min, long max) {
    long j = i < 0 ? i + n : i;
    return Math.max(min, Math.min(max, j));
  }

  /** Per-axis selected indices; {@code kept[a]} false where a point index removes the axis. */
  private static int[][] select(Tensor t, Item[] items, boolean[] kept, Loc loc) {
    int[] shape = t.shape();
    if (items.length > shape.length) {
      throw new ExpError("too many indices: " + items.length + " for a tensor of shape " + Tensor.shapeString(shape), loc);
    }
    int[][] sel = new int[shape.length][];
    for (int a = 0; a < shape.length; a++) {
      if (a < items.length) {
        Item it = items[a];
        if (it.slice) {
          sel[a] = sliceIndices(it, shape[a]);
          kept[a] = true;
        } else if (it.point instanceof Tensor idx) {
          sel[a] = new int[idx.size()];
          for (int k = 0; k < idx.size(); k++) {
            sel[a][k] = point(new Item(false, idx.at(k), null, null, null, it.loc), shape[a],
                "axis " + a + " of length " + shape[a]);
          }
          kept[a] = true;
        } else {
          sel[a] = new int[] {point(it, shape[a], "axis " + a + " of length " + shape[a]
              + " (shape " + Tensor.shapeString(shape) + ")")};
          kept[a] = false;
        }
      } else {
        sel[a] = new int[shape[a]];
        for (int k = 0; k < shape[a]; k++) {
          sel[a][k] = k;
        }
        kept[a] = true;
      }
    }
    return sel;
  }

  private static int[] offsets(int[] shape, int[][] sel) {
    int[] strides = Tensor.stridesOf(shape);
    int total = 1;
    for (int[] s : sel) {
      total *= s.length;
    }
    int[] out = new int[total];
    int n = shape.length;
    int[] idx = new int[n];
    for (int k = 0; k < total; k++) {
      int off = 0;
      for (int a = 0; a < n; a++) {
        off += sel[a][idx[a]] * strides[a];
      }
      out[k] = off;
      for (int a = n - 1; a >= 0; a--) {
        if (++idx[a] < sel[a].length) {
          break;
        }
        idx[a] = 0;
      }
    }
    return out;
  }

  private static int[] resultShape(int[][] sel, boolean[] kept) {
    int count = 0;
    for (boolean k : kept) {
      if (k) {
        count++;
      }
    }
    int[] rs = new int[count];
    int j = 0;
    for (int a = 0; a < sel.length; a++) {
      if (kept[a]) {
        rs[j++] = sel[a].length;
      }
    }
    return rs;
  }

  static Object getTensor(Tensor t, Item[] items, Loc loc) {
    if (t.rank() == 0) {
      throw new ExpError("cannot index a 0-dimensional tensor", loc);
    }
    if (items.length == 1 && !items[0].slice && items[0].point instanceof Double) {
      int n = t.dim(0);
      return row(t, point(items[0], n, "axis 0 of length " + n + " (shape " + Tensor.shapeString(t.shape()) + ")"));
    }
    boolean[] kept = new boolean[t.rank()];
    int[][] sel = select(t, items, kept, loc);
    int[] offs = offsets(t.shape(), sel);
    int[] rs = resultShape(sel, kept);
    if (rs.length == 0) {
      return t.at(offs[0]);
    }
    double[] d = new double[offs.length];
    double[] src = t.raw();
    for (int k = 0; k < d.length; k++) {
      d[k] = src[offs[k]];
    }
    return Tensor.wrap(rs, d);
  }

  /** {@code target[items] = value}, returning the new container; {@code inPlace} writes into target. */
  static Object set(Object target, Item[] items, Object value, boolean inPlace, Loc loc) {
    if (target instanceof Tensor t) {
      boolean[] kept = new boolean[t.rank()];
      int[][] sel = select(t, items, kept, loc);
      int[] offs = offsets(t.shape(), sel);
      int[] rs = resultShape(sel, kept);
      Tensor v = Values.asTensorOperand(value);
      if (v == null) {
        throw new ExpError("cannot store " + Values.describe(value) + " in a tensor", loc);
      }
      Tensor out = inPlace ? t : t.copy();
      double[] dst = out.raw();
      if (v.size() == 1) {
        double x = v.at(0);
        for (int off : offs) {
          dst[off] = x;
        }
        return out;
      }
      Tensor b;
      try {
        b = v.broadcastTo(rs);
      } catch (dev.exp.kernel.KernelException e) {
        throw new ExpError("cannot assign a value of shape " + Tensor.shapeString(v.shape()) + " to a selection of shape "
            + Tensor.shapeString(rs), loc);
      }
      for (int k = 0; k < offs.length; k++) {
        dst[offs[k]] = b.at(k);
      }
      return out;
    }
    if (target instanceof List<?> l) {
      if (items.length != 1 || items[0].slice) {
        throw new ExpError("list assignment takes one index", loc);
      }
      List<Object> out = new ArrayList<>(l);
      out.set(point(items[0], l.size(), "a list of length " + l.size()), value);
      return Values.list(out);
    }
    if (target instanceof Record r) {
      if (items.length == 1 && items[0].point instanceof String key) {
        return r.with(key, value);
      }
      throw new ExpError("a record is indexed by a field name string", loc);
    }
    throw new ExpError("cannot assign into " + Values.describe(target), loc);
  }
}
