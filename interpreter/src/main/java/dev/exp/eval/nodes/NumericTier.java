package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import java.util.HashSet;
import java.util.Set;

/**
 * The second tier of the evaluator: a function that computes with numbers only is translated to JVM
 * bytecode ({@link NumericCodegen}) once it is hot, and its calls then skip the tree.
 *
 * <p><b>What qualifies.</b> Parameters that hold numbers and locals that hold numbers or bools,
 * arithmetic, comparisons, {@code and}/{@code or}/{@code not}, {@code if}, {@code while}, {@code for}
 * over a range, {@code return}/{@code break}/{@code continue}, reads of numeric and bool globals and
 * of elements of global tensors, {@code len} of them, element-wise builtins on a number
 * ({@code sqrt}, {@code exp}, ...) and calls of top-level functions that qualify too (itself
 * included), and reads of captured variables holding numbers or bools (a closure's cells are its
 * code's second argument). No assignments to captured variables, no nested functions, no other
 * builtins, no strings or records. Such a function has no effect but its result and the steps it counts,
 * which is what makes the tier safe: the arguments are checked to be numbers on entry, and any later
 * surprise (a callee redefined, a global that stopped being a number, a range bound that is not an
 * integer, a body that ends without a number) throws {@link NumericEntry.Deopt}. The caller then
 * runs the call again in the tree, which does exactly what the language says, and the function
 * stays in the tree from then on.
 *
 * <p><b>Limits</b> are polled where the tree polls them (every call and loop iteration), the call
 * depth is counted the same way, and an error leaving compiled code records the same script frames.
 *
 * <p><b>Loops.</b> A loop in the tree (at the top level, or in a function that stays in the tree)
 * whose iterations reach {@link #LOOP_ITERATIONS} (1000) (over all its runs: an inner loop of 100
 * iterations qualifies in its 10th run) is translated on its own and continues translated from that
 * iteration ({@link NumericLoop}); its later runs start translated: its frame variables become JVM
 * locals, numeric and bool globals and tensor elements may be assigned too, a {@code return} sets the
 * frame's completion code, and the variables it changed are written back when it ends. Since a loop
 * has effects it never deoptimises: all it assumes (the kinds of its inputs, that the tensors it
 * writes are owned, that its callees are unchanged) is checked before it starts.
 *
 * <p><b>When.</b> A function is translated at its {@link #CALLS}th (16th) call. {@code -Dexp.tier=off}
 * keeps everything in the tree; {@code -Dexp.tier.log=true} prints what is translated, and why a
 * function or loop stays in the tree; with {@code -Dexp.tier.strict=true} (the test suite) a
 * translation that the JVM refuses is an error instead of a silent fallback.
 */
final class NumericTier {
  private NumericTier() {}

  /** Tree calls before a function is translated. */
  static final int CALLS = Integer.getInteger("exp.tier.calls", 16);
  /** Tree iterations before a loop is translated (and continued translated: on-stack replacement). */
  static final int LOOP_ITERATIONS = Integer.getInteger("exp.tier.iterations", 1000);
  /** Whether functions are translated (tests switch it to compare the tiers). */
  static volatile boolean enabled = !"off".equals(System.getProperty("exp.tier"));
  private static final boolean LOG = Boolean.getBoolean("exp.tier.log");
  /** Runs of translated loops so far (tests observe that a loop ran translated). */
  static final java.util.concurrent.atomic.LongAdder LOOP_RUNS = new java.util.concurrent.atomic.LongAdder();
  static final boolean STRICT = Boolean.getBoolean("exp.tier.strict");

  /** {@link FunctionCode#tierState}: not decided yet. */
  static final byte PENDING = 0;
  /** Translated: {@link FunctionCode#fast} is the entry. */
  static final byte COMPILED = 1;
  /** Stays in the tree (outside the subset, a failed guard, or the tier is off). */
  static final byte TREE = 2;

  /**
   * Counts one tree call of {@code code} and translates it when it is due: the entry to use now, or
   * null. Cheap while counting; called only while the state is {@link #PENDING}.
   */
  static NumericEntry called(FunctionCode code) {
    if (!enabled) {
      code.tierState = TREE;
      return null;
    }
    if (++code.tierCalls < CALLS) {
      return null;
    }
    return compile(code);
  }

  /** Translates {@code code} (once; threads wait for each other here). */
  static synchronized NumericEntry compile(FunctionCode code) {
    return new Compiling().callee(code);
  }

  /** A failed guard: the function stays in the tree from now on. */
  static void deoptimized(FunctionCode code) {
    code.fast = null;
    code.tierState = TREE;
    if (LOG) {
      System.err.println("[exp.tier] " + describe(code) + ": back to the tree (a guard failed)");
    }
  }

  /** One translation, with the functions it calls: a cycle of mutual calls other than a self-call stays in the tree. */
  static final class Compiling {
    private final Set<FunctionCode> active = new HashSet<>();

