package dev.exp.binding;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * A direct call of one static kernel method with its arguments in an {@code Object[]}: for up to
 * {@link #MAX_DIRECT} parameters a class spun by {@link LambdaMetafactory} that casts (and unboxes)
 * each argument and calls the method with an ordinary static call, which the JIT inlines into the
 * invoker; a {@link MethodHandle} spreader above that. A non-constant {@code MethodHandle} is not
 * inlined by HotSpot, so calling through one costs tens of nanoseconds per kernel call; through the
 * spun class a call costs one interface dispatch.
 */
abstract class KernelInvoker {
  /** Most parameters of a kernel called without a spreader. */
  static final int MAX_DIRECT = 8;

  /** Calls the kernel with exactly its Java arguments (already converted to the parameter types). */
  abstract Object call(Object[] a) throws Throwable;

  /** Whether this invoker calls the method directly (a spun class), not through a spreader. */
  boolean direct() {
    return true;
  }

  /** The invoker of {@code m} (public static). */
  static KernelInvoker of(Method m) {
    try {
      MethodHandle target = MethodHandles.publicLookup().unreflect(m);
      int n = m.getParameterCount();
      if (n <= MAX_DIRECT) {
        Object fn = spin(target, n);
        if (fn != null) {
          return wrap(fn, n);
        }
      }
      MethodHandle spread = target.asSpreader(Object[].class, n)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new KernelInvoker() {
        @Override
        Object call(Object[] a) throws Throwable {
          return (Object) spread.invokeExact(a);
        }

        @Override
        boolean direct() {
          return false;
        }
      };
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot access kernel method " + m, e);
    }
  }

  /** An instance of {@code F<n>} calling target, or null when the metafactory refuses the method. */
  private static Object spin(MethodHandle target, int n) {
    Class<?> iface = INTERFACES[n];
    MethodType erased = MethodType.genericMethodType(n);
    // the types the lambda is instantiated at: the method's own, with primitives boxed (unboxed by the lambda)
    MethodType inst = target.type().wrap().changeReturnType(Object.class);
    if (target.type().returnType() == void.class) {
      return null;
    }
    try {
      CallSite site = LambdaMetafactory.metafactory(MethodHandles.lookup(), "call",
          MethodType.methodType(iface), erased, target, inst);
      return site.getTarget().invoke();
    } catch (Throwable e) {
      return null;
    }
  }

  private static KernelInvoker wrap(Object fn, int n) {
    switch (n) {
      case 0: {
        F0 f = (F0) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call();
          }
        };
      }
      case 1: {
        F1 f = (F1) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0]);
          }
        };
      }
      case 2: {
        F2 f = (F2) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1]);
          }
        };
      }
      case 3: {
        F3 f = (F3) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2]);
          }
        };
      }
      case 4: {
        F4 f = (F4) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2], a[3]);
          }
        };
      }
      case 5: {
        F5 f = (F5) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2], a[3], a[4]);
          }
        };
      }
      case 6: {
        F6 f = (F6) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2], a[3], a[4], a[5]);
          }
        };
      }
      case 7: {
        F7 f = (F7) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
          }
        };
      }
      default: {
        F8 f = (F8) fn;
        return new KernelInvoker() {
          @Override
          Object call(Object[] a) {
            return f.call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
          }
        };
      }
    }
  }

  private static final Class<?>[] INTERFACES = {F0.class, F1.class, F2.class, F3.class, F4.class, F5.class,
      F6.class, F7.class, F8.class};

  /** The shapes the metafactory implements: n {@code Object} arguments, an {@code Object} result. */
  interface F0 {
    Object call();
  }

  interface F1 {
    Object call(Object a);
  }

  interface F2 {
    Object call(Object a, Object b);
  }

  interface F3 {
    Object call(Object a, Object b, Object c);
  }

  interface F4 {
    Object call(Object a, Object b, Object c, Object d);
  }

  interface F5 {
    Object call(Object a, Object b, Object c, Object d, Object e);
  }

  interface F6 {
    Object call(Object a, Object b, Object c, Object d, Object e, Object f);
  }

  interface F7 {
    Object call(Object a, Object b, Object c, Object d, Object e, Object f, Object g);
  }

  interface F8 {
    Object call(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h);
  }
}
