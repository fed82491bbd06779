package dev.exp.syntax;

import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Source;
import dev.exp.grammar.ExpLexer;
import dev.exp.grammar.ExpParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Text to AST: lexing, newline filtering, parsing and AST building, with all syntax errors collected. */
public final class Parsing {
  private Parsing() {}

  /** Parses a whole program or throws {@link ExpSyntaxException} with every syntax error (capped). */
  public static Ast.Program parse(Source source) {
    SyntaxErrors errors = new SyntaxErrors(source, 0, 0);
    ExpParser parser = parser(source.text(), source.name(), errors);
    ExpParser.ProgramContext tree = parser.program();
    if (!errors.diagnostics().isEmpty()) {
      throw new ExpSyntaxException(errors.diagnostics(), errors.atEnd());
    }
    AstBuilder builder = new AstBuilder(source, 0, 0, errors);
    Ast.Program program = builder.program(tree);
    if (!errors.diagnostics().isEmpty()) {
      throw new ExpSyntaxException(errors.diagnostics(), errors.atEnd());
    }
    return program;
  }

  /** Parses the expression inside an interpolation hole; positions are shifted to the hole's place. */
  static Ast.Expr parseHole(Source source, String text, int line, int col, SyntaxErrors outer) {
    SyntaxErrors errors = new SyntaxErrors(source, line - 1, col - 1);
    ExpParser parser = parser(text, source.name(), errors);
    ExpParser.SingleExprContext tree = parser.singleExpr();
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
    ExpParser parser = new ExpParser(new CommonTokenStream(new ListTokenSource(tokens, name)));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    return parser;
  }
}