    /** The entry of {@code code}, translating it first if needed; null when it stays in the tree. */
    NumericEntry callee(FunctionCode code) {
      if (code.tierState == COMPILED) {
        return code.fast;
      }
      if (code.tierState == TREE || !enabled || !active.add(code)) {
        return null;
      }
      long t0 = System.nanoTime();
      try {
        NumericEntry e = NumericCodegen.compile(code, this);
        code.fast = e;
        code.tierState = COMPILED;
        if (LOG) {
          System.err.printf("[exp.tier] %s translated to bytecode (%.1f ms)%n", describe(code), (System.nanoTime() - t0) / 1e6);
        }
        return e;
      } catch (NumericCodegen.Ineligible why) {
        if (LOG) {
          System.err.println("[exp.tier] " + describe(code) + " stays in the tree: " + why.getMessage());
        }
      } catch (LinkageError | IllegalStateException e) {
        if (STRICT) {
          throw e;
        }
        if (LOG) {
          System.err.println("[exp.tier] " + describe(code) + " stays in the tree: " + e);
        }
      } finally {
        active.remove(code);
      }
      code.tierState = TREE;
      return null;
    }
  }

  /**
   * Called by a tree {@code for} over a range when it is due (see the class comment): runs iterations
   * {@code start..count} translated and returns true, or returns false and the tree goes on.
   */
  static boolean runFor(ControlNodes.For node, Frame f, long from, long step, long count, long start) {
    NumericLoop l = node.compiled != null ? node.compiled : compileLoop(node, f);
    return ready(node, l, f) && run(node, f, () -> l.runFor(f.ctx, f, from, step, count, start));
  }

  /** {@link #runFor} for a {@code while} loop: runs the loop translated from its next test. */
  static boolean runWhile(ControlNodes.While node, Frame f) {
    NumericLoop l = node.compiled != null ? node.compiled : compileLoop(node, f);
    return ready(node, l, f) && run(node, f, () -> l.runWhile(f.ctx, f));
  }

  private static boolean ready(Node node, NumericLoop l, Frame f) {
    if (l == null) {
      return false;
    }
    if (l.writesGlobals && f.ctx.trial() != null) {
      return false;   // in an experiment trial: the tree's global store reports that trials cannot assign globals
    }
    if (!l.ready(f)) {
      if (LOG) {
        System.err.println("[exp.tier] the loop at " + node.loc + " stays in the tree this time: its variables changed kind");
      }
      return false;
    }
    return true;
  }

  /** Runs a translated loop whose assumptions hold; the call depth is restored whatever happens. */
  private static boolean run(Node node, Frame f, Runnable loop) {
    Context ctx = f.ctx;
    int depth = ctx.depth;
    LOOP_RUNS.increment();
    try {
      loop.run();
    } catch (NumericEntry.Deopt d) {
      throw new IllegalStateException("a translated loop failed a guard after it started", d);
    } catch (StackOverflowError e) {
      throw AccessNodes.Call.depth(node.loc);
    } finally {
      ctx.depth = depth;
    }
    return true;
  }

  /** Translates a loop node once (null when it stays in the tree). */
  private static synchronized NumericLoop compileLoop(Node node, Frame f) {
    ControlNodes.For forNode = node instanceof ControlNodes.For x ? x : null;
    ControlNodes.While whileNode = node instanceof ControlNodes.While x ? x : null;
    byte state = forNode != null ? forNode.tierState : whileNode.tierState;
    if (state == COMPILED) {
      return forNode != null ? forNode.compiled : whileNode.compiled;
    }
    if (state == TREE || !enabled) {
      return null;
    }
    NumericLoop l = null;
    long t0 = System.nanoTime();
    try {
      l = NumericCodegen.compileLoop(node, f.slots, new Compiling());
    } catch (NumericCodegen.Ineligible why) {
      if (LOG) {
        System.err.println("[exp.tier] the loop at " + node.loc + " stays in the tree: " + why.getMessage());
      }
    } catch (LinkageError | IllegalStateException e) {
      if (STRICT) {
        throw e;
      }
      if (LOG) {
        System.err.println("[exp.tier] the loop at " + node.loc + " stays in the tree: " + e);
      }
    }
    if (l != null && LOG) {
      System.err.printf("[exp.tier] the loop at %s translated to bytecode (%.1f ms)%n", node.loc, (System.nanoTime() - t0) / 1e6);
    }
    byte now = l != null ? COMPILED : TREE;
    if (forNode != null) {
      forNode.compiled = l;
      forNode.tierState = now;
    } else {
      whileNode.compiled = l;
      whileNode.tierState = now;
    }
    return l;
  }

  /** A function's name for the log: a lambda by where it is written. */
  private static String describe(FunctionCode code) {
    return code.name != null ? code.name : "the lambda at " + code.loc;
  }
}
