package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.syntax.Loc;

/**
 * Reading, declaring and assigning locals, captured variables and globals. Numbers written by typed
 * code stay unboxed ({@link Frame#NUM}, {@link GlobalVar#num}); a generic read of a local boxes the
 * number once and caches the box in the slot.
 */
public final class VariableNodes {
  private VariableNodes() {}

  public static final class LocalGet extends Node {
    final LocalVar v;
    final int slot;

    public LocalGet(Loc loc, LocalVar v) {
      super(loc);
      this.v = v;
      this.slot = v.slot;
    }

    @Override
    public Object eval(Frame f) {
      Object[] slots = f.slots;
      Object x = slots[slot];
      if (x == Frame.NUM) {
        Object boxed = f.nums[slot];
        slots[slot] = boxed;   // box once: later generic reads share it, typed reads unbox it
        return boxed;
      }
      if (v.captured) {
        return ((Cell) x).value;
      }
      if (f.owned != null) {
        f.owned[slot] = null;   // the value may now be shared: the next element update copies
      }
      return x;
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      Object x = f.slots[slot];
      if (x == Frame.NUM) {
        return f.nums[slot];
      }
      if (x instanceof Double d) {
        return d;
      }
      if (x instanceof Cell c && c.value instanceof Double d) {
        return d;
      }
      throw new UnexpectedType(eval(f));
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      Object x = f.slots[slot];
      if (x instanceof Boolean b) {
        return b;
      }
      if (x instanceof Cell c && c.value instanceof Boolean b) {
        return b;
      }
      throw new UnexpectedType(eval(f));
    }

    /** Reads without letting the value escape (the target of an index read or update). */
    Object peek(Frame f) {
      Object x = f.slots[slot];
      if (x == Frame.NUM) {
        return f.nums[slot];
      }
      return v.captured ? ((Cell) x).value : x;
    }
  }

  /** Stores into a local: unboxed while the value node keeps producing numbers. */
  abstract static class LocalStore extends Node {
    final LocalVar v;
    final int slot;
    public final Node value;
    /** Set once the value was not a number here (then it is evaluated generically). */
    boolean generic;

    LocalStore(Loc loc, LocalVar v, Node value) {
      super(loc);
      this.v = v;
      this.slot = v.slot;
      this.value = value;
      this.generic = !value.maybeNumber();
    }

    /** Stores into a slot that is not captured. */
    final void storePlain(Frame f) {
      if (!generic) {
        double d;
        try {
          d = value.evalDouble(f);
        } catch (UnexpectedType e) {
          generic = true;
          f.slots[slot] = e.value;
          return;
        }
        f.setNum(slot, d);
        return;
      }
      f.slots[slot] = value.eval(f);
    }
  }

  /** {@code x = e} (and {@code x += e}, compiled as {@code x = x + e}) on a local. */
  public static final class LocalSet extends LocalStore {
    public LocalSet(Loc loc, LocalVar v, Node value) {
      super(loc, v, value);
    }

    @Override
    public Object eval(Frame f) {
      if (v.captured) {
        ((Cell) f.slots[slot]).value = value.eval(f);
      } else {
        storePlain(f);
      }
      return null;
    }
  }

  /** {@code let}/{@code var}/{@code fn} of a local: a fresh cell each time when captured. */
  public static final class LocalDeclare extends LocalStore {
    public LocalDeclare(Loc loc, LocalVar v, Node value) {
      super(loc, v, value);
    }

    @Override
    public Object eval(Frame f) {
      if (v.captured) {
        Cell c = new Cell(null);
        f.slots[slot] = c;
        c.value = value.eval(f);
      } else {
        storePlain(f);
      }
      return null;
    }
  }

  public static final class CaptureGet extends Node {
    final int index;

    public CaptureGet(Loc loc, int index) {
      super(loc);
      this.index = index;
    }

    @Override
    public Object eval(Frame f) {
      return ((Cell) f.captures[index]).value;
    }
  }

  public static final class CaptureSet extends Node {
    final int index;
    public final Node value;

    public CaptureSet(Loc loc, int index, Node value) {
      super(loc);
      this.index = index;
      this.value = value;
    }

