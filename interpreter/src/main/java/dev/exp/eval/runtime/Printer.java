package dev.exp.eval.runtime;

import dev.exp.kernel.Budget;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.MemoryLimitException;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import dev.exp.text.Numbers;
import java.util.List;

/**
 * How values print. {@link #str} is what {@code print} shows (strings bare); {@link #repr} is the
 * form inside containers and in the REPL (strings quoted). Tensors print as nested brackets; a
 * matrix that does not fit one line prints one aligned row per line; large tensors are summarised
 * with {@code ...} (the first and last three entries of each long axis). Inside a list a tensor
 * prints as {@code tensor([1, 2])}, so that a list of tensors does not read as one tensor.
 */
public final class Printer {
  private static final int SUMMARY_THRESHOLD = 1000;
  private static final int EDGE = 3;
  private static final int LINE = 80;
  /** The longest text printed outside an evaluation (64 Mi characters). */
  private static final long HOST_MAX_CHARS = 1L << 26;

  private Printer() {}

  public static String str(Object v) {
    return v instanceof String s ? s : repr(v);
  }

  public static String repr(Object v) {
    if (v instanceof Double d) {
      return Numbers.format(d);
    }
    if (v instanceof String s) {
      return quote(s);
    }
    Text out = new Text();
    out.value(v);
    return out.toString();
  }

  /**
   * The text being built for one value. Shared sub-values print again wherever they occur (a record
   * nested in itself n times prints 2^n leaves), so the text is held to the memory budget and the
   * evaluation's limits are polled as it grows: such a value ends in a memory-limit or timeout
   * error rather than running until the heap is gone.
   */
  private static final class Text {
    private final StringBuilder sb = new StringBuilder();
    private final KernelContext ctx = KernelContext.current();
    /**
     * Characters allowed: two bytes each against the memory budget; outside an evaluation (a host
     * printing a result), {@link #HOST_MAX_CHARS}.
     */
    private final long maxChars = ctx == KernelContext.NONE ? HOST_MAX_CHARS
        : Math.min(Integer.MAX_VALUE - 16, ctx.maxValueBytes() / 2);
    private int sincePoll;

    void value(Object v) {
      if (++sincePoll >= 256) {
        sincePoll = 0;
        ctx.poll();
      }
      if (v instanceof List<?> l) {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          Object item = l.get(i);   // every item: str() of a list is data (the REPL shortens what it shows)
          if (item instanceof Tensor t && t.rank() > 0) {
            // [[1, 2], [3, 4]] would read back as one matrix, and [[1, 2], [3]] as an error
            String text = tensor(t);
            sb.append(text.startsWith("zeros(") ? text : "tensor(" + text + ")");
          } else {
            value(item);
          }
        }
        sb.append(']');
      } else if (v instanceof Record r) {
        sb.append('{');
        for (int i = 0; i < r.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(fieldName(r.key(i))).append(": ");
          value(r.value(i));
        }
        sb.append('}');
      } else {
        sb.append(leaf(v));
      }
      if (sb.length() > maxChars) {
        throw new MemoryLimitException("printing this value needs more than " + Budget.size(2 * maxChars)
            + " of text, over the limit of " + Budget.size(2 * maxChars)
            + " (it holds the same parts many times over?); print a part of it");
      }
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /** The text of a value that holds no other values. */
  private static String leaf(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double d) {
      return Numbers.format(d);
    }
    if (v instanceof Complex z) {
      return complex(z.re(), z.im());
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Tensor t) {
      return tensor(t);
    }
    if (v instanceof Callable c) {
      return "<fn " + c.signature() + ">";
    }
    if (v instanceof RangeValue r) {
      return r.toString();
    }
    if (v instanceof dev.exp.kernel.ScriptObject o) {
      return o.summary();
    }
    return String.valueOf(v);
  }

  /** A record field name as a literal shows it: bare when an identifier, else quoted. */
  static String fieldName(String k) {
    return dev.exp.syntax.Identifiers.isIdentifier(k) ? k : quote(k);
  }

