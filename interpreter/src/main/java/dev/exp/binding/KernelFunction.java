package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Signature;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.syntax.Loc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A script function backed by one annotated static kernel method, called through a direct {@link
 * KernelInvoker} made once it is hot. Everything about a parameter is decided when the kernel is bound:
 * its script name and default ({@link Signature}), its converter, and where the {@link KernelContext}
 * goes (a parameter of that type without {@code @Arg}, invisible to scripts).
 */
public final class KernelFunction implements Callable {
  private final Method method;
  private final String name;
  /** The documentation, read from the annotation when first asked for ({@code help}, the reference). */
  private volatile String doc;
  private final String[] needs;
  /** {@code Kernel#scalar}: a number for number arguments. */
  private final boolean scalar;
  private final Signature sig;
  /** Per Java parameter: the script parameter it takes, or -1 for the kernel context. */
  private final int[] source;
  private final Object[] defaults;
  private final Converters.Converter[] converters;
  private final boolean callsBack;
  /** Per script parameter: how to convert, decided once ({@link #ANY}, {@link #TENSOR}, {@link #NUMBER} or general). */
  private final byte[] kinds;
  private static final byte GENERAL = 0;
  private static final byte ANY = 1;
  private static final byte TENSOR = 2;
  private static final byte NUMBER = 3;
  /**
   * Per script parameter: a none argument reaches Java as null. Only parameters that take any value or
   * whose default is none accept it; elsewhere none is an argument error naming the parameter.
   */
  private final boolean[] noneAsNull;
  private final boolean resolvesPath;
  /** The direct invoker, made after {@link #COLD_CALLS} calls (see {@link #call(Object[])}); racy but idempotent. */
  private KernelInvoker invoker;
  private int coldCalls;
  /**
   * Calls made by reflection before the direct invoker is made: a script that calls a kernel a few
   * times does not pay for spinning invokers (the first one costs tens of ms of java.lang.invoke
   * start-up on JDK 17), a hot kernel gets one.
   */
  static final int COLD_CALLS = 32;
  private final Converters.Result result;

  KernelFunction(Method method) {
    this(method, dev.exp.kernel.KernelSpec.of(method));
  }

