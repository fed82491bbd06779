package dev.exp.eval.compile;

import dev.exp.eval.nodes.AccessNodes;
import dev.exp.eval.nodes.Cell;
import dev.exp.eval.nodes.CollectionNodes;
import dev.exp.eval.nodes.ControlNodes;
import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.FunctionNodes;
import dev.exp.eval.nodes.FusedNodes;
import dev.exp.eval.nodes.LocalVar;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.nodes.NumericWarmUp;
import dev.exp.eval.nodes.VariableNodes;
import dev.exp.eval.runtime.GlobalVar;
import dev.exp.eval.runtime.Globals;
import dev.exp.kernel.Suggest;
import dev.exp.syntax.Ast;
import dev.exp.syntax.CompileError;
import dev.exp.syntax.Loc;
import dev.exp.syntax.Problem;
import dev.exp.syntax.SourceText;
import dev.exp.text.FormatSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolver and code generator in one walk: resolves every name to a frame slot, a captured cell, a
 * global cell or a builtin; reports all static errors together (undefined names with a suggestion,
 * assignment to a {@code let}, duplicate definitions, misplaced {@code break}/{@code return}/
 * {@code report}); and emits the executable node tree.
 */
public final class Compiler {
  private final SourceText source;
  private final Globals globals;
  private final Map<String, Object> builtins;
  private final List<Problem> errors = new ArrayList<>();
  private final Map<String, Integer> programGlobals = new HashMap<>();
  private final Set<String> definedSoFar = new java.util.HashSet<>();
  /** Signatures of the program's top-level {@code fn}s (immutable globals): calls to them are checked statically. */
  private final StaticCalls calls = new StaticCalls();
  private FunctionScope fn;
  /** Strings appended to in the loops being compiled ({@link TextAppends}). */
  final TextBuffers textBuffers = new TextBuffers(this);
  /**
   * Where the construct being compiled sits: {@link #DIRECT_RETURN} when a {@code return} there
   * reaches its function body through blocks and {@code if} branches only, {@link #DIRECT_LOOP}
   * likewise for {@code break}/{@code continue} and the innermost loop body. Such jumps are
   * completion codes; others throw. Consumed by {@link #expr}, {@link #stmt} and {@link #block}.
   */
  private int direct;
  /** Jumps compiled as completion codes so far (a block stops after a statement that added one). */
  private int directJumps;
  static final int DIRECT_RETURN = 1;
  static final int DIRECT_LOOP = 2;
  /** When non-null, undefined names are collected here instead of reported (checking a script without its host's globals). */
  private final Set<String> freeNames;

  public Compiler(SourceText source, Globals globals, Map<String, Object> builtins) {
    this(source, globals, builtins, null);
  }

  public Compiler(SourceText source, Globals globals, Map<String, Object> builtins, Set<String> freeNames) {
    this.source = source;
    this.globals = globals;
    this.builtins = builtins;
    this.freeNames = freeNames;
  }

  /** The compiled top level of a program. */
  public record CompiledProgram(Node body, int frameSize) {}

  public CompiledProgram compileProgram(Ast.Program program) {
    fn = new FunctionScope(null, null);
    List<Node> hoisted = new ArrayList<>();
    List<Node> body = new ArrayList<>();
    for (Ast.Stmt s : program.statements()) {
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
        continue;
      }
      Integer first = programGlobals.get(name);
      if (first != null) {
        error(s.loc(), "duplicate definition of '" + name + "' (first defined at line " + first + ")");
        continue;
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
    for (Ast.Stmt s : program.statements()) {
      if (s instanceof Ast.FnDecl d) {
        GlobalVar g = globals.get(d.name());
        hoisted.add(new VariableNodes.GlobalSet(d.loc(), g, lambda(d.fn()), true));
      }
    }
    for (int i = 0; i < program.statements().size(); i++) {
      Ast.Stmt s = program.statements().get(i);
      if (!(s instanceof Ast.FnDecl)) {
        danglingSign(s, i == program.statements().size() - 1);
        body.add(stmt(s));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new CompileError(errors, false);
    }
    List<Node> all = new ArrayList<>(hoisted);
    all.addAll(body);
    return new CompiledProgram(new ControlNodes.Block(Loc.NONE, all.toArray(new Node[0]), false), fn.maxSlots);
  }

  // ---------------------------------------------------------------- errors

  private void danglingSign(Ast.Stmt s, boolean last) {
    String problem = DanglingSign.problem(s, last);
    if (problem != null) {
      error(((Ast.ExprStmt) s).expr().loc(), problem);   // at the sign
    }
  }

  /** The roles of top-level names that are not a let or var (functions, imports). */
  private final Map<String, String> globalRoles = new HashMap<>();

  private void error(Loc loc, String message) {
    if (errors.size() < 50) {
      errors.add(new Problem(loc.file(), loc.line(), loc.col(), loc.length(), message, source.line(loc.line())));
    }
  }

  // ---------------------------------------------------------------- scopes

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
      error(loc, "duplicate definition of '" + name + "' in this block (first defined at line "
          + existing.declared.line() + ")");
    }
    LocalVar v = new LocalVar(name, fn.block.nextSlot++, mutable, loc, role);
    fn.maxSlots = Math.max(fn.maxSlots, fn.block.nextSlot);
    fn.block.vars.put(name, v);
    return v;
  }

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

