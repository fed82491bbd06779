package dev.exp.eval.runtime;

import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import dev.exp.text.FormatSpec;
import java.util.List;

/**
 * A value under a format spec ({@code "{x:.3f}"}, {@code format(x, ".3f")}): numbers and complex
 * numbers by the spec; tensors, lists and records element by element, keeping their brackets (each
 * element padded to the spec's width); any other value's text by width, fill and alignment.
 */
public final class Formatted {
  private Formatted() {}

  /** The text of {@code v} under {@code spec}; throws IllegalArgumentException for a spec the value cannot take. */
  public static String of(Object v, FormatSpec spec) {
    if (v instanceof Double d) {
      return spec.format(d);
    }
    if (v instanceof Complex z) {
      return spec.formatComplex(z.re(), z.im());
    }
    if (v instanceof Tensor t) {
      StringBuilder sb = new StringBuilder();
      tensor(t, t.isComplex() ? t.complexRaw() : t.raw(), 0, 0, spec, sb);
      return sb.toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(of(l.get(i), spec));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Record r) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < r.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(Printer.fieldName(r.key(i)))
            .append(": ").append(of(r.value(i), spec));
      }
      return sb.append('}').toString();
    }
    return spec.formatText(Printer.str(v), Values.describe(v));
  }

  /** Appends the sub-tensor at {@code axis} starting at flat element {@code start}. */
  private static void tensor(Tensor t, double[] d, int axis, int start, FormatSpec spec, StringBuilder sb) {
    int[] shape = t.shape();
    if (axis == shape.length) {
      sb.append(t.isComplex() ? spec.formatComplex(d[2 * start], d[2 * start + 1]) : spec.format(d[start]));
      return;
    }
    int stride = 1;
    for (int k = axis + 1; k < shape.length; k++) {
      stride *= shape[k];
    }
    sb.append('[');
    for (int i = 0; i < shape[axis]; i++) {
      sb.append(i > 0 ? ", " : "");
      tensor(t, d, axis + 1, start + i * stride, spec, sb);
    }
    sb.append(']');
  }
}