    @Override
    public Object eval(Frame f) {
      ((Cell) f.captures[index]).value = value.eval(f);
      return null;
    }
  }

  public static final class GlobalGet extends Node {
    final GlobalVar g;

    public GlobalGet(Loc loc, GlobalVar g) {
      super(loc);
      this.g = g;
    }

    private ExpError undefined() {
      return new ExpError("'" + g.name + "' is used before it is defined", loc);
    }

    @Override
    public Object eval(Frame f) {
      return read();
    }

    /** The value (a direct call for call nodes whose callee is a global: no virtual dispatch). */
    Object read() {
      GlobalVar g = this.g;
      if (!g.defined) {
        throw undefined();
      }
      Object v = g.value;
      if (v == Frame.NUM) {
        return g.num;   // no cached box: globals may be read by parallel trials
      }
      if (g.owned != null) {
        g.owned = null;   // the value may now be shared: the next element update copies
      }
      return v;
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      GlobalVar g = this.g;
      Object v = g.value;
      if (v == Frame.NUM) {
        return g.num;   // only a defined global holds the marker
      }
      if (v instanceof Double d) {
        return d;
      }
      throw new UnexpectedType(eval(f));
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      Object v = g.value;
      if (v instanceof Boolean b) {
        return b;
      }
      throw new UnexpectedType(eval(f));
    }

    /** Reads without letting the value escape (the target of an index read or update). */
    Object peek(Frame f) {
      if (!g.defined) {
        throw undefined();
      }
      return g.value();
    }
  }

  /**
   * Defines or assigns a global. Declarations ({@code let}, {@code fn}, imports) box their value;
   * assignments keep numbers unboxed while the value node keeps producing them.
   */
  public static final class GlobalSet extends Node {
    final GlobalVar g;
    public final Node value;
    final boolean declare;
    final boolean typed;
    boolean generic;

    public GlobalSet(Loc loc, GlobalVar g, Node value, boolean declare) {
      this(loc, g, value, declare, false);
    }

    public GlobalSet(Loc loc, GlobalVar g, Node value, boolean declare, boolean typed) {
      super(loc);
      this.g = g;
      this.value = value;
      this.declare = declare;
      this.typed = typed && value.maybeNumber();
    }

    @Override
    public Object eval(Frame f) {
      if (typed && !generic) {
        double d;
        try {
          d = value.evalDouble(f);
        } catch (UnexpectedType e) {
          generic = true;
          check(f);
          store(e.value);
          return null;
        }
        if (!declare && !g.defined) {
          throw unassigned();
        }
        check(f);
        g.setNum(d);
        return null;
      }
      Object x = value.eval(f);
      check(f);
      store(x);
      return null;
    }

    private void store(Object x) {
      if (!declare && !g.defined) {
        throw unassigned();
      }
      g.value = x;
      g.defined = true;
    }

    /** The checks of every store: defined (or being declared), and not from an experiment trial. */
    private void check(Frame f) {
      f.ctx.checkGlobalWrite(g.name, loc);
    }

    private ExpError unassigned() {
      return new ExpError("'" + g.name + "' is assigned before it is defined", loc);
    }
  }

  /** A constant value (literals, builtins). */
  /** {@code import "path" as alias}: the namespace of the imported file (run once a session). */
  public static final class Import extends Node {
    final String path;
    final String alias;

    public Import(Loc loc, String path, String alias) {
      super(loc);
      this.path = path;
      this.alias = alias;
    }

    @Override
    public Object eval(Frame f) {
      return f.ctx.environment.importModule(f.ctx, path, alias, loc);
    }
  }

  public static final class Const extends Node {
    public final Object value;
    final boolean isNum;
    final double num;

    public Const(Loc loc, Object value) {
      super(loc);
      this.value = value;
      this.isNum = value instanceof Double;
      this.num = value instanceof Double d ? d : 0;
    }

    @Override
    public Object eval(Frame f) {
      return value;
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      if (isNum) {
        return num;
      }
      throw new UnexpectedType(value);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (value instanceof Boolean b) {
        return b;
      }
      throw new UnexpectedType(value);
    }

    @Override
    boolean maybeNumber() {
      return isNum;
    }
  }
}