  /** Binds {@code method} as {@code spec} describes it (from the kernel index: no annotation is read). */
  KernelFunction(Method method, dev.exp.kernel.KernelSpec spec) {
    if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())) {
      throw new IllegalArgumentException("kernel " + spec.name() + " must be public static: " + method);
    }
    this.method = method;
    this.name = spec.name();
    this.needs = spec.needs();
    this.scalar = spec.scalar();
    Class<?>[] types = method.getParameterTypes();
    java.lang.reflect.Type[] generic = method.getGenericParameterTypes();
    source = new int[types.length];
    List<String> names = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    List<Object> dflts = new ArrayList<>();
    List<Converters.Converter> convs = new ArrayList<>();
    List<Boolean> nulls = new ArrayList<>();
    boolean path = false;
    int namedFrom = -1;
    for (int i = 0; i < types.length; i++) {
      String argName = spec.args()[i];
      if (argName != null && argName.startsWith(dev.exp.kernel.KernelSpec.NAMED)) {
        argName = argName.substring(dev.exp.kernel.KernelSpec.NAMED.length());
        namedFrom = namedFrom < 0 ? names.size() : namedFrom;
      }
      if (argName == null) {
        if (types[i] == KernelContext.class) {
          source[i] = -1;
          continue;
        }
        throw new IllegalArgumentException("kernel " + name + ": parameter " + i + " has no @Arg: " + method);
      }
      String dflt = spec.defaults()[i];
      source[i] = names.size();
      names.add(argName);
      boolean required = dflt.equals(Arg.REQUIRED);
      shown.add(required ? null : dflt);
      dflts.add(required ? null : Literals.parse(dflt));
      convs.add(Converters.forType(types[i], generic[i]));
      Class<?> t = types[i];
      nulls.add(t == Object.class || !t.isPrimitive() && t != dev.exp.random.Rng.class && dflt.equals("none"));
      path |= argName.equals("path");
    }
    // a seed is named: rand(3, 4) must be an error, not 3 numbers from seed 4
    int seed = names.indexOf("seed");
    namedFrom = namedFrom < 0 ? seed : seed < 0 ? namedFrom : Math.min(namedFrom, seed);
    this.sig = new Signature(name, names.toArray(new String[0]), shown.toArray(new String[0]), false, namedFrom);
    this.defaults = dflts.toArray();
    this.converters = convs.toArray(new Converters.Converter[0]);
    this.noneAsNull = new boolean[nulls.size()];
    for (int i = 0; i < noneAsNull.length; i++) {
      noneAsNull[i] = nulls.get(i);
    }
    this.resolvesPath = path && needs.length > 0;
    this.kinds = new byte[converters.length];
    for (int i = 0, p = 0; i < types.length; i++) {
      if (source[i] < 0) {
        continue;
      }
      Class<?> t = types[i];
      kinds[p++] = t == Object.class ? ANY : t == dev.exp.tensor.Tensor.class ? TENSOR
          : t == double.class || t == Double.class ? NUMBER : GENERAL;
    }
    this.result = Converters.result(method.getReturnType());
    boolean calls = false;
    for (Class<?> t : types) {
      calls |= Converters.wrapsFunctions(t);
    }
    this.callsBack = calls;
  }

  /** True when a parameter takes a script function ({@link Converters#wrapsFunctions}); other values reach a kernel as they are, where it cannot call them. */
  @Override
  public boolean mayCallBack() {
    return callsBack;
  }

  /** Calls the Java method: by reflection while cold, then through the direct invoker. */
  private Object call(Object[] javaArgs) throws Throwable {
    KernelInvoker inv = invoker;
    if (inv != null) {
      return inv.call(javaArgs);
    }
    if (++coldCalls >= COLD_CALLS) {
      invoker = KernelInvoker.of(method);
    }
    try {
      return method.invoke(null, javaArgs);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Signature sig() {
    return sig;
  }

  @Override
  public dev.exp.tensor.op.UnaryOp scalarOp() {
    return method.getDeclaringClass() == dev.exp.tensor.ElementWise.class && converters.length == 1
        && needs.length == 0 ? dev.exp.tensor.ElementWise.scalarOp(name) : null;
  }

  @Override
  public boolean returnsNumber(boolean[] given) {
    Class<?> r = method.getReturnType();
    boolean numeric = r == double.class || r == int.class || r == long.class;
    if (!numeric && !scalar || needs.length > 0 || given.length != kinds.length) {
      return false;
    }
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (source[i] >= 0 && given[source[i]] && !numberType(types[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean numberType(Class<?> t) {
    return t == double.class || t == Double.class || t == int.class || t == Integer.class || t == long.class
        || t == Long.class || t == dev.exp.random.Rng.class;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String doc() {
    String d = doc;
    if (d == null) {
      d = method.getAnnotation(Kernel.class).doc();
      doc = d;
    }
    return d;
  }

  Method method() {
    return method;
  }

  /** Whether the first argument fits this overload. */
  boolean acceptsFirst(Object value) {
    return converters.length > 0 && converters[0].accepts(value);
  }

  String firstExpects() {
    return converters.length > 0 ? converters[0].expects() : "nothing";
  }

  @Override
  public Object invoke(Context ctx, Object[] bound, Loc loc) {
    for (String need : needs) {
      ctx.require(need, name, loc);
    }
    int n = converters.length;
    for (int p = 0; p < n; p++) {
      Object v = bound[p];
      if (v == Signature.MISSING) {
        v = defaults[p];
      }
      if (v == null && noneAsNull[p]) {
        bound[p] = null;
        continue;
      }
      // the common kinds without a converter call: values that already have the Java type
      byte kind = kinds[p];
      if (kind == ANY && !(v instanceof dev.exp.eval.runtime.RangeValue)
          || kind == TENSOR && v instanceof dev.exp.tensor.Tensor || kind == NUMBER && v instanceof Double) {
        bound[p] = v;
        continue;
      }
      try {
        v = converters[p].convert(v, ctx, loc);
      } catch (Converters.Mismatch m) {
        throw new ExpError(hinted(name + ": argument " + sig.param(p) + ": " + m.getMessage()), loc);
      } catch (dev.exp.kernel.MemoryLimitException me) {
        throw Context.memoryLimit(name + ": argument " + sig.param(p) + ": " + me.getMessage(), loc);
      } catch (KernelException ke) {
        throw new ExpError(name + ": argument " + sig.param(p) + ": " + ke.getMessage(), loc, ke);
      }
      if (resolvesPath && v instanceof String path && sig.param(p).equals("path")) {
        // file kernels see paths relative to the session's base directory, confined to its folders
        v = ctx.resolvePath(path, name, loc).toString();
      }
      bound[p] = v;
    }
    Object[] javaArgs = bound;
    if (source.length != n || bound.length != n) {
      javaArgs = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        javaArgs[i] = source[i] < 0 ? ctx : bound[source[i]];
      }
    }
    Object out;
    Loc saved = ctx.enterKernel(loc);
    try {
      out = call(javaArgs);
    } catch (ExpError x) {
      if (x.getCause() == null && !dev.exp.eval.runtime.ErrorFrames.of(x).isEmpty()) {
        // came out of a script callback: record this kernel between the callback's stack and the caller's
        dev.exp.eval.runtime.ErrorFrames.leaveKernel(x, name, loc);
      }
      throw x;
    } catch (dev.exp.kernel.MemoryLimitException me) {
      throw Context.memoryLimit(name + ": " + me.getMessage(), loc);
    } catch (KernelException ke) {
      ctx.poll(loc);   // a kernel that gave up because the evaluation must stop: the limit's own error
      String msg = ke.getMessage();
      throw new ExpError(hinted(msg.startsWith(name) ? msg : name + ": " + msg), loc, ke);
    } catch (StackOverflowError so) {
      throw so;
    } catch (OutOfMemoryError oom) {
      throw Context.memoryLimit(name + ": the JVM ran out of memory (" + dev.exp.eval.runtime.InternalErrors.heap() + ")", loc);
    } catch (Throwable c) {
      if (!method.getDeclaringClass().getName().startsWith("dev.exp.")) {
        // a host module's own failure: its message is for the user, and it is not a bug in Exp
        String m = c.getMessage();
        throw new ExpError(name + ": " + (m == null || m.isBlank()
            ? "the host module failed (" + dev.exp.eval.runtime.InternalErrors.kind(c) + ")" : m), loc, c);
      }
      throw new ExpError("internal error in " + name + ": " + dev.exp.eval.runtime.InternalErrors.cause(c), loc, c);
    } finally {
      ctx.exitKernel(saved);
    }
    // limits hold at every kernel call, however it is reached (also map(xs, sqrt)), checked once, after
    // it: a kernel whose work cannot poll inside (a long Java loop, a host's code) stops the script here
    ctx.poll(loc);
    return result.toExp(out);
  }

  /**
   * A hint for a likely slip: {@code max(a, b)} as in Python takes b as the axis; the element-wise
   * larger of two values is {@code maximum(a, b)}.
   */
  private String hinted(String msg) {
    if ((name.equals("max") || name.equals("min")) && msg.contains("axis")) {
      return msg + " (" + name + "(x, axis) reduces one tensor; for the element-wise " + (name.equals("max") ? "larger"
          : "smaller") + " of two values write " + name + "imum(a, b))";
    }
    return msg;
  }
}