  /** An Exp string literal holding s exactly (escapes for quotes, backslashes, braces, control characters). */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '{' -> sb.append("\\{");
        case '}' -> sb.append("\\}");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));   // other control characters, visibly
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A complex number as Exp source text that reads back to the same value: {@code 1+2i},
   * {@code 1-0.5i}, {@code 2i} (zero real part), {@code 3+0i}; each part in shortest round-trip digits.
   * A part that is inf or nan has no literal form: {@code complex(1, -inf)}.
   */
  public static String complex(double re, double im) {
    if (!Double.isFinite(re) || !Double.isFinite(im)) {
      return "complex(" + Numbers.format(re) + ", " + Numbers.format(im) + ")";
    }
    if (re == 0 && 1 / re > 0) {
      return Numbers.format(im) + "i";
    }
    boolean negative = im < 0 || (im == 0 && 1 / im < 0);
    return Numbers.format(re) + (negative ? "-" : "+") + Numbers.format(Math.abs(im)) + "i";
  }

  /** Tensor text: one line when it fits, else one row per line with aligned columns. */
  public static String tensor(Tensor t) {
    int[] shape = t.shape();
    if (shape.length == 0) {
      return t.isComplex() ? complex(t.getRe(), t.getIm()) : Numbers.format(t.at(0));
    }
    if (t.size() == 0) {   // [] and [[], []] would read back as lists: name the shape
      StringBuilder sb = new StringBuilder("zeros([");
      for (int d = 0; d < shape.length; d++) {
        sb.append(d > 0 ? ", " : "").append(shape[d]);
      }
      return sb.append("])").toString();
    }
    boolean summarise = t.size() > SUMMARY_THRESHOLD;
    boolean isComplex = t.isComplex();
    double[] values = isComplex ? t.complexRaw() : t.raw();
    String[] cells = new String[t.size()];
    int width = 0;
    for (int i = 0; i < cells.length; i++) {
      if (summarise && !visible(i, shape)) {
        continue;
      }
      cells[i] = isComplex ? complex(values[2 * i], values[2 * i + 1]) : Numbers.format(values[i]);
      width = Math.max(width, cells[i].length());
    }
    String oneLine = render(t, shape, cells, 0, 0, 0, false, 0);
    if (oneLine.length() <= LINE || shape.length == 1) {
      return oneLine;
    }
    return render(t, shape, cells, 0, 0, 0, true, width);
  }

  private static boolean visible(int flat, int[] shape) {
    int rest = flat;
    for (int d = shape.length - 1; d >= 0; d--) {
      int i = rest % shape[d];
      rest /= shape[d];
      if (shape[d] > 2 * EDGE && i >= EDGE && i < shape[d] - EDGE) {
        return false;
      }
    }
    return true;
  }

  private static String render(Tensor t, int[] shape, String[] cells, int axis, int offset, int indent,
      boolean multiline, int width) {
    int n = shape[axis];
    int stride = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      stride *= shape[d];
    }
    boolean summarise = t.size() > SUMMARY_THRESHOLD && n > 2 * EDGE;
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      if (summarise && i == EDGE) {
        sb.append(axis == shape.length - 1 || !multiline ? "..., " : "...,\n" + " ".repeat(indent + 1));
        i = n - EDGE;
      }
      if (axis == shape.length - 1) {
        String c = cells[offset + i];
        sb.append(multiline ? " ".repeat(Math.max(0, width - c.length())) + c : c);
      } else {
        sb.append(render(t, shape, cells, axis + 1, offset + i * stride, indent + 1, multiline, width));
      }
      if (i < n - 1) {
        if (axis < shape.length - 1 && multiline) {
          sb.append(",").append("\n".repeat(shape.length - 1 - axis)).append(" ".repeat(indent + 1));
        } else {
          sb.append(", ");
        }
      }
    }
    return sb.append(']').toString();
  }
}
