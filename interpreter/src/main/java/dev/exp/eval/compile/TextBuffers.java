package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.LocalVar;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.TextNodes;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Namespace;
import dev.exp.syntax.Ast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string variables the loops being compiled append to through a buffer in a hidden frame slot
 * ({@link TextAppends} finds the candidates): a loop starts buffering before its body is compiled, the
 * appends in the body compile to {@link TextNodes.Append}, and the loop ends wrapped in a
 * {@link TextNodes.BufferingLoop} that writes each buffer back however the loop ends.
 */
final class TextBuffers {
  /** A variable whose appends in the loop being compiled go to the buffer in {@link #slot}. */
  static final class Buffer {
    final FunctionScope scope;
    final String name;
    final int slot;
    /** The variable's writer, set when the first append to it is compiled. */
    AccessNodes.Writer write;

    Buffer(FunctionScope scope, String name, int slot) {
      this.scope = scope;
      this.name = name;
      this.slot = slot;
    }
  }

  private final Compiler k;
  private final Map<String, Buffer> active = new HashMap<>();
  /** The variables (LocalVar or GlobalVar) declared by {@code var x = <a string>}, e.g. {@code var out = ""}. */
  private final Set<Object> declaredText = Collections.newSetFromMap(new IdentityHashMap<>());

  TextBuffers(Compiler k) {
    this.k = k;
  }

  /** Notes a declaration: a {@code var} that starts as a string is a candidate for any append. */
  void declared(Object variable, Ast.Let let) {
    if (let.mutable() && TextAppends.stringValued(let.value())) {
      declaredText.add(variable);
    }
  }

  /** Whether {@code name}, as the function being compiled sees it, is a var declared with a string. */
  private boolean declaredText(String name) {
    LocalVar v = FunctionScope.lookupLocal(k.names.scope(), name);
    Object variable = v != null ? v : k.names.findEnclosing(name) != null ? null : k.names.userGlobal(name);
    return variable != null && declaredText.contains(variable);
  }

  /** The buffer the innermost enclosing loop of the function being compiled keeps for {@code name}, or null. */
  Buffer find(String name) {
    Buffer b = active.get(name);
    return b != null && b.scope == k.names.scope() ? b : null;
  }

  /**
   * Starts buffering the variables {@code loop} only appends strings to: a {@code var} of this function,
   * or a mutable global when no call in the loop can run script code (which could read it). A
   * variable an enclosing loop buffers already keeps that buffer.
   */
  List<Buffer> start(Ast.Stmt loop) {
    FunctionScope fn = k.names.scope();
    List<Buffer> started = new ArrayList<>();
    Boolean quiet = null;
    for (String name : TextAppends.candidates(loop, this::declaredText)) {
      if (active.containsKey(name)) {
        continue;
      }
      LocalVar v = FunctionScope.lookupLocal(fn, name);
      boolean ok;
      if (v != null) {
        ok = v.mutable && v.role == null;
      } else if (k.names.findEnclosing(name) != null || FunctionScope.declaredOutsideTrial(fn, name)) {
        ok = false;   // captured from an enclosing function: its closures may read it
      } else {
        GlobalVar g = k.names.userGlobal(name);
        if (quiet == null) {
          quiet = TextAppends.callsOnly(loop, this::neverCallsBack);
        }
        ok = quiet && g != null && g.mutable;
      }
      if (ok) {
        Buffer b = new Buffer(fn, name, fn.block.nextSlot++);
        fn.maxSlots = Math.max(fn.maxSlots, fn.block.nextSlot);
        active.put(name, b);
        started.add(b);
      }
    }
    return started;
  }

  /** Ends the buffers {@link #start} started for {@code loop}: the loop writes them back when it ends. */
  Node end(List<Buffer> buffers, Node loop) {
    List<Buffer> used = new ArrayList<>();
    for (Buffer b : buffers) {
      active.remove(b.name);
      if (b.write != null) {
        used.add(b);
      }
    }
    if (used.isEmpty()) {
      return loop;
    }
    int[] slots = new int[used.size()];
    AccessNodes.Writer[] writes = new AccessNodes.Writer[used.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = used.get(i).slot;
      writes[i] = used.get(i).write;
    }
    return new TextNodes.BufferingLoop(loop, slots, writes);
  }

  /** Whether calling {@code callee} (a name or {@code namespace.member}) surely runs no script code. */
  private boolean neverCallsBack(Ast.Expr callee) {
    Object c = null;
    if (callee instanceof Ast.Name n && !userName(n.name())) {
      c = k.names.builtin(n.name());
    } else if (callee instanceof Ast.Member m && m.target() instanceof Ast.Name ns && !userName(ns.name())
        && k.names.builtin(ns.name()) instanceof Namespace space) {
      c = space.member(m.name());
    }
    return c instanceof Callable f && !f.mayCallBack();
  }

  /** Whether {@code name} is the script's (a local, a captured variable or a global), not a builtin. */
  private boolean userName(String name) {
    return FunctionScope.lookupLocal(k.names.scope(), name) != null || k.names.findEnclosing(name) != null
        || k.names.userGlobal(name) != null;
  }
}
