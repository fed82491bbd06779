package dev.exp.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The direct invokers call the method with the arguments in order, unboxing primitives, at every arity. */
public class KernelInvokerTest {
  public static Object none() {
    return "none";
  }

  public static String one(String a) {
    return a + "!";
  }

  public static double prim(double x, int n, boolean neg) {
    return neg ? -x * n : x * n;
  }

  public static Object eight(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) {
    return "" + a + b + c + d + e + f + g + h;
  }

  public static Object nine(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h, Object i) {
    return "" + a + b + c + d + e + f + g + h + i;
  }

  public static void nothing(Object a) {}

  public static long boom(long x) {
    throw new IllegalStateException("boom " + x);
  }

  private static Method m(String name) {
    for (Method m : KernelInvokerTest.class.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void everyArityAndPrimitives() throws Throwable {
    assertEquals("none", KernelInvoker.of(m("none")).call(new Object[0]));
    assertEquals("a!", KernelInvoker.of(m("one")).call(new Object[] {"a"}));
    assertEquals(-7.5, KernelInvoker.of(m("prim")).call(new Object[] {2.5, 3, true}));
    assertEquals(7.5, KernelInvoker.of(m("prim")).call(new Object[] {2.5, 3, false}));
    assertEquals("12345678", KernelInvoker.of(m("eight")).call(new Object[] {1, 2, 3, 4, 5, 6, 7, 8}));
    assertEquals("123456789", KernelInvoker.of(m("nine")).call(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    assertNull(KernelInvoker.of(m("nothing")).call(new Object[] {1}));
    for (String name : new String[] {"none", "one", "prim", "eight", "boom"}) {
      assertTrue(KernelInvoker.of(m(name)).direct(), name);
    }
    assertFalse(KernelInvoker.of(m("nine")).direct());
  }

  @Test
  void exceptionsPassThroughUnwrapped() {
    KernelInvoker k = KernelInvoker.of(m("boom"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.call(new Object[] {4L}));
    assertEquals("boom 4", e.getMessage());
    assertThrows(ClassCastException.class, () -> KernelInvoker.of(m("one")).call(new Object[] {1.0}));
  }
}
