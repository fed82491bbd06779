package dev.exp.syntax;

import dev.exp.grammar.ExpLexer;
import dev.exp.grammar.ExpParser;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Text to AST: lexing, newline filtering, parsing and AST building, with all syntax errors collected. */
public final class Parsing {
  private Parsing() {}

  /**
   * Starts parsing {@code source} on a background thread, so that the next {@link #parse} of it
   * finds the tree ready: the command line overlaps the parse (cold, tens of milliseconds: the
   * parser's prediction tables are built on first use) with building the engine. Errors are
   * reported by that {@link #parse}, as if it had parsed.
   */
  public static void parseAhead(SourceText source) {
    java.util.concurrent.FutureTask<Ast.Program> task = new java.util.concurrent.FutureTask<>(() -> parseNow(source));
    source.ahead(task);
    Thread t = new Thread(null, task, "exp-parse", 1L << 26);
    t.setDaemon(true);
    t.start();
  }

  /** Parses a whole program or throws {@link CompileError} with every syntax error (capped). */
  public static Ast.Program parse(SourceText source) {
    java.util.concurrent.FutureTask<Ast.Program> ahead = source.takeAhead();
    if (ahead != null) {
      try {
        return ahead.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof CompileError c) {
          throw c;
        }
        // anything else (a stack overflow on the smaller thread): parse here instead
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();   // parsed here; the run then stops at its first step
      }
    }
    return parseNow(source);
  }

  private static Ast.Program parseNow(SourceText source) {
    SyntaxErrors errors = new SyntaxErrors(source, source.firstLine() - 1, 0);
    ExpParser.ProgramContext tree = twoStage(parser(source.text(), source.name(), errors), errors, ExpParser::program);
    if (!errors.diagnostics().isEmpty()) {
      throw new CompileError(errors.diagnostics(), errors.atEnd());
    }
    AstBuilder builder = new AstBuilder(source, source.firstLine() - 1, 0, errors);
    Ast.Program program = builder.program(tree);
    if (!errors.diagnostics().isEmpty()) {
      throw new CompileError(errors.diagnostics(), errors.atEnd());
    }
    return program;
  }

  /** Parses the expression inside an interpolation hole; positions are shifted to the hole's place. */
  static Ast.Expr parseHole(SourceText source, String text, int line, int col, SyntaxErrors outer) {
    SyntaxErrors errors = new SyntaxErrors(source, line - 1, col - 1);
    ExpParser.SingleExprContext tree = twoStage(parser(text, source.name(), errors), errors, ExpParser::singleExpr);
    if (!errors.diagnostics().isEmpty()) {
      for (var d : errors.diagnostics()) {
        outer.add(d.line(), d.column(), d.length(), "in string interpolation: " + d.message());
      }
      return new Ast.NoneLit(new Loc(source.name(), line, col, 1));
    }
    return new AstBuilder(source, line - 1, col - 1, outer).expr(tree.expr());
  }

  private static ExpParser parser(String text, String name, SyntaxErrors errors) {
    ExpLexer lexer = new ExpLexer(CharStreams.fromString(text, name));
    lexer.removeErrorListeners();
    List<Token> unclosed = new java.util.ArrayList<>();
    List<Token> tokens = NewlineFilter.filter(lexer, unclosed);
    if (!unclosed.isEmpty()) {
      errors.unclosed(unclosed.get(0));
    }
    Nesting.check(tokens, errors);
    ExpParser parser = new ExpParser(new CommonTokenStream(new ListTokenSource(tokens, name)));
    parser.removeErrorListeners();
    return parser;
  }

  /**
   * Parses with ANTLR's fast SLL prediction first, bailing out at the first error; only then again
   * from the start with full LL prediction and error reporting/recovery (ANTLR's two-stage
   * strategy). Without semantic predicates (this grammar has none) an SLL parse that succeeds is the
   * LL parse; an input SLL rejects is either a real syntax error, reported by the LL pass, or one the
   * LL pass parses correctly.
   */
  private static <T> T twoStage(ExpParser parser, SyntaxErrors errors, Function<ExpParser, T> rule) {
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return rule.apply(parser);
    } catch (ParseCancellationException e) {
      parser.getTokenStream().seek(0);
      parser.reset();
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(errors);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return rule.apply(parser);
    }
  }
}
