package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Chars;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Indexing;
import dev.exp.eval.runtime.RangeValue;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Blocks, conditionals, loops and the jumps out of them.
 *
 * <p>Jumps are completion codes: a {@code return}/{@code break}/{@code continue} that the compiler
 * found in a <em>direct</em> position (reached from its function body or loop body only through
 * blocks and {@code if} branches) sets {@link Frame#jump}; blocks stop at the statement that set it,
 * {@code if} passes it on, loops and the function body consume it. A jump nested in another
 * expression ({@code let x = if c { return 1 } else { 2 }}) is rare and throws a {@link JumpSignal}
 * instead, which loops and function bodies also catch.
 */
public final class ControlNodes {
  private ControlNodes() {}

  /** The slow form of a jump nested inside an expression: an exception without a stack trace. */
  abstract static class JumpSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JumpSignal() {
      super(null, null, false, false);
    }
  }

  static final class BreakSignal extends JumpSignal {
    private static final long serialVersionUID = 1L;
    static final BreakSignal INSTANCE = new BreakSignal();
  }

  static final class ContinueSignal extends JumpSignal {
    private static final long serialVersionUID = 1L;
    static final ContinueSignal INSTANCE = new ContinueSignal();
  }

  static final class ReturnSignal extends JumpSignal {
    private static final long serialVersionUID = 1L;
    final transient Object value;

    ReturnSignal(Object value) {
      this.value = value;
    }
  }

  /**
   * Statements in order; the value is the last statement's. {@code jumps} is set by the compiler
   * when a statement may set a completion code: the block then stops right after it.
   */
  public static final class Block extends Node {
    final Node[] statements;
    final boolean jumps;

    public Block(Loc loc, Node[] statements, boolean jumps) {
      super(loc);
      this.statements = statements;
      this.jumps = jumps;
    }

    @Override
    public Object eval(Frame f) {
      Node[] ss = statements;
      int last = ss.length - 1;
      int i = 0;
      try {
        if (jumps) {
          for (; i < last; i++) {
            ss[i].eval(f);
            if (f.jump != Frame.NORMAL) {
              return null;
            }
          }
        } else {
          for (; i < last; i++) {
            ss[i].eval(f);
          }
        }
        return last < 0 ? null : ss[last].eval(f);
      } catch (ExpError e) {
        // an error raised where no location is known (a value too large in a conversion): the statement's
        e.locateIfUnknown(ss[i].loc);
        throw e;
      } catch (OutOfMemoryError e) {
        throw Context.memoryLimit("out of memory: the script's values filled the JVM heap ("
            + dev.exp.eval.runtime.InternalErrors.heap() + ")", ss[i].loc);
      }
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      Node[] ss = statements;
      int last = ss.length - 1;
      if (jumps) {
        for (int i = 0; i < last; i++) {
          ss[i].eval(f);
          if (f.jump != Frame.NORMAL) {
            // only a block in a direct position can jump, and whoever evaluates one (a function
            // body, a loop) reads the completion code, not this value
            return Double.NaN;
          }
        }
      } else {
        for (int i = 0; i < last; i++) {
          ss[i].eval(f);
        }
      }
      if (last < 0) {
        throw new UnexpectedType(null);
      }
      return ss[last].evalDouble(f);
    }
  }

  public static final class If extends Node {
    final Node cond;
    final Node then;
    final Node otherwise;
    /** Set once the condition produced a non-bool here (then it is evaluated generically). */
    boolean genericCond;

    public If(Loc loc, Node cond, Node then, Node otherwise) {
      super(loc);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    private boolean test(Frame f) {
      if (!genericCond) {
        try {
          return cond.evalBoolean(f);
        } catch (UnexpectedType e) {
          genericCond = true;
          return Values.truth(e.value, cond.loc);
        }
      }
      return Values.truth(cond.eval(f), cond.loc);
    }

    @Override
    public Object eval(Frame f) {
      if (test(f)) {
        return then.eval(f);
      }
      return otherwise == null ? null : otherwise.eval(f);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      if (test(f)) {
        return then.evalDouble(f);
      }
      if (otherwise == null) {
        throw new UnexpectedType(null);
      }
      return otherwise.evalDouble(f);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (test(f)) {
        return then.evalBoolean(f);
      }
      if (otherwise == null) {
        throw new UnexpectedType(null);
      }
      return otherwise.evalBoolean(f);
    }
  }

  /** Evaluates a loop condition: typed while it keeps producing bools. */
  abstract static class Loop extends Node {
    boolean genericCond;

    Loop(Loc loc) {
      super(loc);
    }

    final boolean test(Node cond, Frame f) {
      if (!genericCond) {
        try {
          return cond.evalBoolean(f);
        } catch (UnexpectedType e) {
          genericCond = true;
          return Values.truth(e.value, cond.loc);
        }
      }
      return Values.truth(cond.eval(f), cond.loc);
    }
  }

  public static final class While extends Loop {
    final Node cond;
    final Node body;
    /** The translated loop ({@link NumericTier}) and whether it is decided. */
    volatile NumericLoop compiled;
    byte tierState;
    /** Iterations run in the tree over all executions, until the loop is translated (a benign race). */
    int seen;

    public While(Loc loc, Node cond, Node body) {
      super(loc);
      this.cond = cond;
      this.body = body;
    }

    @Override
    public Object eval(Frame f) {
      Context ctx = f.ctx;
      boolean first = true;
      while (true) {
        if (tierState != NumericTier.TREE && (compiled != null ? first : ++seen == NumericTier.LOOP_ITERATIONS)
            && NumericTier.runWhile(this, f)) {
          break;   // the translated loop ran the rest
        }
        first = false;
        if (!test(cond, f)) {
          break;
        }
        ctx.tick(loc);
        try {
          body.eval(f);
        } catch (BreakSignal b) {
          break;
        } catch (ContinueSignal c) {
          continue;
        }
        int j = f.jump;
        if (j != Frame.NORMAL) {
          if (j == Frame.RETURN) {
            return null;
          }
          f.jump = Frame.NORMAL;
          if (j == Frame.BREAK) {
            break;
          }
        }
      }
      return null;
    }
  }

  /** {@code for x in source} (or {@code for (k, v) in record}). */
  public static final class For extends Node {
    final Node source;
    final LocalVar first;
    final LocalVar second;
    final Node body;
    /** The translated loop ({@link NumericTier}) and whether it is decided. */
    volatile NumericLoop compiled;
    byte tierState;
    /** Iterations run in the tree over all executions, until the loop is translated (a benign race). */
    int seen;

    public For(Loc loc, Node source, LocalVar first, LocalVar second, Node body) {
      super(loc);
      this.source = source;
      this.first = first;
      this.second = second;
      this.body = body;
    }

    @Override
    public Object eval(Frame f) {
      Object src = source.eval(f);
      Context ctx = f.ctx;
      if (src instanceof RangeValue r && second == null && !first.captured) {
        long n = r.length();
        long from = r.from();
        long step = r.step();
        int slot = first.slot;
        double[] nums = f.nums();
        Object[] slots = f.slots;
        for (long i = 0; i < n; i++) {
          if (tierState != NumericTier.TREE && (compiled != null ? i == 0 : ++seen == NumericTier.LOOP_ITERATIONS)
              && NumericTier.runFor(this, f, from, step, n, i)) {
            break;   // the translated loop ran the rest
          }
          ctx.tick(loc);
          nums[slot] = from + i * step;
          slots[slot] = Frame.NUM;   // a generic read in the body may have cached a box there
          if (!runBody(f)) {
            break;
          }
        }
        return null;
      }
      Iterator<?> it = iterate(src, second != null, source.loc);
      while (it.hasNext()) {
        ctx.tick(loc);
        Object item = it.next();
        if (second != null) {
          Object[] pair = pair(item, source.loc);
          bind(f, first, pair[0]);
          bind(f, second, pair[1]);
        } else {
          bind(f, first, item);
        }
        if (!runBody(f)) {
          break;
        }
      }
      return null;
    }

    /** Runs the body once; false when the loop must stop (a break, or a return on its way out). */
    private boolean runBody(Frame f) {
      try {
        body.eval(f);
      } catch (BreakSignal b) {
        return false;
      } catch (ContinueSignal c) {
        return true;
      }
      int j = f.jump;
      if (j != Frame.NORMAL) {
        if (j == Frame.RETURN) {
          return false;
        }
        f.jump = Frame.NORMAL;
        return j == Frame.CONTINUE;
      }
      return true;
    }
  }

  /** Writes a loop or comprehension variable: a fresh cell per iteration when captured. */
  static void bind(Frame f, LocalVar v, Object value) {
    if (v.captured) {
      f.slots[v.slot] = new Cell(value);
    } else {
      f.slots[v.slot] = value;
    }
  }

  /** Iterates lists, tensors (along the first axis), ranges, records (field names, or pairs), strings. */
  public static Iterator<?> iterate(Object src, boolean pairs, Loc loc) {
    if (src instanceof Record r) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        items.add(pairs ? new Object[] {r.key(i), r.value(i)} : r.key(i));
      }
      return items.iterator();
    }
    if (src instanceof Tensor t) {
      if (t.rank() == 0) {
        throw new ExpError("cannot iterate over a 0-dimensional tensor", loc);
      }
      int n = t.dim(0);
      return new Iterator<Object>() {
        int i;

        @Override
        public boolean hasNext() {
          return i < n;
        }

        @Override
        public Object next() {
          return Indexing.row(t, i++);
        }
      };
    }
    if (src instanceof String s) {
      return new Iterator<Object>() {   // its characters (code points), read as the loop goes
        int at;

        @Override
        public boolean hasNext() {
          return at < s.length();
        }

        @Override
        public Object next() {
          int cp = s.codePointAt(at);
          at += Character.charCount(cp);
          return Chars.of(cp);
        }
      };
    }
    if (src instanceof Iterable<?> it) {
      return it.iterator();
    }
    throw new ExpError("cannot iterate over " + Values.describe(src), loc);
  }

  static Object[] pair(Object item, Loc loc) {
    if (item instanceof Object[] p) {
      return p;
    }
    if (item instanceof List<?> l && l.size() == 2) {
      return new Object[] {l.get(0), l.get(1)};
    }
    if (item instanceof Tensor t && t.rank() == 1 && t.size() == 2) {
      return new Object[] {t.at(0), t.at(1)};
    }
    if (item instanceof Map.Entry<?, ?> e) {
      return new Object[] {e.getKey(), e.getValue()};
    }
    throw new ExpError("cannot unpack " + Values.describe(item) + " into two names", loc);
  }

  /** {@code break}: a completion code in a direct position, else a {@link BreakSignal}. */
  public static final class Break extends Node {
    final boolean direct;

    public Break(Loc loc, boolean direct) {
      super(loc);
      this.direct = direct;
    }

    @Override
    public Object eval(Frame f) {
      if (!direct) {
        throw BreakSignal.INSTANCE;
      }
      f.jump = Frame.BREAK;
      return null;
    }
  }

  /** {@code continue}: a completion code in a direct position, else a {@link ContinueSignal}. */
  public static final class Continue extends Node {
    final boolean direct;

    public Continue(Loc loc, boolean direct) {
      super(loc);
      this.direct = direct;
    }

    @Override
    public Object eval(Frame f) {
      if (!direct) {
        throw ContinueSignal.INSTANCE;
      }
      f.jump = Frame.CONTINUE;
      return null;
    }
  }

  /** {@code return}: a completion code in a direct position, else a {@link ReturnSignal}. */
  public static final class Return extends Node {
    final Node value;
    final boolean direct;

    public Return(Loc loc, Node value, boolean direct) {
      super(loc);
      this.value = value;
      this.direct = direct;
    }

    @Override
    public Object eval(Frame f) {
      Object v = value == null ? null : value.eval(f);
      if (!direct) {
        throw new ReturnSignal(v);
      }
      f.ret = v;
      f.jump = Frame.RETURN;
      return null;
    }

    /**
     * A direct {@code return} in a typed body keeps a numeric value unboxed ({@link Frame#retNum});
     * the value returned here is never used (the function reads the completion code).
     */
    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      if (!direct || value == null || !value.maybeNumber()) {
        eval(f);
        return Double.NaN;
      }
      double d;
      try {
        d = value.evalDouble(f);
      } catch (UnexpectedType e) {
        f.ret = e.value;
        f.jump = Frame.RETURN;
        return Double.NaN;
      }
      f.retNum = d;
      f.ret = Frame.NUM;
      f.jump = Frame.RETURN;
      return d;
    }
  }
}
