package dev.exp.eval.compile;

import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.LocalVar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function being compiled: its chain of block scopes, its slot counter, and the variables it
 * captures from enclosing functions (each capture is a cell in the enclosing frame or in the
 * enclosing closure's captures).
 */
final class FunctionScope {
  final FunctionScope parent;
  final FunctionCode code;
  Block block = new Block(null, 0);
  int maxSlots;
  int loopDepth;
  boolean inExperiment;
  final List<FunctionCode.CaptureSource> captures = new ArrayList<>();
  final Map<Object, Integer> captureIndex = new HashMap<>();

  FunctionScope(FunctionScope parent, FunctionCode code) {
    this.parent = parent;
    this.code = code;
  }

  boolean topLevel() {
    return parent == null;
  }

  /** One block of a function: names declared in it and the next free slot. */
  static final class Block {
    final Block parent;
    final Map<String, LocalVar> vars = new HashMap<>();
    int nextSlot;

    Block(Block parent, int nextSlot) {
      this.parent = parent;
      this.nextSlot = nextSlot;
    }
  }

  /**
   * Whether {@code name}, not a local of {@code scope}'s function, is declared outside an enclosing
   * experiment body (then the body may not assign it: trials run apart).
   */
  static boolean declaredOutsideTrial(FunctionScope scope, String name) {
    boolean crossed = false;
    for (FunctionScope s = scope; s != null; s = s.parent) {
      if (lookupLocal(s, name) != null) {
        return crossed;
      }
      crossed |= s.inExperiment;
    }
    return crossed;
  }

  /** The local {@code name} visible in the scope's current block chain, or null. */
  static LocalVar lookupLocal(FunctionScope scope, String name) {
    for (Block b = scope.block; b != null; b = b.parent) {
      LocalVar v = b.vars.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Index of {@code name} among {@code scope}'s captures (adding it), or -1 when not an enclosing local. */
  static int capture(FunctionScope scope, String name) {
    if (scope.parent == null) {
      return -1;
    }
    LocalVar v = lookupLocal(scope.parent, name);
    Object key;
    FunctionCode.CaptureSource src;
    if (v != null) {
      v.captured = true;
      key = v;
      src = new FunctionCode.CaptureSource(true, v.slot);
    } else {
      int up = capture(scope.parent, name);
      if (up < 0) {
        return -1;
      }
      key = "up:" + up;
      src = new FunctionCode.CaptureSource(false, up);
    }
    Integer idx = scope.captureIndex.get(key);
    if (idx != null) {
      return idx;
    }
    scope.captures.add(src);
    scope.captureIndex.put(key, scope.captures.size() - 1);
    return scope.captures.size() - 1;
  }
}
