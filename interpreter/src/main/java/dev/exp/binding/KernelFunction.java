package dev.exp.binding;

import dev.exp.eval.Callable;
import dev.exp.eval.Context;
import dev.exp.eval.ExpError;
import dev.exp.eval.Suggest;
import dev.exp.eval.Values;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.syntax.Loc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/** A script function backed by one annotated static kernel method. */
public final class KernelFunction implements Callable {
  private final Method method;
  private final String name;
  private final String doc;
  private final String[] needs;
  private final String[] paramNames;
  private final Object[] defaults;
  private final boolean[] required;
  private final Converters.Converter[] converters;
  private final String signature;

  KernelFunction(Method method) {
    Kernel k = method.getAnnotation(Kernel.class);
    if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())) {
      throw new IllegalArgumentException("kernel " + k.name() + " must be public static: " + method);
    }
    this.method = method;
    this.name = k.name();
    this.doc = k.doc();
    this.needs = k.needs();
    Parameter[] ps = method.getParameters();
    paramNames = new String[ps.length];
    defaults = new Object[ps.length];
    required = new boolean[ps.length];
    converters = new Converters.Converter[ps.length];
    StringBuilder sig = new StringBuilder(name).append('(');
    for (int i = 0; i < ps.length; i++) {
      Arg a = ps[i].getAnnotation(Arg.class);
      if (a == null) {
        throw new IllegalArgumentException("kernel " + name + ": parameter " + i + " has no @Arg: " + method);
      }
      paramNames[i] = a.value();
      required[i] = a.dflt().equals(Arg.REQUIRED);
      defaults[i] = required[i] ? null : Literals.parse(a.dflt());
      converters[i] = Converters.forType(ps[i].getType(), ps[i].getParameterizedType());
      if (i > 0) {
        sig.append(", ");
      }
      sig.append(paramNames[i]);
      if (!required[i]) {
        sig.append(": ").append(a.dflt());
      }
    }
    this.signature = sig.append(')').toString();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String signature() {
    return signature;
  }

  @Override
  public String doc() {
    return doc;
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
  public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    for (String need : needs) {
      ctx.require(need, name, loc);
    }
    int n = paramNames.length;
    Object[] given = new Object[n];
    boolean[] has = new boolean[n];
    for (int i = 0; i < args.length; i++) {
      String an = names == null ? null : names[i];
      int p;
      if (an == null) {
        if (i >= n) {
          throw new ExpError(name + "() takes at most " + n + " arguments, got " + args.length + "; signature: " + signature,
              loc);
        }
        p = i;
      } else {
        p = indexOf(an);
        if (p < 0) {
          throw new ExpError(name + "() has no parameter '" + an + "'" + Suggest.didYouMean(an, List.of(paramNames))
              + "; signature: " + signature, loc);
        }
        if (has[p]) {
          throw new ExpError(name + "() got two values for '" + an + "'; signature: " + signature, loc);
        }
      }
      has[p] = true;
      given[p] = args[i];
    }
    Object[] javaArgs = new Object[n];
    for (int p = 0; p < n; p++) {
      Object v;
      if (has[p]) {
        v = given[p];
      } else if (required[p]) {
        throw new ExpError(name + "() is missing argument '" + paramNames[p] + "'; signature: " + signature, loc);
      } else {
        v = defaults[p];
      }
      if (v == null && !method.getParameterTypes()[p].isPrimitive() && method.getParameterTypes()[p] != dev.exp.random.Rng.class) {
        javaArgs[p] = null;
        continue;
      }
      try {
        javaArgs[p] = converters[p].convert(v, ctx);
        if (needs.length > 0 && paramNames[p].equals("path") && javaArgs[p] instanceof String path
            && ctx.baseDir() != null) {
          // file kernels see paths relative to the session's base directory, not the JVM's
          javaArgs[p] = ctx.baseDir().resolve(path).toString();
        }
      } catch (Converters.Mismatch m) {
        throw new ExpError(name + ": argument " + paramNames[p] + ": " + m.getMessage(), loc);
      }
    }
    Object result;
    try {
      result = method.invoke(null, javaArgs);
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      if (c instanceof ExpError x) {
        throw x;
      }
      if (c instanceof KernelException ke) {
        String msg = ke.getMessage();
        throw new ExpError(msg.startsWith(name) ? msg : name + ": " + msg, loc, ke);
      }
      if (c instanceof StackOverflowError so) {
        throw so;
      }
      if (c instanceof OutOfMemoryError) {
        throw new ExpError(name + ": out of memory", loc, c);
      }
      throw new ExpError("internal error in " + name + ": " + c, loc, c);
    } catch (IllegalAccessException e) {
      throw new ExpError("internal error in " + name + ": " + e, loc, e);
    }
    return Values.fromJava(result);
  }


  private int indexOf(String n) {
    for (int i = 0; i < paramNames.length; i++) {
      if (paramNames[i].equals(n)) {
        return i;
      }
    }
    return -1;
  }

  /** All annotated kernels of a class. */
  static List<KernelFunction> of(Class<?> cls) {
    List<KernelFunction> out = new ArrayList<>();
    for (Method m : cls.getMethods()) {
      if (m.isAnnotationPresent(Kernel.class)) {
        out.add(new KernelFunction(m));
      }
    }
    out.sort((a, b) -> a.name.compareTo(b.name) != 0 ? a.name.compareTo(b.name)
        : a.method.toGenericString().compareTo(b.method.toGenericString()));
    return out;
  }
}
