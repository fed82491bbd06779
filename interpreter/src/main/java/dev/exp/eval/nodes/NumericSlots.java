package dev.exp.eval.nodes;

import dev.exp.tensor.Tensor;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What a translation knows about the frame slots it touches ({@link NumericCodegen}): the kind each
 * holds (number: a {@code double} JVM local; bool: an {@code int}; real tensor: a reference, read and
 * written element-wise only), and, for a loop, which slots it reads, writes and declares — from which
 * the loop's inputs and the checks of {@link NumericLoop#ready} follow.
 */
final class NumericSlots {
  /** Function parameters (the first slots; always numbers); 0 for a loop. */
  private final int arity;
  /** Loop mode: the frame's slots when the loop is translated (the kinds of the variables set before it); null for a function. */
  private final Object[] frameSlots;
  final BitSet read = new BitSet();
  final BitSet written = new BitSet();
  final BitSet declared = new BitSet();
  /** Slots whose kind is settled, and which of them hold bools or tensors (with their ranks). */
  private final BitSet kinded = new BitSet();
  private final BitSet bools = new BitSet();
  private final BitSet tensors = new BitSet();
  private final Map<Integer, Integer> tensorRanks = new HashMap<>();
  /** Captured variables (indices into the frame's cells) the loop reads as numbers. */
  final BitSet capturesRead = new BitSet();
  /** Slots holding the closures the loop calls (set before it, never assigned in it), with their code. */
  final Map<Integer, FunctionCode> closures = new HashMap<>();
  /** Tensor slots the loop writes into (then the variable must own its tensor). */
  final BitSet tensorsWritten = new BitSet();

  NumericSlots(int arity, Object[] frameSlots) {
    this.arity = arity;
    this.frameSlots = frameSlots;
  }

  /**
   * Whether a slot holds bools. A declaration settles its kind (a new variable); a variable set before
   * a translated loop has the kind of its value in the frame.
   */
  boolean isBool(int slot) throws NumericCodegen.Ineligible {
    if (closures.containsKey(slot)) {
      throw new NumericCodegen.Ineligible("a closure used other than by calling it");
    }
    if (!kinded.get(slot)) {
      if (frameSlots == null) {
        if (slot >= arity) {
          throw new NumericCodegen.Ineligible("a local read before it is set");
        }
      } else {
        Object x = frameSlots[slot];
        if (x instanceof Boolean) {
          bools.set(slot);
        } else if (x instanceof Tensor t && TensorElements.readable(t, t.rank())) {
          tensors.set(slot);
          tensorRanks.put(slot, t.rank());
        } else if (x != Frame.NUM && !(x instanceof Double)) {
          throw new NumericCodegen.Ineligible("a variable that holds neither a number, a bool nor a real tensor");
        }
      }
      kinded.set(slot);
    }
    return bools.get(slot);
  }

  /**
   * The closure a loop's slot holds when the loop starts, for a call of it; null when it holds
   * something else or its variable is settled to another kind (a number, a bool, a tensor).
   */
  Closure closure(int slot) {
    if (frameSlots == null || !(frameSlots[slot] instanceof Closure c) || kinded.get(slot) && !closures.containsKey(slot)) {
      return null;
    }
    kinded.set(slot);
    closures.put(slot, c.code);
    return c;
  }

  /** Whether a slot holds bools, as far as is known yet (a guess for one not settled: the emitting code checks it). */
  boolean guessBool(int slot) {
    return kinded.get(slot) ? bools.get(slot) : frameSlots != null && frameSlots[slot] instanceof Boolean;
  }

  /** Whether a (settled) slot holds a tensor, and of which rank (-1 when it does not). */
  int tensorRank(int slot) throws NumericCodegen.Ineligible {
    isBool(slot);
    return tensors.get(slot) ? tensorRanks.get(slot) : -1;
  }

  boolean isTensor(int slot) {
    return tensors.get(slot);
  }

  boolean holdsBool(int slot) {
    return bools.get(slot);
  }

  /** Settles the kind of a slot at a store; a declaration starts a new variable. */
  void storeKind(int slot, boolean bool, boolean declaration) throws NumericCodegen.Ineligible {
    if (declaration) {
      kinded.set(slot);
      bools.set(slot, bool);
      tensors.clear(slot);
    } else if (closures.containsKey(slot) || isBool(slot) != bool || tensors.get(slot)) {
      throw new NumericCodegen.Ineligible("a variable that changes kind (numbers, bools, tensors)");
    }
  }

  /** Whether the loop must load the slot from its frame at entry (used, and set before the loop). */
  boolean isInput(int slot) {
    return (read.get(slot) || written.get(slot)) && !declared.get(slot);
  }

  /** The inputs {@link NumericLoop#ready} checks: numbers, bools and tensors set before the loop. */
  void inputsOf(NumericLoop l) {
    BitSet in = (BitSet) read.clone();
    in.or(written);
    in.andNot(declared);
    BitSet boolIn = (BitSet) in.clone();
    boolIn.and(bools);
    BitSet tensorIn = (BitSet) in.clone();
    tensorIn.and(tensors);
    in.andNot(bools);
    in.andNot(tensors);
    l.inputs = in.stream().toArray();
    l.boolInputs = boolIn.stream().toArray();
    l.tensorInputs = tensorIn.stream().toArray();
    l.tensorRanks = tensorIn.stream().map(tensorRanks::get).toArray();
    l.capturedInputs = capturesRead.stream().toArray();
    l.closureInputs = closures.keySet().stream().mapToInt(Integer::intValue).toArray();
    l.closureCodes = new FunctionCode[l.closureInputs.length];
    for (int k = 0; k < l.closureInputs.length; k++) {
      l.closureCodes[k] = closures.get(l.closureInputs[k]);
    }
    l.tensorWritten = new boolean[l.tensorInputs.length];
    for (int k = 0; k < l.tensorInputs.length; k++) {
      l.tensorWritten[k] = tensorsWritten.get(l.tensorInputs[k]);
    }
  }
}