  /** A call's callee: a name there is resolved as any name, but suggested among callables only. */
  Node callee(Ast.Expr e) {
    if (!(e instanceof Ast.Name n)) {
      return expr(e);
    }
    direct = 0;   // as expr does for a name
    return read(n.loc(), n.name(), true);
  }

  private Node read(Loc loc, String name, boolean called) {
    LocalVar v = FunctionScope.lookupLocal(fn, name);
    if (v != null) {
      return new VariableNodes.LocalGet(loc, v);
    }
    int c = FunctionScope.capture(fn, name);
    if (c >= 0) {
      return new VariableNodes.CaptureGet(loc, c);
    }
    GlobalVar g = globals.get(name);
    if (g != null && (programGlobals.containsKey(name) || g.defined)) {
      if (fn.topLevel() && programGlobals.containsKey(name) && !definedSoFar.contains(name) && !g.defined) {
        error(loc, "'" + name + "' is used before its definition at line " + programGlobals.get(name));
      }
      if (experimentReads != null) {
        experimentReads.put(name, g);
      }
      return new VariableNodes.GlobalGet(loc, g);
    }
    if (builtins.containsKey(name)) {
      return new VariableNodes.Const(loc, builtins.get(name));
    }
    if (freeNames != null) {
      freeNames.add(name);
      return new VariableNodes.Const(loc, null);
    }
    error(loc, "undefined name '" + name + "'" + NameHints.undefined(name, visibleNames(), builtins, programGlobals.keySet(),
        called));
    return new VariableNodes.Const(loc, null);
  }

  /** See {@link NameHints#memberElsewhere}. */
  String memberElsewhere(String name, String except) {
    return NameHints.memberElsewhere(builtins, name, except);
  }

  /** Reader and writer for an assignable name; reports assignment to a let or a builtin. */
  record Access(Node read, AccessNodes.Writer write, LocalVar local, GlobalVar global, int capture) {
    Access(Node read, AccessNodes.Writer write) {
      this(read, write, null, null, -1);
    }
  }

