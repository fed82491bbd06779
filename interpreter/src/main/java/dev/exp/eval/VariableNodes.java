package dev.exp.eval;

import dev.exp.syntax.Loc;

/** Reading, declaring and assigning locals, captured variables and globals. */
final class VariableNodes {
  private VariableNodes() {}

  static final class LocalGet extends Node {
    final LocalVar v;

    LocalGet(Loc loc, LocalVar v) {
      super(loc);
      this.v = v;
    }

    @Override
    Object eval(Frame f) {
      Object x = f.slots[v.slot];
      if (v.captured) {
        return ((Cell) x).value;
      }
      if (f.owned != null) {
        f.owned[v.slot] = null;   // the value may now be shared: the next element update copies
      }
      return x;
    }

    /** Reads without letting the value escape (the target of an index read or update). */
    Object peek(Frame f) {
      Object x = f.slots[v.slot];
      return v.captured ? ((Cell) x).value : x;
    }
  }

  static final class LocalSet extends Node {
    final LocalVar v;
    final Node value;

    LocalSet(Loc loc, LocalVar v, Node value) {
      super(loc);
      this.v = v;
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      Object x = value.eval(f);
      if (v.captured) {
        ((Cell) f.slots[v.slot]).value = x;
      } else {
        f.slots[v.slot] = x;
      }
      return null;
    }
  }

  /** {@code let}/{@code var}/{@code fn} of a local: a fresh cell each time when captured. */
  static final class LocalDeclare extends Node {
    final LocalVar v;
    final Node value;

    LocalDeclare(Loc loc, LocalVar v, Node value) {
      super(loc);
      this.v = v;
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      if (v.captured) {
        Cell c = new Cell(null);
        f.slots[v.slot] = c;
        c.value = value.eval(f);
      } else {
        f.slots[v.slot] = value.eval(f);
      }
      return null;
    }
  }

  static final class CaptureGet extends Node {
    final int index;

    CaptureGet(Loc loc, int index) {
      super(loc);
      this.index = index;
    }

    @Override
    Object eval(Frame f) {
      return ((Cell) f.captures[index]).value;
    }
  }

  static final class CaptureSet extends Node {
    final int index;
    final Node value;

    CaptureSet(Loc loc, int index, Node value) {
      super(loc);
      this.index = index;
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      ((Cell) f.captures[index]).value = value.eval(f);
      return null;
    }
  }

  static final class GlobalGet extends Node {
    final GlobalVar g;

    GlobalGet(Loc loc, GlobalVar g) {
      super(loc);
      this.g = g;
    }

    @Override
    Object eval(Frame f) {
      if (!g.defined) {
        throw new ExpError("'" + g.name + "' is used before it is defined", loc);
      }
      if (g.owned != null) {
        g.owned = null;   // the value may now be shared: the next element update copies
      }
      return g.value;
    }

    /** Reads without letting the value escape (the target of an index read or update). */
    Object peek(Frame f) {
      if (!g.defined) {
        throw new ExpError("'" + g.name + "' is used before it is defined", loc);
      }
      return g.value;
    }
  }

  static final class GlobalSet extends Node {
    final GlobalVar g;
    final Node value;
    final boolean declare;

    GlobalSet(Loc loc, GlobalVar g, Node value, boolean declare) {
      super(loc);
      this.g = g;
      this.value = value;
      this.declare = declare;
    }

    @Override
    Object eval(Frame f) {
      Object x = value.eval(f);
      if (!declare && !g.defined) {
        throw new ExpError("'" + g.name + "' is assigned before it is defined", loc);
      }
      g.value = x;
      g.defined = true;
      return null;
    }
  }

  /** A constant value (literals, builtins). */
  static final class Const extends Node {
    final Object value;

    Const(Loc loc, Object value) {
      super(loc);
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      return value;
    }
  }
}
