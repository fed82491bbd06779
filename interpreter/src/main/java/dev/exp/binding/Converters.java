package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ValueCodec;
import dev.exp.eval.runtime.Values;
import dev.exp.kernel.Fn;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts Exp values to the Java parameter types kernels declare, with messages that say what was expected. */
final class Converters {
  private Converters() {}

  /** Thrown when an argument does not fit; the caller adds the kernel and parameter names. */
  static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  /** Converts one argument. */
  interface Converter {
    Object convert(Object value, Context ctx, dev.exp.syntax.Loc loc);

    /** What the parameter expects, in words ("a tensor", "an integer"). */
    String expects();

    /** Whether {@code value} has the kind this converter takes (used for overload dispatch). */
    boolean accepts(Object value);
  }

  /**
   * Whether the converter of {@code type} hands a script function to the kernel as something it can
   * call ({@link Fn}, or a {@link dev.exp.linalg.LinearOperator} made of one). Any other value reaches
   * a kernel as it is, and a kernel cannot call the interpreter's functions.
   */
  static boolean wrapsFunctions(Class<?> type) {
    return type == Fn.class || type == dev.exp.linalg.LinearOperator.class;
  }

  static Converter forType(Class<?> type, Type generic) {
    if (type == Tensor.class) {
      return of("a tensor", v -> v instanceof Tensor || v instanceof Double || v instanceof List<?>
          || v instanceof dev.exp.eval.runtime.RangeValue, (v, ctx) -> tensor(v));
    }
    if (type == double.class || type == Double.class) {
      return of("a number", v -> v instanceof Double || v instanceof Tensor t && t.size() == 1, (v, ctx) -> v instanceof Double ? v : number(v));
    }
    if (type == int.class || type == Integer.class) {
      return of("an integer", v -> v instanceof Double, (v, ctx) -> (int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
    if (type == long.class || type == Long.class) {
      return of("an integer", v -> v instanceof Double, (v, ctx) -> integer(v, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    if (type == boolean.class || type == Boolean.class) {
      return of("a bool", v -> v instanceof Boolean, (v, ctx) -> {
        if (v instanceof Boolean b) {
          return b;
        }
        throw new Mismatch("expected a bool, got " + Values.describe(v));
      });
    }
    if (type == String.class) {
      return of("a string", v -> v instanceof String, (v, ctx) -> {
        if (v instanceof String s) {
          return s;
        }
        throw new Mismatch("expected a string, got " + Values.describe(v));
      });
    }
    if (type == dev.exp.tensor.Axes.class) {
      return of("an axis or a list of axes", v -> v instanceof Double || v instanceof List<?> || v instanceof Tensor,
          (v, ctx) -> axes(v));
    }
    if (type == int[].class) {
      return of("a shape (integer or list of integers)", v -> v instanceof Double || v instanceof List<?> || v instanceof Tensor,
          (v, ctx) -> shape(v));
    }
    if (type == Rng.class) {
      return of("an integer seed", v -> v == null || v instanceof Double, (v, ctx) -> {
        if (v == null) {
          return ctx.rng().split();
        }
        return new Rng(integer(v, Long.MIN_VALUE, Long.MAX_VALUE));
      });
    }
    if (type == Fn.class) {   // keep wrapsFunctions in step
      return new Converter() {
        @Override
        public Object convert(Object v, Context ctx, dev.exp.syntax.Loc loc) {
          if (!(v instanceof Callable c)) {
            throw new Mismatch("expected a function, got " + Values.describe(v));
          }
          return new ScriptFn(c, ctx, loc);
        }

        @Override
        public String expects() {
          return "a function";
        }

        @Override
        public boolean accepts(Object v) {
          return v instanceof Callable;
        }
      };
    }
    if (type == dev.exp.linalg.LinearOperator.class) {
      return new Converter() {
        @Override
        public Object convert(Object v, Context ctx, dev.exp.syntax.Loc loc) {
          if (v instanceof dev.exp.linalg.LinearOperator op) {
            return op;
          }
          if (v instanceof Callable c) {
            return dev.exp.linalg.LinearOperator.of(new ScriptFn(c, ctx, loc));
          }
          if (v instanceof Tensor || v instanceof List<?>) {
            Tensor t = tensor(v);
            if (t.rank() != 2) {
              throw new Mismatch("expected a matrix, a sparse matrix or a function x -> A x, got "
                  + Values.describe(t));
            }
            return dev.exp.linalg.LinearOperator.of(t);
          }
          throw new Mismatch("expected a matrix, a sparse matrix or a function x -> A x, got " + Values.describe(v));
        }

        @Override
        public String expects() {
          return "a matrix, a sparse matrix or a function x -> A x";
        }

        @Override
        public boolean accepts(Object v) {
          return v instanceof dev.exp.linalg.LinearOperator || v instanceof Callable || v instanceof Tensor;
        }
      };
    }
    if (type == List.class) {
      Type elem = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      boolean tensors = elem == Tensor.class;
      return of(tensors ? "a list of tensors" : "a list", v -> v instanceof List<?> || v instanceof Tensor,
          (v, ctx) -> list(v, tensors));
    }
    if (type == Map.class) {
      return of("a record", v -> v instanceof Map<?, ?>, (v, ctx) -> {
        if (v instanceof Map<?, ?> m) {
          return m;
        }
        throw new Mismatch("expected a record, got " + Values.describe(v));
      });
    }
    if (type == Object.class) {
      return of("any value", v -> true, (v, ctx) -> v instanceof dev.exp.eval.runtime.RangeValue r ? tensor(r) : v);
    }
    String typeName = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    String expected = dev.exp.kernel.Values.article(typeName) + " " + typeName;
    return of(expected, type::isInstance, (v, ctx) -> {
      if (type.isInstance(v)) {
        return v;
      }
      throw new Mismatch("expected " + expected + ", got " + Values.describe(v));
    });
  }

  private interface Conv {
    Object apply(Object v, Context ctx);
  }

  private static Converter of(String expects, java.util.function.Predicate<Object> accepts, Conv conv) {
    return new Converter() {
      @Override
      public Object convert(Object value, Context ctx, dev.exp.syntax.Loc loc) {
        return conv.apply(value, ctx);
      }

      @Override
      public String expects() {
        return expects;
      }

      @Override
      public boolean accepts(Object value) {
        return accepts.test(value);
      }
    };
  }

  /** Converts a kernel's Java result to an Exp value; chosen once per kernel from its return type. */
  interface Result {
    Object toExp(Object javaValue);
  }

  private static final Result SAME = v -> v;

  /** A tensor result; a 0-d one is a number (or a complex number), as everywhere in the language. */
  private static final Result TENSOR = v -> v instanceof Tensor t && t.rank() == 0 ? Values.unwrapScalar(t) : v;

  static Result result(Class<?> returnType) {
    if (returnType == Tensor.class) {
      return TENSOR;
    }
    if (returnType == double.class || returnType == Double.class
        || returnType == boolean.class || returnType == Boolean.class || returnType == String.class
        || returnType == void.class) {
      return SAME;
    }
    return ValueCodec::fromLibrary;
  }

  static Tensor tensor(Object v) {
    Tensor t = v instanceof Boolean ? null : Values.asTensorOperand(v);
    if (t != null) {
      return t;
    }
    if (v instanceof List<?>) {
      throw new Mismatch("expected a tensor, got a list that is not numeric or not rectangular");
    }
    throw new Mismatch("expected a tensor, got " + Values.describe(v));
  }

  static double number(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw new Mismatch("expected a number, got " + Values.describe(v));
  }

  static long integer(Object v, long min, long max) {
    double d = number(v);
    if (d != Math.rint(d) || Double.isInfinite(d)) {
      throw new Mismatch("expected an integer, got " + dev.exp.text.Numbers.format(d));
    }
    if (d < min || d > max) {
      boolean intRange = max == Integer.MAX_VALUE && (min == Integer.MIN_VALUE || min == 0);
      throw new Mismatch("expected an integer" + (min == 0 ? " >= 0" : intRange ? "" : " in [" + min + ", " + max + "]")
          + ", got " + dev.exp.text.Numbers.format(d) + (intRange && d > max ? " (too large: at most " + max + ")"
          : intRange && d < min ? " (too small: at least " + min + ")" : ""));
    }
    return (long) d;
  }

  /** One axis (a number) or several (a list or vector of integers); negative ones count from the end. */
  static dev.exp.tensor.Axes axes(Object v) {
    if (v instanceof Double) {
      return dev.exp.tensor.Axes.of((int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
    int[] a = v instanceof Tensor t && t.isComplex() ? null : integers(v, Integer.MIN_VALUE);
    if (a == null) {
      throw new Mismatch("expected an axis or a list of axes, got " + Values.describe(v));
    }
    if (a.length == 0) {
      throw new Mismatch("expected an axis or a list of axes, got an empty list");
    }
    return dev.exp.tensor.Axes.of(a);
  }

  static int[] shape(Object v) {
    tooLarge(v);
    if (v instanceof Double) {
      return new int[] {(int) integer(v, 0, Integer.MAX_VALUE)};
    }
    int[] s = integers(v, 0);
    if (s == null) {
      throw new Mismatch("expected a shape (an integer or a list of integers), got " + Values.describe(v));
    }
    return s;
  }

  /**
   * A shape with a dimension beyond the int range ({@code zeros([3e9])}) is a request for too much
   * memory, not a bad argument: the memory limit's error (exit code 3), or, under a budget that large,
   * the tensor size limit.
   */
  private static void tooLarge(Object v) {
    List<Double> dims = new ArrayList<>();
    if (v instanceof Double d) {
      dims.add(d);
    } else if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Double d) {
          dims.add(d);
        }
      }
    } else if (v instanceof Tensor t && t.rank() <= 1 && !t.isComplex()) {
      for (int i = 0; i < t.size(); i++) {
        dims.add(t.at(i));
      }
    }
    double elements = 1;
    boolean beyond = false;
    for (double d : dims) {
      if (!(d >= 0) || d != Math.rint(d) || Double.isInfinite(d)) {
        return;   // the usual "expected an integer >= 0" error
      }
      beyond |= d > Integer.MAX_VALUE;
      elements *= d;
    }
    if (beyond) {
      StringBuilder shape = new StringBuilder("[");
      for (int i = 0; i < dims.size(); i++) {
        shape.append(i > 0 ? ", " : "").append(dev.exp.text.Numbers.format(dims.get(i)));
      }
      String what = "a tensor of shape " + shape.append(']');
      dev.exp.kernel.Budget.doubles(elements >= Long.MAX_VALUE / 8 ? Long.MAX_VALUE : (long) elements, what);
      throw new Mismatch(what + " has a dimension beyond the " + (Integer.MAX_VALUE - 8) + " elements a tensor can hold");
    }
  }

  /** The integers (each at least {@code min}) of a list or a vector; null for any other value. */
  private static int[] integers(Object v, long min) {
    if (v instanceof List<?> l) {
      int[] s = new int[l.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = (int) integer(l.get(i), min, Integer.MAX_VALUE);
      }
      return s;
    }
    if (v instanceof Tensor t && t.rank() <= 1) {
      int[] s = new int[t.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = (int) integer(t.at(i), min, Integer.MAX_VALUE);
      }
      return s;
    }
    return null;
  }

  static List<Object> list(Object v, boolean tensors) {
    List<Object> out = new ArrayList<>();
    if (v instanceof Tensor t && t.rank() >= 1) {
      for (int i = 0; i < t.dim(0); i++) {
        int each = t.size() / t.dim(0);
        int[] s = t.shape();
        if (s.length == 1) {
          out.add(tensors ? Tensor.scalar(t.at(i)) : (Object) t.at(i));
        } else {
          double[] d = new double[each];
          System.arraycopy(t.raw(), i * each, d, 0, each);
          out.add(Tensor.wrap(java.util.Arrays.copyOfRange(s, 1, s.length), d));
        }
      }
      return out;
    }
    if (!(v instanceof List<?> l)) {
      throw new Mismatch("expected a list, got " + Values.describe(v));
    }
    for (Object o : l) {
      out.add(tensors ? tensor(o) : o);
    }
    return out;
  }
}
