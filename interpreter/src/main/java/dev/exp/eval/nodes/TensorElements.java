package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Values;
import dev.exp.kernel.KernelException;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorIndex;

/**
 * Element reads and in-place element writes of real tensors for translated code ({@link
 * NumericCodegen}): {@code x[i]} and {@code u[i, j]} with number indices. In range they compute
 * the element's position as {@link TensorIndex#elementPosition} does; anything else (an index that
 * is not an integer, out of range) goes through the same library calls as the tree, so the error is
 * the tree's.
 */
final class TensorElements {
  private TensorElements() {}

  /** Whether translated code may read {@code v} as a real tensor of {@code rank}. */
  static boolean readable(Object v, int rank) {
    return v instanceof Tensor t && !t.isComplex() && t.rank() == rank;
  }

  /**
   * Whether translated code may write into {@code t} in place: the variable owns it and its storage is
   * exactly its elements, which is when the tree writes in place too.
   */
  static boolean writable(Tensor t, Object owner) {
    return t == owner && t.isContiguous() && t.offset() == 0 && t.storage().length == t.size();
  }

  /** A global tensor read by translated code; {@link NumericEntry.Deopt} when it is no longer one of that rank. */
  static Tensor global(GlobalVar g, int rank) {
    Object v = g.value;
    if (!readable(v, rank)) {
      throw NumericEntry.Deopt.INSTANCE;
    }
    return (Tensor) v;
  }

  /** A frame's tensor read by a translated loop at entry ({@link NumericLoop#ready} checked it). */
  static Tensor slot(Frame f, int s) {
    return (Tensor) f.slots[s];
  }

  private static long index(double i, Loc at) {
    if (i == Math.rint(i) && !Double.isInfinite(i)) {
      return (long) i;
    }
    return Values.integer(i, "an index", at);   // throws the tree's error
  }

  private static int position(Tensor t, long[] idx, Loc loc) {
    try {
      return TensorIndex.elementPosition(t, idx);
    } catch (KernelException e) {
      throw Context.fromKernel("", e, loc);
    }
  }

  // The fast paths are kept small so that the JIT inlines them at every site: a non-negative integer
  // index in range reads or writes the storage directly; anything else takes the tree's route.

  static double get1(Tensor t, double i, Loc li, Loc loc) {
    int k = (int) i;
    if (k == i && k >= 0 && k < t.extent(0)) {
      return t.storage()[t.offset() + k * t.stride(0)];
    }
    return t.storage()[slowPosition(t, i, 0, li, null, loc)];
  }

  static double get2(Tensor t, double i, double j, Loc li, Loc lj, Loc loc) {
    int k = (int) i;
    int m = (int) j;
    if (k == i && m == j && k >= 0 && m >= 0 && k < t.extent(0) && m < t.extent(1)) {
      return t.storage()[t.offset() + k * t.stride(0) + m * t.stride(1)];
    }
    return t.storage()[slowPosition(t, i, j, li, lj, loc)];
  }

  /** {@code t[i] op= v} in place ({@code op} 0 for plain {@code =}, else a {@link #code}). */
  static void set1(Tensor t, double i, double v, int op, Loc li, Loc loc) {
    int k = (int) i;
    int p = k == i && k >= 0 && k < t.extent(0) ? t.offset() + k * t.stride(0) : slowPosition(t, i, 0, li, null, loc);
    double[] s = t.storage();
    s[p] = op == 0 ? v : apply(op, s[p], v);
  }

  static void set2(Tensor t, double i, double j, double v, int op, Loc li, Loc lj, Loc loc) {
    int k = (int) i;
    int m = (int) j;
    int p = k == i && m == j && k >= 0 && m >= 0 && k < t.extent(0) && m < t.extent(1)
        ? t.offset() + k * t.stride(0) + m * t.stride(1) : slowPosition(t, i, j, li, lj, loc);
    double[] s = t.storage();
    s[p] = op == 0 ? v : apply(op, s[p], v);
  }

  /** The position the tree computes for {@code t[i]} or {@code t[i, j]} ({@code lj} null for one index), or its error. */
  private static int slowPosition(Tensor t, double i, double j, Loc li, Loc lj, Loc loc) {
    long a = index(i, li);
    long[] idx = lj == null ? new long[] {a} : new long[] {a, index(j, lj)};
    return position(t, idx, loc);
  }

  /** Compound assignment codes: 1 {@code +=}, 2 {@code -=}, 3 {@code *=}, 4 {@code /=}. */
  static int code(dev.exp.tensor.op.BinaryOp op) {
    if (op == null) {
      return 0;
    }
    return switch (op) {
      case ADD -> 1;
      case SUB -> 2;
      case MUL -> 3;
      case DIV -> 4;
      default -> -1;
    };
  }

  private static double apply(int op, double old, double v) {
    return switch (op) {
      case 1 -> old + v;
      case 2 -> old - v;
      case 3 -> old * v;
      default -> old / v;
    };
  }
}