  Access access(Loc loc, String name) {
    LocalVar v = FunctionScope.lookupLocal(fn, name);
    if (v != null) {
      if (!v.mutable) {
        error(loc, BindingRoles.immutable(name, v.role, v.declared.line()));
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
      error(loc, "an experiment body cannot assign '" + name + "', declared outside it: trials run independently "
          + "(in parallel with jobs:, or not at all when cached), so the change would be lost; report it instead "
          + "(report " + name + " = ...)");
    }
    int c = FunctionScope.capture(fn, name);
    if (c >= 0) {
      LocalVar outer = findEnclosing(name);
      if (outer != null && !outer.mutable) {
        error(loc, BindingRoles.immutable(name, outer.role, outer.declared.line()));
      }
      return new Access(new VariableNodes.CaptureGet(loc, c), (f, x) -> ((Cell) f.captures[c]).value = x, null, null, c);
    }
    GlobalVar g = globals.get(name);
    if (g != null && (programGlobals.containsKey(name) || g.defined)) {
      if (!g.mutable) {
        Integer line = programGlobals.get(name);
        error(loc, BindingRoles.immutable(name, globalRoles.get(name), line));
      }
      return new Access(new VariableNodes.GlobalGet(loc, g), (f, x) -> {
        g.value = x;
        g.defined = true;
      }, null, g, -1);
    }
    if (builtins.containsKey(name)) {
      error(loc, "cannot assign to the builtin '" + name + "'; define your own with let or var");
    } else if (freeNames != null) {
      freeNames.add(name);
    } else {
      error(loc, "undefined name '" + name + "'" + Suggest.didYouMean(name, visibleNames())
          + " (declare variables with var before assigning)");
    }
    return new Access(new VariableNodes.Const(loc, null), (f, x) -> { });
  }

  /** The function being compiled (the program's top level outside any fn). */
  FunctionScope scope() {
    return fn;
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

  LocalVar findEnclosing(String name) {
    for (FunctionScope s = fn.parent; s != null; s = s.parent) {
      LocalVar v = FunctionScope.lookupLocal(s, name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- statements

  private Node stmt(Ast.Stmt s) {
    int d = direct;
    direct = 0;
    if (s instanceof Ast.ExprStmt e) {
      direct = d;
      return expr(e.expr());
    }
    if (s instanceof Ast.Let l) {
      Ast.Expr init = l.value();
      if (init instanceof Ast.Lambda lam && lam.name() == null) {
        init = new Ast.Lambda(lam.loc(), l.name(), lam.params(), lam.body());   // name it for errors and stacks
      }
      Node value = expr(init);
      if (fn.topLevel() && fn.block.parent == null) {
        definedSoFar.add(l.name());
        GlobalVar g = globals.get(l.name());
        textBuffers.declared(g, l);
        return new VariableNodes.GlobalSet(l.loc(), g, value, true);
      }
      LocalVar v = declareLocal(l.name(), l.mutable(), l.loc());
      textBuffers.declared(v, l);
      return new VariableNodes.LocalDeclare(l.loc(), v, value);
    }
    if (s instanceof Ast.FnDecl fd) {
      if (fn.topLevel() && fn.block.parent == null) {
        return new VariableNodes.GlobalSet(fd.loc(), globals.get(fd.name()), lambda(fd.fn()), true);
      }
      LocalVar v = declareLocal(fd.name(), false, fd.loc(), BindingRoles.FUNCTION);
      return new VariableNodes.LocalDeclare(fd.loc(), v, lambda(fd.fn()));
    }
    if (s instanceof Ast.Import im) {
      if (!(fn.topLevel() && fn.block.parent == null)) {
        error(im.loc(), "import is only allowed at the top level of a script");
        return new VariableNodes.Const(im.loc(), null);
      }
      definedSoFar.add(im.alias());
      GlobalVar g = globals.get(im.alias());
      return new VariableNodes.GlobalSet(im.loc(), g, new VariableNodes.Import(im.loc(), im.path(), im.alias()), true);
    }
    if (s instanceof Ast.Assign a) {
      return AssignCompiler.compile(this, a);
    }
    if (s instanceof Ast.For f) {
      List<TextBuffers.Buffer> texts = textBuffers.start(f);
      Node src = expr(f.source());
      pushBlock();
      LocalVar first = declareLocal(f.vars().get(0), false, f.loc(), BindingRoles.LOOP);
      LocalVar second = f.vars().size() > 1 ? declareLocal(f.vars().get(1), false, f.loc(), BindingRoles.LOOP) : null;
      fn.loopDepth++;
      direct = (d & DIRECT_RETURN) | DIRECT_LOOP;
      Node body = block(f.body());
      fn.loopDepth--;
      popBlock();
      NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
      return textBuffers.end(texts, new ControlNodes.For(f.loc(), src, first, second, body));
    }
    if (s instanceof Ast.While w) {
      List<TextBuffers.Buffer> texts = textBuffers.start(w);
      Node cond = expr(w.cond());
      fn.loopDepth++;
      direct = (d & DIRECT_RETURN) | DIRECT_LOOP;
      Node body = block(w.body());
      fn.loopDepth--;
      NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
      return textBuffers.end(texts, new ControlNodes.While(w.loc(), cond, body));
    }
    if (s instanceof Ast.Break b) {
      if (fn.loopDepth == 0) {
        error(b.loc(), "'break' outside a loop");
      }
      return new ControlNodes.Break(b.loc(), jump(d, DIRECT_LOOP));
    }
    if (s instanceof Ast.Continue c) {
      if (fn.loopDepth == 0) {
        error(c.loc(), "'continue' outside a loop");
      }
      return new ControlNodes.Continue(c.loc(), jump(d, DIRECT_LOOP));
    }
    if (s instanceof Ast.Return r) {
      if (fn.topLevel()) {
        error(r.loc(), "'return' outside a function");
      }
      Node value = r.value() == null ? null : expr(r.value());
      return new ControlNodes.Return(r.loc(), value, jump(d, DIRECT_RETURN));
    }
    if (s instanceof Ast.Report r) {
      if (!fn.inExperiment) {
        error(r.loc(), "'report' is only allowed in the body of an experiment");
        return new VariableNodes.Const(r.loc(), null);
      }
      return ExperimentCompiler.report(this, r);
    }
    if (s instanceof Ast.Sweep || s instanceof Ast.Repeat) {
      error(s.loc(), "'" + (s instanceof Ast.Sweep ? "sweep" : "repeat")
          + "' is only allowed at the start of an experiment body");
      return new VariableNodes.Const(s.loc(), null);
    }
    throw new IllegalStateException("unknown statement " + s);
  }

  Node block(Ast.BlockExpr b) {
    int d = direct;
    direct = 0;
    pushBlock();
    List<Node> nodes = new ArrayList<>();
    boolean jumps = false;
    for (Ast.Stmt s : b.statements()) {
      if (s instanceof Ast.FnDecl fd) {
        // declare first so the function can call itself
        LocalVar v = declareLocal(fd.name(), false, fd.loc(), BindingRoles.FUNCTION);
        nodes.add(new VariableNodes.LocalDeclare(fd.loc(), v, lambda(fd.fn())));
        continue;
      }
      int before = directJumps;
      direct = d;
      danglingSign(s, s == b.statements().get(b.statements().size() - 1));
      nodes.add(stmt(s));   // every statement node but an expression's evaluates to none
      jumps |= directJumps != before;
    }
    direct = 0;
    popBlock();
    if (nodes.size() == 1) {
      return nodes.get(0);
    }
    return new ControlNodes.Block(b.loc(), nodes.toArray(new Node[0]), jumps);
  }

  /** Whether a jump compiled where {@code d} holds is a completion code (counted) or must throw. */
  private boolean jump(int d, int kind) {
    if ((d & kind) != 0) {
      directJumps++;
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- expressions

  Node expr(Ast.Expr e) {
    int d = direct;
    direct = 0;
    if (e instanceof Ast.Num n) {
      return new VariableNodes.Const(n.loc(), n.value());
    }
    if (e instanceof Ast.Imag n) {
      return new VariableNodes.Const(n.loc(), new dev.exp.tensor.Complex(0, n.value()));
    }
    if (e instanceof Ast.Str s) {
      return new VariableNodes.Const(s.loc(), s.value());
    }
    if (e instanceof Ast.Bool b) {
      return new VariableNodes.Const(b.loc(), b.value());
    }
    if (e instanceof Ast.NoneLit n) {
      return new VariableNodes.Const(n.loc(), null);
    }
    if (e instanceof Ast.Name n) {
      return read(n.loc(), n.name(), false);
    }
    if (e instanceof Ast.Interp in) {
      Node[] holes = new Node[in.holes().size()];
      FormatSpec[] specs = new FormatSpec[holes.length];
      for (int i = 0; i < holes.length; i++) {
        holes[i] = expr(in.holes().get(i));
        String spec = in.specs().get(i);
        specs[i] = spec == null ? null : FormatSpec.parse(spec);
      }
      return new CollectionNodes.Interp(in.loc(), in.texts().toArray(new String[0]), holes, specs);
    }
    if (e instanceof Ast.ListLit l) {
      Node[] elems = new Node[l.elements().size()];
      boolean nested = !l.elements().isEmpty();
      for (int i = 0; i < elems.length; i++) {
        Ast.Expr el = l.elements().get(i);
        elems[i] = expr(el);
        nested &= el instanceof Ast.ListLit;
      }
      return new CollectionNodes.ListLit(l.loc(), elems, nested);
    }
    if (e instanceof Ast.RecordLit r) {
      Node[] values = new Node[r.values().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = expr(r.values().get(i));
      }
      return new CollectionNodes.RecordLit(r.loc(), r.names().toArray(new String[0]), values);
    }
    if (e instanceof Ast.Comprehension c) {
      return ComprehensionCompiler.compile(this, c);
    }
    if (e instanceof Ast.If i) {
      Node cond = expr(i.cond());
      direct = d;
      Node then = expr(i.then());
      direct = d;
      Node otherwise = i.otherwise() == null ? null : expr(i.otherwise());
      direct = 0;
      return new ControlNodes.If(i.loc(), cond, then, otherwise);
    }
    if (e instanceof Ast.BlockExpr b) {
      direct = d;
      return block(b);
    }
    if (e instanceof Ast.Lambda l) {
      return lambda(l);
    }
    if (e instanceof Ast.Call c) {
      Node fused = FusedNodes.tryFuse(this::compileHere, this::resolvesToBuiltin, e); // element-wise fusion (FusedNodes)
      return fused != null ? fused : CallCompiler.call(this, c);
    }
    if (e instanceof Ast.Pipe p) {
      return CallCompiler.pipe(this, p);
    }
    if (e instanceof Ast.Index ix) {
      return CallCompiler.index(this, ix);
    }
    if (e instanceof Ast.Member m) {
      return CallCompiler.member(this, m);
    }
    Node op = OperatorCompiler.compile(this, e);
    if (op != null) {
      return op;
    }
    if (e instanceof Ast.Experiment x) {
      return ExperimentCompiler.compile(this, x);
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  /** The static checks of calls to the program's own functions. */
  StaticCalls calls() {
    return calls;
  }

  /** Compiles a function literal or declaration into a closure-creating node. */
  Node lambda(Ast.Lambda l) {
    return new FunctionNodes.MakeClosure(l.loc(), function(l.name(), l.loc(), l.params(), l.body(), false));
  }

  /** Globals an experiment body being compiled reads (their values key its cached trials); else null. */
  java.util.Map<String, GlobalVar> experimentReads;
  /** The metric names the experiment body being compiled reports, in source order (null outside one). */
  java.util.Set<String> experimentReports;

  /** The function being compiled (the trial function inside an experiment body). */
  FunctionCode currentFunction() {
    return fn.code;
  }

  /** Compiles a function body in a new function scope. */
  FunctionCode function(String name, Loc loc, List<Ast.Param> params, Ast.Expr body, boolean experiment) {
    String[] names = new String[params.size()];
    Node[] defaults = new Node[params.size()];
    LocalVar[] vars = new LocalVar[params.size()];
    NumericWarmUp.start();   // code the numeric tier may translate: ready its machinery meanwhile
    FunctionCode code = new FunctionCode(name, loc, names, defaults, vars);
    code.sig = StaticCalls.signatureOf(name, params);
    FunctionScope saved = fn;
    fn = new FunctionScope(saved, code);
    fn.inExperiment = experiment;
    Ast.Param withDefault = null;
    for (int i = 0; i < params.size(); i++) {
      Ast.Param p = params.get(i);
      names[i] = p.name();
      // a trial's parameters (its swept values and seed) are the row's columns: not assignable
      vars[i] = experiment
          ? declareLocal(p.name(), false, p.loc(), p.name().equals("seed") ? BindingRoles.SEED : BindingRoles.SWEPT)
          : declareLocal(p.name(), true, p.loc());
      if (p.dflt() != null) {
        withDefault = withDefault == null ? p : withDefault;
      } else if (withDefault != null) {
        error(p.loc(), "parameter '" + p.name() + "' needs a default: it follows '" + withDefault.name()
            + "', which has one (parameters with defaults come last)");
      }
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).dflt() != null) {
        defaults[i] = expr(params.get(i).dflt());
      }
    }
    int savedDirect = direct;
    direct = DIRECT_RETURN;
    code.body = expr(experiment ? body : TailReturns.rewrite(body));
    direct = savedDirect;
    code.frameSize = fn.maxSlots;
    for (LocalVar v : vars) {
      code.capturedParams |= v.captured;
    }
    code.captures = fn.captures.toArray(new FunctionCode.CaptureSource[0]);
    fn = saved;
    return code;
  }

  /** Compiles {@code e} in the current scope (used by the experiment compiler). */
  public Node compileHere(Ast.Expr e) {
    return expr(e);
  }

  /** Whether {@code name} here resolves to the global builtin of that name (no local, capture or global shadows it). */
  boolean resolvesToBuiltin(String name) {
    for (FunctionScope s = fn; s != null; s = s.parent) {
      if (FunctionScope.lookupLocal(s, name) != null) {
        return false;
      }
    }
    GlobalVar g = globals.get(name);
    if (g != null && (programGlobals.containsKey(name) || g.defined)) {
      return false;
    }
    return builtins.containsKey(name);
  }

  void reportError(Loc loc, String message) {
    error(loc, message);
  }
}
