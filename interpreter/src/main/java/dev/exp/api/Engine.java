package dev.exp.api;

import dev.exp.eval.Interpreter;
import dev.exp.syntax.CompileError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The entry point for Java hosts. Build one engine (it binds the standard library and your host
 * modules once), then compile {@link Script}s and open {@link Session}s from it. An engine is
 * immutable and thread-safe: share it between threads, with one session per thread.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *     .limits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(5)))
 *     .function("weights", args -> new double[] {0.5, -2, 3})   // a host function
 *     .module(MyKernels.class)                                  // @Kernel methods: mymod.fn(...)
 *     .build();
 * try (Session s = engine.newSession()) {
 *   s.set("X", new double[][] {{1, 2}, {3, 4}});
 *   double[][] y = s.eval("X @ X.T").asMatrix();
 * }
 * }</pre>
 *
 * <p>Sandbox: by default a session cannot read or write files, read the environment or evaluate
 * JavaScript; grant each {@link Capability} explicitly. Scripts can never start processes or reach
 * Java classes: they see only values passed in, host functions and registered modules.
 */
public final class Engine {
  private final Interpreter interpreter;
  private final Limits limits;
  private final Set<Capability> grants;
  private final Consumer<String> output;
  private final Consumer<String> warnings;
  private final Path baseDir;
  private final java.util.List<Path> fileRoots;
  private final long seed;
  private final int threads;

