package dev.exp.eval;

import dev.exp.eval.builtins.Builtins;
import dev.exp.eval.compile.CompileStack;
import dev.exp.eval.compile.Compiler;
import dev.exp.eval.nodes.Frame;
import dev.exp.eval.nodes.Node;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.Environment;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Globals;
import dev.exp.eval.runtime.ImportedModules;
import dev.exp.eval.runtime.InternalErrors;
import dev.exp.eval.runtime.Limit;
import dev.exp.eval.runtime.Namespace;
import dev.exp.syntax.Ast;
import dev.exp.syntax.CompileError;
import dev.exp.syntax.Loc;
import dev.exp.syntax.Parsing;
import dev.exp.syntax.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The language runtime shared by all sessions of an engine: the builtin table (language builtins,
 * bound kernels, host modules), compilation and execution. Immutable after construction.
 */
public final class Interpreter implements Environment {
  private final Map<String, Object> builtins;

  /**
   * A runtime over a builtin table the embedding layer assembled (bound kernels, the language's own
   * builtins from {@link Builtins#install}, host values); the table is not changed afterwards.
   */
  public Interpreter(Map<String, Object> builtins) {
    this.builtins = Collections.unmodifiableMap(builtins);
  }

  @Override
  public Map<String, Object> builtins() {
    return builtins;
  }

  /** A compiled script, bound to the globals it was compiled against. */
  public static final class Compiled {
    final Node body;
    final int frameSize;
    final SourceText source;

    Compiled(Node body, int frameSize, SourceText source) {
      this.body = body;
      this.frameSize = frameSize;
      this.source = source;
    }

    public SourceText source() {
      return source;
    }
  }

  /** Parses and compiles; throws {@link CompileError} with every static error. */
  public Compiled compile(SourceText source, Globals globals) {
    return CompileStack.run(source, () -> compileParsed(source, Parsing.parse(source), globals));
  }

  /** Compiles an already parsed program against a session's globals (no parsing). */
  public Compiled compile(SourceText source, Ast.Program program, Globals globals) {
    return CompileStack.run(source, () -> compileParsed(source, program, globals));
  }

  private Compiled compileParsed(SourceText source, Ast.Program program, Globals globals) {
    Compiler.CompiledProgram p = new Compiler(source, globals, builtins).compileProgram(program);
    return new Compiled(p.body(), p.frameSize(), source);
  }

  /** A parsed program, checked for every static error that does not depend on a session's globals. */
  public record Checked(SourceText source, Ast.Program program, java.util.Set<String> freeNames) {}

  /**
   * Parses and checks a program without a session: names that are neither defined by the program nor
   * builtins are collected as free names (the host is expected to provide them as session globals)
   * instead of being reported. All other static errors are thrown as {@link CompileError}.
   */
  public Checked check(SourceText source) {
    return CompileStack.run(source, () -> {
      Ast.Program program = Parsing.parse(source);
      java.util.Set<String> free = new java.util.TreeSet<>();
      new Compiler(source, new Globals(), builtins, free).compileProgram(program);
      return new Checked(source, program, java.util.Collections.unmodifiableSet(free));
    });
  }

  /** Runs compiled code in a context; returns the value of the last statement. */
  public Object run(Compiled code, Context ctx) {
    Frame f = new Frame(code.frameSize, new Object[0], ctx);
    try {
      return code.body.eval(f);
    } catch (ExpError e) {
      e.leave("<script>");
      throw e;
    } catch (StackOverflowError e) {
      ExpError x = new Context.LimitError(Limit.CALL_DEPTH,
          "call depth limit exceeded: the Java stack overflowed (unbounded recursion?)", null);
      x.leave("<script>");
      throw x;
    } catch (OutOfMemoryError | RuntimeException e) {
      ExpError x = unexpected(e, ctx.kernelLoc);
      x.leave("<script>");
      throw x;
    }
  }

  /**
   * The error for a Java failure that escaped the evaluator: the heap running out is the memory
   * limit, a kernel's own exception keeps its message, anything else is an internal error without
   * Java text.
   */
  static ExpError unexpected(Throwable e, Loc loc) {
    if (e instanceof OutOfMemoryError) {
      return Context.memoryLimit("out of memory: the script's values filled the JVM heap (" + InternalErrors.heap()
          + ")", loc);
    }
    if (e instanceof dev.exp.kernel.MemoryLimitException m) {
      return Context.memoryLimit(m.getMessage(), loc);
    }
    if (e instanceof dev.exp.kernel.KernelException k) {
      return new ExpError(k.getMessage(), loc, k);
    }
    return new ExpError("internal error: " + InternalErrors.cause(e), loc, e);
  }

