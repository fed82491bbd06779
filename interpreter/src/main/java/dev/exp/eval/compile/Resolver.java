package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.Cell;
import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.LocalVar;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Globals;
import dev.exp.kernel.Suggest;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Name resolution for the {@link Compiler}: the scopes being compiled (functions, their blocks, the
 * program's globals, the builtins) and what each name means where it is read or assigned — a frame
 * slot, a captured cell, a global cell or a builtin. Reports undefined names (with a suggestion),
 * assignment to a {@code let}, a builtin or a trial's outer variable, duplicate definitions and use
 * before definition, through the compiler's error sink.
 */
final class Resolver {
  private final Globals globals;
  private final Map<String, Object> builtins;
  private final BiConsumer<Loc, String> error;
  /** The program's top-level names and the line of each one's definition. */
  private final Map<String, Integer> programGlobals = new HashMap<>();
  /** The top-level names whose definition precedes the statement being compiled (functions are hoisted). */
  private final Set<String> definedSoFar = new HashSet<>();
  /** The roles of top-level names that are not a let or var (functions, imports). */
  private final Map<String, String> globalRoles = new HashMap<>();
  /** When non-null, undefined names are collected here instead of reported (checking a script without its host's globals). */
  private final Set<String> freeNames;
  /** The function being compiled (the program's top level outside any fn). */
  private FunctionScope fn;
  /** Globals an experiment body being compiled reads (their values key its cached trials); else null. */
  Map<String, GlobalVar> experimentReads;

  Resolver(Globals globals, Map<String, Object> builtins, Set<String> freeNames, BiConsumer<Loc, String> error) {
    this.globals = globals;
    this.builtins = builtins;
    this.freeNames = freeNames;
    this.error = error;
    this.fn = new FunctionScope(null, null);
  }

  /**
   * Declares the program's top-level names (lets, vars, fns, imports) before any statement compiles;
   * reports duplicates.
   */
  void declareTopLevel(Ast.Stmt s, StaticCalls calls) {
    String name = null;
    boolean mutable = false;
    if (s instanceof Ast.Let l) {
      name = l.name();
      mutable = l.mutable();
    } else if (s instanceof Ast.FnDecl d) {
      name = d.name();
    } else if (s instanceof Ast.Import im) {
      name = im.alias();
    }
    if (name == null) {
      return;
    }
    Integer first = programGlobals.get(name);
    if (first != null) {
      error.accept(s.loc(), "duplicate definition of '" + name + "' (first defined at line " + first + ")");
      return;
    }
    programGlobals.put(name, s.loc().line());
    if (s instanceof Ast.FnDecl) {
      globalRoles.put(name, BindingRoles.FUNCTION);
    } else if (s instanceof Ast.Import) {
      globalRoles.put(name, BindingRoles.IMPORTED);
    }
    globals.declare(name, mutable);
    if (s instanceof Ast.FnDecl d) {
      definedSoFar.add(name);
      calls.declare(name, d.fn().params());
    }
  }

  /** Marks the top-level {@code name} defined from here on (its let or import has compiled). */
  void defined(String name) {
    definedSoFar.add(name);
  }

  /** The global cell of a top-level name the program declares. */
  GlobalVar global(String name) {
    return globals.get(name);
  }

  // ---------------------------------------------------------------- scopes

  /** The function being compiled (the program's top level outside any fn). */
  FunctionScope scope() {
    return fn;
  }

  /** Whether a definition here is a global: at the top level of the program, outside any block. */
  boolean atTopLevel() {
    return fn.topLevel() && fn.block.parent == null;
  }

  /** Enters the body of {@code code}; returns the enclosing scope, to give back to {@link #exitFunction}. */
  FunctionScope enterFunction(FunctionCode code, boolean experiment) {
    FunctionScope saved = fn;
    fn = new FunctionScope(saved, code);
    fn.inExperiment = experiment;
    return saved;
  }

  void exitFunction(FunctionScope saved) {
    fn = saved;
  }

  void pushBlock() {
    fn.block = new FunctionScope.Block(fn.block, fn.block.nextSlot);
  }

  void popBlock() {
    fn.block = fn.block.parent;
  }

  LocalVar declareLocal(String name, boolean mutable, Loc loc) {
    return declareLocal(name, mutable, loc, null);
  }

  /** Declares a local; {@code role} names what binds it when it is not a let or var (see {@link LocalVar#role}). */
  LocalVar declareLocal(String name, boolean mutable, Loc loc, String role) {
    LocalVar existing = fn.block.vars.get(name);
    if (existing != null) {
      error.accept(loc, "duplicate definition of '" + name + "' in this block (first defined at line "
          + existing.declared.line() + ")");
    }
    LocalVar v = new LocalVar(name, fn.block.nextSlot++, mutable, loc, role);
    fn.maxSlots = Math.max(fn.maxSlots, fn.block.nextSlot);
    fn.block.vars.put(name, v);
    return v;
  }

  // ---------------------------------------------------------------- names

  /** A node reading {@code name}; {@code called} when it is a call's callee (suggested among callables only). */
  Node read(Loc loc, String name, boolean called) {
    LocalVar v = FunctionScope.lookupLocal(fn, name);
    if (v != null) {
      return new VariableNodes.LocalGet(loc, v);
    }
    int c = FunctionScope.capture(fn, name);
    if (c >= 0) {
      return new VariableNodes.CaptureGet(loc, c);
    }
    GlobalVar g = userGlobal(name);
    if (g != null) {
      if (fn.topLevel() && programGlobals.containsKey(name) && !definedSoFar.contains(name) && !g.defined) {
        error.accept(loc, "'" + name + "' is used before its definition at line " + programGlobals.get(name));
      }
      if (experimentReads != null) {
        experimentReads.put(name, g);
      }
      usedGlobal(g);
      return new VariableNodes.GlobalGet(loc, g);
    }
    if (builtins.containsKey(name)) {
      return new VariableNodes.Const(loc, builtins.get(name));
    }
    if (freeNames != null) {
      freeNames.add(name);
      return new VariableNodes.Const(loc, null);
    }
    error.accept(loc, "undefined name '" + name + "'"
        + NameHints.undefined(name, visibleNames(), builtins, programGlobals.keySet(), called));
    return new VariableNodes.Const(loc, null);
  }

  /** Reader and writer for an assignable name; exactly one of local, global and capture (≥ 0) is set, or none after an error. */
  record Access(Node read, AccessNodes.Writer write, LocalVar local, GlobalVar global, int capture) {
    Access(Node read, AccessNodes.Writer write) {
      this(read, write, null, null, -1);
    }
  }

  /** The reader and writer of an assignable name; reports assignment to a let, a builtin or a trial's outer name. */
  Access access(Loc loc, String name) {
    LocalVar v = FunctionScope.lookupLocal(fn, name);
    if (v != null) {
      if (!v.mutable) {
        error.accept(loc, BindingRoles.immutable(name, v.role, v.declared.line()));
      }
      return new Access(new VariableNodes.LocalGet(loc, v), (f, x) -> {
        if (v.captured) {
          ((Cell) f.slots[v.slot]).value = x;
        } else {
          f.slots[v.slot] = x;
        }
      }, v, null, -1);
    }
    if (FunctionScope.declaredOutsideTrial(fn, name)) {
      error.accept(loc, "an experiment body cannot assign '" + name + "', declared outside it: trials run "
          + "independently (in parallel with jobs:, or not at all when cached), so the change would be lost; "
          + "report it instead (report " + name + " = ...)");
    }
    int c = FunctionScope.capture(fn, name);
    if (c >= 0) {
      LocalVar outer = findEnclosing(name);
      if (outer != null && !outer.mutable) {
        error.accept(loc, BindingRoles.immutable(name, outer.role, outer.declared.line()));
      }
      return new Access(new VariableNodes.CaptureGet(loc, c), (f, x) -> ((Cell) f.captures[c]).value = x, null, null, c);
    }
    GlobalVar g = userGlobal(name);
    if (g != null) {
      if (!g.mutable) {
        error.accept(loc, BindingRoles.immutable(name, globalRoles.get(name), programGlobals.get(name)));
      }
      usedGlobal(g);
      return new Access(new VariableNodes.GlobalGet(loc, g), (f, x) -> {
        f.ctx.checkGlobalWrite(g.name, loc);
        g.value = x;
        g.defined = true;
      }, null, g, -1);
    }
    if (builtins.containsKey(name)) {
      error.accept(loc, "cannot assign to the builtin '" + name + "'; define your own with let or var");
    } else if (freeNames != null) {
      freeNames.add(name);
    } else {
      error.accept(loc, "undefined name '" + name + "'" + Suggest.didYouMean(name, visibleNames())
          + " (declare variables with var before assigning)");
    }
    return new Access(new VariableNodes.Const(loc, null), (f, x) -> { });
  }

  /** Notes that the functions being compiled (this one and those it is nested in) use {@code g}. */
  private void usedGlobal(GlobalVar g) {
    for (FunctionScope s = fn; s != null; s = s.parent) {
      if (s.code != null) {
        s.code.globalReads.add(g);
      }
    }
  }

  /** What {@code name} is bound to here: its local (of this function or an enclosing one), its global, or null. */
  Object binding(String name) {
    LocalVar v = FunctionScope.lookupLocal(fn, name);
    if (v == null) {
      v = findEnclosing(name);
    }
    return v != null ? v : userGlobal(name);
  }

  /** The global {@code name} when the program declares it or the session already defined it, else null. */
  GlobalVar userGlobal(String name) {
    GlobalVar g = globals.get(name);
    return g != null && (programGlobals.containsKey(name) || g.defined) ? g : null;
  }

  /** The builtin (or library namespace) called {@code name}, or null. */
  Object builtin(String name) {
    return builtins.get(name);
  }

  /** See {@link NameHints#memberElsewhere}. */
  String memberElsewhere(String name, String except) {
    return NameHints.memberElsewhere(builtins, name, except);
  }

  /** The local of an enclosing function that {@code name} refers to from the current one, or null. */
  LocalVar findEnclosing(String name) {
    for (FunctionScope s = fn.parent; s != null; s = s.parent) {
      LocalVar v = FunctionScope.lookupLocal(s, name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Whether {@code name} here resolves to the global builtin of that name (no local, capture or global shadows it). */
  boolean resolvesToBuiltin(String name) {
    for (FunctionScope s = fn; s != null; s = s.parent) {
      if (FunctionScope.lookupLocal(s, name) != null) {
        return false;
      }
    }
    return userGlobal(name) == null && builtins.containsKey(name);
  }

  /** Every name visible here, innermost first (the candidates of a did-you-mean). */
  private Set<String> visibleNames() {
    Set<String> names = new LinkedHashSet<>();
    for (FunctionScope s = fn; s != null; s = s.parent) {
      for (FunctionScope.Block b = s.block; b != null; b = b.parent) {
        names.addAll(b.vars.keySet());
      }
    }
    names.addAll(programGlobals.keySet());
    for (String g : globals.names()) {
      if (globals.isDefined(g)) {
        names.add(g);
      }
    }
    names.addAll(builtins.keySet());
    return names;
  }
}