  private Engine(Builder b) {
    this.interpreter = new Interpreter(BuiltinTable.assemble(b.kernelClasses, b.hostValues));
    this.limits = b.limits;
    this.grants = Collections.unmodifiableSet(EnumSet.copyOf(b.grants));
    this.output = b.output;
    this.warnings = b.warnings;
    this.baseDir = b.baseDir;
    this.fileRoots = java.util.List.copyOf(b.fileRoots);
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /** A builder with the defaults: {@link Limits#DEFAULT}, nothing granted, output to stdout, seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** An engine with all defaults: {@code Engine.builder().build()}. */
  public static Engine create() {
    return builder().build();
  }

  /** A new session with its own globals and random stream. Close it when done. */
  public Session newSession() {
    return new Session(this);
  }

  /**
   * Parses and checks a script once, for any number of runs ({@link Session#run}).
   *
   * @throws ExpSyntaxException with every syntax and static error (all reported together)
   */
  public Script compile(Source source) {
    Objects.requireNonNull(source, "source");
    try {
      return new Script(this, source, interpreter.check(source.body()));
    } catch (CompileError e) {
      throw ExpSyntaxException.of(e);
    }
  }

  /** Compiles code named {@code <script>} in error messages. */
  public Script compile(String code) {
    return compile(new Source("<script>", code));
  }

  Interpreter interpreter() {
    return interpreter;
  }

  /** The limits of every evaluation. */
  public Limits limits() {
    return limits;
  }

  /**
   * The thread budget of each evaluation: kernels that split their work and the parallel trials of
   * experiments (nested experiments share it) use at most this many threads, the calling thread
   * included.
   */
  public int threads() {
    return threads;
  }

  /** The capabilities every session of this engine has. */
  public Set<Capability> grants() {
    return grants;
  }

  Consumer<String> output() {
    return output;
  }

  Consumer<String> warnings() {
    return warnings;
  }

  /** The directory relative file paths of scripts resolve against. */
  public java.util.List<Path> fileRoots() {
    return fileRoots;
  }

  /** Directory relative paths resolve against; with a file capability, files are confined to it and {@link #fileRoots()}. */
  public Path baseDir() {
    return baseDir;
  }

  /** The seed of each new session's random stream. */
  public long seed() {
    return seed;
  }

  /** Names of the global builtin functions (not namespaces), sorted. */
  public List<String> globalFunctionNames() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : interpreter.builtins().entrySet()) {
      if (e.getValue() instanceof dev.exp.eval.runtime.Callable) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Names of the builtin namespaces ({@code linalg}, {@code fft}, ...) and of the host modules'
   * namespaces, sorted.
   */
  public List<String> namespaces() {
    List<String> out = new ArrayList<>();
    for (String name : interpreter.builtins().keySet()) {
      if (interpreter.builtins().get(name) instanceof dev.exp.eval.runtime.Namespace) {
        out.add(name);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Every function a script can call without defining it, by the name it is called with: the global
   * builtins ({@code print}, {@code sum}), the members of every namespace ({@code linalg.solve}) and
   * the host functions and modules of this engine; sorted.
   */
  public List<String> functionNames() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(globalFunctionNames());
    for (String ns : namespaces()) {
      for (String member : ((dev.exp.eval.runtime.Namespace) interpreter.builtins().get(ns)).memberNames()) {
        out.add(ns + "." + member);
      }
    }
    return List.copyOf(out);
  }

  /**
   * One line on the BLAS backend the linear-algebra kernels use in this process: the native library
   * (OpenBLAS through JavaCPP) or the pure-Java fallback, as {@code exp --version} prints it.
   */
  public static String blasBackend() {
    return dev.exp.tensor.blas.Blas.describe();
  }

  /** Whether a dotted name such as "linalg.solve" or "print" is a builtin or host function. */
  public boolean hasFunction(String name) {
    return interpreter.lookup(name) instanceof dev.exp.eval.runtime.Callable;
  }

  /** Help text (signature and doc) for a dotted name such as "linalg.svd", or null when unknown. */
  public String help(String name) {
    Object v = interpreter.lookup(java.util.Objects.requireNonNull(name, "name"));
    return v == null ? null : dev.exp.eval.runtime.HelpText.of(v);
  }

  /**
   * The builtin name closest to one that {@link #help} does not know ({@code "linalg.sovle"} gives
   * {@code "linalg.solve"}; a member of another namespace, {@code "linalg.cg"}, gives
   * {@code "solvers.cg"}), or null when nothing is close.
   */
  public String closestName(String name) {
    return interpreter.closestName(name);
  }

  /** Configures an engine. Nothing is granted by default. */
  public static final class Builder {
    private final List<Class<?>> kernelClasses = new ArrayList<>();
    private final Map<String, Object> hostValues = new LinkedHashMap<>();
    private Limits limits = Limits.DEFAULT;
    private final Set<Capability> grants = EnumSet.noneOf(Capability.class);
    private Consumer<String> output = System.out::println;
    private Consumer<String> warnings = System.err::println;
    private Path baseDir = Path.of("").toAbsolutePath();
    private final java.util.List<Path> fileRoots = new java.util.ArrayList<>();
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * The thread budget of each evaluation (default: the available processors): kernel parallelism
     * and experiment trials together never use more threads than this, the caller's included. 1 makes
     * every evaluation single-threaded.
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /** Limits for every evaluation (default {@link Limits#DEFAULT}: only a call-depth limit). */
    public Builder limits(Limits l) {
      this.limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /** Grants capabilities to every session of the engine. */
    public Builder grant(Capability... cs) {
      grants.addAll(List.of(cs));   // List.of refuses null elements
      return this;
    }

    /** Where {@code print} output goes, one line per call (default: {@code System.out}). */
    public Builder output(Consumer<String> out) {
      this.output = Objects.requireNonNull(out, "output");
      return this;
    }

    /**
     * Where warnings go (default: {@code System.err}, as Python's): code that runs but likely does
     * not mean what it says, such as {@code xs + [x]} adding x to every element of a tensor. Each is
     * one text ({@code file:line:col: warning: message}, the source line, a caret), given once per
     * source location and run (a script, a REPL input, a host call); {@code w -> {}} drops them.
     */
    public Builder warnings(Consumer<String> w) {
      this.warnings = Objects.requireNonNull(w, "warnings");
      return this;
    }

    /**
     * Directory relative paths resolve against (default: the working directory). A granted file
     * capability applies inside it and the {@link #fileRoot} folders only.
     */
    public Builder baseDir(Path dir) {
      this.baseDir = dir.toAbsolutePath();
      return this;
    }

    /**
     * One more folder (besides the base directory) where granted file capabilities apply; paths
     * elsewhere, {@code ..} escapes and symbolic links out are refused.
     */
    public Builder fileRoot(Path dir) {
      this.fileRoots.add(dir.toAbsolutePath());
      return this;
    }

    /** Seed of each new session's random stream (default 0: runs are reproducible). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Registers a host module: a class of {@code public static} methods annotated with {@code
     * @dev.exp.kernel.Kernel(name = "mymod.fn", doc = "...")} and {@code @Arg} on each parameter,
     * exactly like the standard library's kernels. Scripts call them as {@code mymod.fn(...)} with
     * positional or named arguments, defaults and converted types; {@code help(mymod.fn)} shows the
     * doc. A method with an unsupported parameter type is reported when the engine is built.
     */
    public Builder module(Class<?> kernelClass) {
      kernelClasses.add(Objects.requireNonNull(kernelClass, "kernelClass"));
      return this;
    }

    /**
     * Registers a host function callable from scripts, also in pipelines ({@code xs |> name}). {@code
     * spec} is either a plain identifier — the function takes any number of positional arguments — or
     * a signature such as {@code "scale(x, factor: 1)"}: then calls bind by the same rules as every
     * Exp function (positional or named, defaults given as Exp literals, the standard errors for a
     * wrong count, an unknown or a repeated name), checked when the script compiles.
     */
    public Builder function(String spec, HostFunction fn) {
      if (!HostCallable.validSpec(spec)) {
        throw new IllegalArgumentException("a host function name must be an identifier or a signature "
            + "such as \"f(x, y: 1)\", got '" + spec
            + "' (use module(...) with @Kernel(name = \"ns.fn\") for namespaced functions)");
      }
      hostValues.put(HostCallable.nameOf(spec), HostCallable.adapt(spec, Objects.requireNonNull(fn, "fn")));
      return this;
    }

    /** Builds the engine: binds the standard library and the host modules. */
    public Engine build() {
      return new Engine(this);
    }
  }
}
