package dev.exp.eval;

import dev.exp.syntax.Loc;

/** Creating closures. */
final class FunctionNodes {
  private FunctionNodes() {}

  static final class MakeClosure extends Node {
    final FunctionCode code;

    MakeClosure(Loc loc, FunctionCode code) {
      super(loc);
      this.code = code;
    }

    @Override
    Object eval(Frame f) {
      FunctionCode.CaptureSource[] cs = code.captures;
      Object[] cells = new Object[cs.length];
      for (int i = 0; i < cs.length; i++) {
        cells[i] = cs[i].fromSlot() ? f.slots[cs[i].index()] : f.captures[cs[i].index()];
      }
      return new Closure(code, cells);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }
}