  /**
   * Calls a function value from the host side; a Java stack overflow becomes the call-depth limit
   * error, as in {@link #run}.
   */
  public Object call(Callable fn, Object[] args, Context ctx) {
    try {
      return fn.call(ctx, args, null, Loc.NONE);
    } catch (StackOverflowError e) {
      ExpError x = new Context.LimitError(Limit.CALL_DEPTH,
          "call depth limit exceeded: the Java stack overflowed (unbounded recursion?)", null);
      x.leave(fn.name());
      throw x;
    } catch (OutOfMemoryError | RuntimeException e) {
      if (e instanceof ExpError x) {
        throw x;
      }
      ExpError x = unexpected(e, ctx.kernelLoc);
      x.leave(fn.name());
      throw x;
    }
  }

  /** A context with the given settings. */
  public Context newContext(java.util.function.Consumer<String> out, dev.exp.random.Rng rng,
      java.util.Set<String> grants, Path baseDir, long maxSteps, int maxDepth, long deadlineNanos) {
    return new Context(this, out, rng, grants, baseDir, maxSteps, maxDepth, deadlineNanos);
  }

  /** {@code import "path" as alias}: runs the file in fresh globals; its top-level bindings become a namespace. */
  @Override
  public Object importModule(Context ctx, String path, String alias, Loc loc) {
    ctx.require("file.read", "import", loc);
    Path base = ctx.baseDir;
    Path importing = null;
    if (loc != null && loc.file() != null && !loc.file().startsWith("<")) {
      Path importer = Path.of(loc.file());
      if (!importer.isAbsolute() && base != null) {
        importer = base.resolve(importer);   // a script named relative to the session's folder
      }
      Path parent = importer.toAbsolutePath().getParent();
      if (parent != null) {
        base = parent;
      }
      importing = importer.toAbsolutePath().normalize();
    }
    // relative to the importing file's folder, confined to the session's folders like every file access
    Path file = ctx.resolvePath((base == null ? Path.of(path) : base.resolve(path)).toString(), "import", loc);
    Path key = file.toAbsolutePath().normalize();
    ImportedModules modules = ctx.resources().get(ImportedModules.class, ImportedModules::new);
    Map<String, Object> members = modules.load(key, importing, () -> runModule(ctx, modules, path, file, loc), loc);
    return new Namespace(alias, "imported from " + path, members);
  }

  /** Reads, compiles and runs an imported file in fresh globals: its defined top-level bindings. */
  private Map<String, Object> runModule(Context ctx, ImportedModules modules, String path, Path file, Loc loc) {
    SourceText src;
    try {
      byte[] bytes = Files.readAllBytes(file);
      try {
        src = new SourceText(file.toString(), SourceText.decodeUtf8(bytes));
      } catch (IOException e) {
        throw new ExpError("import: cannot read \"" + path + "\" (" + file + "): " + e.getMessage(), loc);
      }
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "it is a folder, not a file" : dev.exp.io.AtomicFiles.describe(e);
      throw new ExpError("import: cannot read \"" + path + "\" (" + file + "): " + why, loc);
    }
    modules.source(src);
    Globals g = new Globals();
    Compiled c;
    try {
      c = compile(src, g);
    } catch (CompileError e) {
      throw new dev.exp.eval.runtime.ImportSyntaxError(path, e, loc);
    }
    try {
      run(c, ctx);
    } catch (ExpError e) {
      e.locateIfUnknown(loc);   // the importing file's frame shows its import statement
      throw e;
    }
    Map<String, Object> members = new LinkedHashMap<>();
    for (String n : g.names()) {
      if (g.isDefined(n)) {
        members.put(n, g.value(n));
      }
    }
    return members;
  }

  /**
   * The builtin name closest to a dotted name that does not exist ("linalg.sovle" gives
   * "linalg.solve", "linalg.cg" gives "solvers.cg"), or null when nothing is close.
   */
  public String closestName(String dotted) {
    int dot = dotted.lastIndexOf('.');
    String member = dotted.substring(dot + 1);
    if (dot > 0 && lookup(dotted.substring(0, dot)) instanceof Namespace ns) {
      String best = dev.exp.kernel.Suggest.closest(member, ns.memberNames());
      if (best != null) {
        return dotted.substring(0, dot) + "." + best;
      }
    } else if (dot < 0) {
      String best = dev.exp.kernel.Suggest.closest(member, builtins.keySet());
      if (best != null) {
        return best;
      }
    }
    java.util.List<String> found = new java.util.ArrayList<>();
    for (Object v : builtins.values()) {
      if (v instanceof Namespace ns && ns.has(member)) {
        found.add(ns.name() + "." + member);
      }
    }
    java.util.Collections.sort(found);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Looks up a dotted name ("linalg.svd") among the builtins, or null. */
  @Override
  public Object lookup(String dotted) {
    String[] parts = dotted.split("\\.");
    Object v = builtins.get(parts[0]);
    for (int i = 1; i < parts.length && v != null; i++) {
      v = v instanceof Namespace ns ? ns.member(parts[i]) : null;
    }
    return v;
  }
}
