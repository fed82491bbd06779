package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import java.lang.invoke.MethodHandle;

/**
 * The bytecode form of a numeric function (see {@link NumericTier}): a generated subclass whose
 * {@link #invoke} runs the function on unboxed arguments. The static helpers below are what the
 * generated code calls for everything that is not a plain JVM instruction.
 */
abstract class NumericEntry {
  /** The generated class's lookup and the type of its static {@code body}, for {@link #body()}. */
  java.lang.invoke.MethodHandles.Lookup lookup;
  java.lang.invoke.MethodType bodyType;
  private MethodHandle body;
  /** Globals the function (and what it calls) reads: a compiled loop checks them before it calls it. */
  GlobalVar[] reads;
  /** Globals holding bools that the function (and what it calls) reads. */
  GlobalVar[] boolReads;
  /** Globals holding real tensors whose elements the function (and what it calls) reads, with their ranks. */
  GlobalVar[] tensorReads;
  int[] tensorReadRanks;
  /** Callee guards of the function and what it calls (globals, and the code of the closures they must hold). */
  GlobalVar[] guardGlobals;
  Object[] guardValues;
  /** Whether the function (or one it calls) may end without a number, which only the tree can finish. */
  boolean mayEndWithoutNumber;
  /** Whether the function's value is a bool: {@link #invoke} then returns 1 or 0. */
  boolean boolResult;

  /**
   * The generated static method {@code (Context, double...) double}, which other translated functions
   * call as a constant (looked up on first use: a function nobody calls from bytecode never needs it).
   */
  synchronized MethodHandle body() {
    if (body == null) {
      try {
        body = lookup.findStatic(lookup.lookupClass(), "body", bodyType);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return body;
  }

  /**
   * Runs the function on {@code args[0..arity)} with the cells its closure captured; throws
   * {@link Deopt} when a guard fails.
   */
  abstract double invoke(dev.exp.eval.runtime.Context ctx, Object[] captures, double[] args);

  /** {@link #invoke} of a one-parameter function without an argument array (generated for arity 1). */
  double invoke1(dev.exp.eval.runtime.Context ctx, Object[] captures, double x) {
    return invoke(ctx, captures, new double[] {x});
  }

  /** {@link #invoke} of a two-parameter function without an argument array (generated for arity 2). */
  double invoke2(dev.exp.eval.runtime.Context ctx, Object[] captures, double x, double y) {
    return invoke(ctx, captures, new double[] {x, y});
  }

  /**
   * A guard of compiled code failed (a callee was redefined, a global is no longer a number, a range
   * bound is not an integer, the body ends without a number). Compiled code has no side effects but
   * counting steps, so the caller runs the function again in the tree, which then does what the
   * language says (including the error).
   */
  static final class Deopt extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Deopt INSTANCE = new Deopt();

    private Deopt() {
      super("numeric tier guard failed", null, false, false);
    }
  }

  static Deopt deopt() {
    return Deopt.INSTANCE;
  }

  /** A global read as a number: its value, or {@link Deopt} when it is undefined or not a number. */
  static double global(GlobalVar g) {
    Object v = g.value;
    if (v == Frame.NUM) {
      return g.num;
    }
    if (v instanceof Double d) {
      return d;
    }
    throw Deopt.INSTANCE;
  }

  /**
   * A captured variable read as a number by a translated function: its value, or {@link Deopt} when
   * it holds something else now (the closure then runs in the tree, which gives the language's answer).
   */
  static double captured(Object[] captures, int index) {
    if (((Cell) captures[index]).value instanceof Double d) {
      return d;
    }
    throw Deopt.INSTANCE;
  }

  /** A captured variable read as a condition by a translated function: its bool, or {@link Deopt}. */
  static boolean capturedBool(Object[] captures, int index) {
    if (((Cell) captures[index]).value instanceof Boolean b) {
      return b;
    }
    throw Deopt.INSTANCE;
  }

  /** A captured variable read as a number by a translated loop ({@link NumericLoop#ready} checked it). */
  static double capturedInLoop(Frame f, int index) {
    return (Double) ((Cell) f.captures[index]).value;
  }

  /** A global read as a bool: its value, or {@link Deopt} when it is not a bool. */
  static boolean globalBool(GlobalVar g) {
    if (g.value instanceof Boolean b) {
      return b;
    }
    throw Deopt.INSTANCE;
  }

  /** An assignment of a bool to a global from a compiled loop (the tree's store). */
  static void setGlobalBool(GlobalVar g, boolean v) {
    g.value = v;
    g.defined = true;
  }

  /**
   * The callee guard of a compiled call: the global still holds a closure of the code the call was
   * compiled against (any closure of it: code without captures behaves the same in every closure).
   */
  static void callee(GlobalVar g, Object expected) {
    if (!holds(g, expected)) {
      throw Deopt.INSTANCE;
    }
  }

  /** The cells of the closure global {@code g} holds (after its {@link #callee} guard). */
  static Object[] capturesOf(GlobalVar g) {
    return ((Closure) g.value).captures;
  }

  /** The cells of the closure in slot {@code s} of a translated loop's frame ({@link NumericLoop#ready} checked it). */
  static Object[] capturesIn(Frame f, int s) {
    return ((Closure) f.slots[s]).captures;
  }

  /** Whether global {@code g} holds a closure of function code {@code code}. */
  static boolean holds(GlobalVar g, Object code) {
    return g.value instanceof Closure c && c.code == code;
  }

  /** A range bound: the number as a long, or the tree's error when it is not an integer. */
  static long bound(double d, String what, Loc loc) {
    if (d != Math.rint(d) || Math.abs(d) > Values.MAX_EXACT) {
      return Values.integer(d, what, loc);   // throws the error the tree gives
    }
    return (long) d;
  }

  /** A compiled loop's number read from its frame at entry ({@link NumericLoop#ready} checked it). */
  static double slot(Frame f, int s) {
    return f.nums[s];
  }

  /** A compiled loop's bool read from its frame at entry ({@link NumericLoop#ready} checked it). */
  static boolean slotBool(Frame f, int s) {
    return (Boolean) f.slots[s];
  }

  /** A compiled loop's bool written back to its frame. */
  static void storeBool(Frame f, int s, boolean v) {
    f.slots[s] = v;
  }

  /** A compiled loop's number written back to its frame. */
  static void store(Frame f, int s, double v) {
    f.setNum(s, v);
  }

  /**
   * A {@code return} of a number inside a compiled loop: the completion code a direct return in the
   * tree sets, which the loop, the blocks around it and the function then act on.
   */
  static void returnFromLoop(Frame f, double v) {
    f.retNum = v;
    f.ret = Frame.NUM;
    f.jump = Frame.RETURN;
  }

  /** An assignment of a number to a global from a compiled loop (the tree's typed store). */
  static void setGlobal(GlobalVar g, double v) {
    g.setNum(v);
  }

  /** {@link #unwind} for whatever leaves a compiled loop. */
  static Throwable unwindAny(Throwable t, int site, String[] names, Loc[] locs) {
    if (t instanceof ExpError e) {
      unwind(e, site, names, locs);
    }
    return t;
  }

  /**
   * An error leaving compiled code while call site {@code site} (or none, -1) was running: the callee's
   * frame and the call's location are recorded as the tree records them.
   */
  static ExpError unwind(ExpError e, int site, String[] names, Loc[] locs) {
    if (site >= 0) {
      e.leave(names[site]);
      e.locateIfUnknown(locs[site]);
    }
    return e;
  }
}
