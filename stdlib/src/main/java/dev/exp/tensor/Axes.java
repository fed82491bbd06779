package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import java.util.Arrays;

/**
 * The {@code axis} argument of a reduction: one axis or several (NumPy's tuple of axes, written as a
 * list: {@code sum(x, axis: [0, 2])}); none (a null {@code Axes}) means every value. Negative axes
 * count from the end.
 */
public final class Axes {
  private final int[] axes;

  private Axes(int[] axes) {
    this.axes = axes;
  }

  public static Axes of(int... axes) {
    if (axes.length == 0) {
      throw new IllegalArgumentException("at least one axis");
    }
    return new Axes(axes.clone());
  }

  /** Whether this is one axis (then {@link #single()} is it). */
  public boolean isSingle() {
    return axes.length == 1;
  }

  public int single() {
    return axes[0];
  }

  /** The axes normalised against {@code rank}, ascending; repeated or out-of-range axes are errors. */
  public int[] normalized(int rank, String fn) {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      int a = axes[i] < 0 ? axes[i] + rank : axes[i];
      if (a < 0 || a >= rank) {
        throw KernelException.of("%s: axis %d is out of range for a tensor of rank %d", fn, axes[i], rank);
      }
      out[i] = a;
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw KernelException.of("%s: axis %d is given twice in %s", fn, out[i], this);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return axes.length == 1 ? String.valueOf(axes[0]) : Arrays.toString(axes);
  }

  /** A reduction over every value (axis null) or along one axis: the kernel's own one-axis form. */
  @FunctionalInterface
  public interface OneAxis {
    Object apply(Tensor x, Integer axis, boolean keepdims);
  }

  /**
   * {@code op} over {@code axes}: every value when axes is null or names every axis, one axis as op
   * has it; several axes are moved last and merged into one (a copy), which op then reduces, so any
   * reduction (var and std included) means over several axes what it means over one. {@code
   * keepdims} keeps each reduced axis with length 1.
   */
  public static Object reduce(Tensor x, Axes axes, boolean keepdims, String fn, OneAxis op) {
    if (axes == null) {
      return op.apply(x, null, keepdims);
    }
    if (axes.isSingle()) {
      return op.apply(x, axes.single(), keepdims);
    }
    int r = x.rank();
    int[] red = axes.normalized(r, fn);
    if (red.length == r) {
      return op.apply(x, null, keepdims);
    }
    int[] shape = x.shape();
    boolean[] reduced = new boolean[r];
    for (int a : red) {
      reduced[a] = true;
    }
    int[] perm = new int[r];
    int[] merged = new int[r - red.length + 1];
    int k = 0;
    for (int a = 0; a < r; a++) {
      if (!reduced[a]) {
        merged[k] = shape[a];
        perm[k++] = a;
      }
    }
    int n = 1;
    for (int a : red) {
      perm[k++] = a;
      n *= shape[a];
    }
    merged[merged.length - 1] = n;
    Object out = op.apply(Shapes.reshape(Views.permute(x, perm), merged), merged.length - 1, false);
    if (!keepdims || !(out instanceof Tensor t)) {
      return out;
    }
    int[] kept = shape.clone();
    for (int a : red) {
      kept[a] = 1;
    }
    return Shapes.reshape(t, kept);
  }
}
