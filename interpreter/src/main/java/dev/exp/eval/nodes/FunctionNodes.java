package dev.exp.eval.nodes;

import dev.exp.syntax.Loc;

/** Creating closures. */
public final class FunctionNodes {
  private FunctionNodes() {}

  public static final class MakeClosure extends Node {
    final FunctionCode code;

    public MakeClosure(Loc loc, FunctionCode code) {
      super(loc);
      this.code = code;
    }

    @Override
    public Object eval(Frame f) {
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
