package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.tensor.Tensor;

/**
 * The bytecode form of one hot loop (see {@link NumericTier}): entered from the tree in the middle of
 * the loop, it runs the remaining iterations on the frame's numbers and writes the variables it
 * changed back to the frame (also when an error or a limit ends it). Unlike a function, a loop has
 * effects (its variables, numeric globals), so it can never start over: everything its code assumes
 * is checked by {@link #ready} before it starts, and nothing in the loop can invalidate it.
 */
abstract class NumericLoop {
  /** Frame slots the loop reads or changes that were set before it: each must hold a number. */
  int[] inputs;
  /** Frame slots the loop reads or changes that were set before it and hold bools. */
  int[] boolInputs;
  /** Captured variables (indices into the frame's cells) the loop reads: each must hold a number. */
  int[] capturedInputs;
  /** Frame slots holding the closures the loop calls, and the code each must be a closure of. */
  int[] closureInputs;
  FunctionCode[] closureCodes;
  /** Frame slots holding real tensors the loop indexes: their ranks, and whether it writes into them (then the variable must own it: {@link #ready} copies it if not). */
  int[] tensorInputs;
  int[] tensorRanks;
  boolean[] tensorWritten;
  /** Globals holding real tensors the loop indexes, likewise. */
  GlobalVar[] tensorGlobals;
  int[] tensorGlobalRanks;
  boolean[] tensorGlobalWritten;
  /** Whether the loop assigns a global or writes into a global's tensor. */
  boolean writesGlobals;
  /** Globals read here or in the functions it calls: each must hold a number. */
  GlobalVar[] reads;
  /** Globals read or assigned here or in the functions it calls that must hold bools. */
  GlobalVar[] boolReads;
  /** Callee guards of the code here and in the functions it calls: each global must still hold a closure of its code. */
  GlobalVar[] guardGlobals;
  Object[] guardValues;

  /** Runs iterations {@code start..count) of a {@code for} over {@code from, from + step, ...}. */
  void runFor(Context ctx, Frame f, long from, long step, long count, long start) {
    throw new IllegalStateException("not a for loop");
  }

  /** Runs a {@code while} loop from its next test. */
  void runWhile(Context ctx, Frame f) {
    throw new IllegalStateException("not a while loop");
  }

  /** Whether the loop's assumptions hold now; each input's number is then in {@code f.nums}. */
  boolean ready(Frame f) {
    for (GlobalVar g : reads) {
      Object v = g.value;
      if (v != Frame.NUM && !(v instanceof Double)) {
        return false;
      }
    }
    for (GlobalVar g : boolReads) {
      if (!(g.value instanceof Boolean)) {
        return false;
      }
    }
    for (int i = 0; i < guardGlobals.length; i++) {
      if (!NumericEntry.holds(guardGlobals[i], guardValues[i])) {
        return false;
      }
    }
    Object[] slots = f.slots;
    double[] nums = f.nums();
    for (int s : inputs) {
      Object x = slots[s];
      if (x != Frame.NUM) {
        if (!(x instanceof Double d)) {
          return false;
        }
        nums[s] = d;
      }
    }
    for (int k = 0; k < closureInputs.length; k++) {
      if (!(slots[closureInputs[k]] instanceof Closure c && c.code == closureCodes[k])) {
        return false;
      }
    }
    for (int c : capturedInputs) {
      if (!(((Cell) f.captures[c]).value instanceof Double)) {
        return false;
      }
    }
    for (int s : boolInputs) {
      if (!(slots[s] instanceof Boolean)) {
        return false;
      }
    }
    for (int k = 0; k < tensorInputs.length; k++) {
      if (!TensorElements.readable(slots[tensorInputs[k]], tensorRanks[k])) {
        return false;
      }
    }
    for (int k = 0; k < tensorGlobals.length; k++) {
      if (!TensorElements.readable(tensorGlobals[k].value, tensorGlobalRanks[k])) {
        return false;
      }
    }
    // Every assumption holds: the loop runs translated. A tensor it writes that its variable does not
    // own yet (a fresh zeros([n]) is not known to be unshared) is copied now, as the tree's first
    // write would copy it; the variable owns the copy and the loop writes into it in place.
    for (int k = 0; k < tensorInputs.length; k++) {
      int s = tensorInputs[k];
      Tensor t = (Tensor) slots[s];
      if (tensorWritten[k] && !TensorElements.writable(t, f.owned == null ? null : f.owned[s])) {
        Tensor c = t.copy();
        if (f.owned == null) {
          f.owned = new Object[slots.length];
        }
        slots[s] = c;
        f.owned[s] = c;
      }
    }
    for (int k = 0; k < tensorGlobals.length; k++) {
      GlobalVar g = tensorGlobals[k];
      Tensor t = (Tensor) g.value;
      if (tensorGlobalWritten[k] && !TensorElements.writable(t, g.owned)) {
        Tensor c = t.copy();
        g.value = c;
        g.owned = c;
      }
    }
    return true;
  }
}
