// The Exp language. No embedded actions: the parser only builds a parse tree, which
// dev.exp.syntax.AstBuilder turns into the immutable AST.
//
// Newlines are statement separators (NL). Newlines that cannot end a statement (inside ( ) or [ ],
// after a binary operator, a comma or '|>', before '|>', 'else' or a closing bracket) are removed
// before parsing by dev.exp.syntax.NewlineFilter, so the rules below only see NL where it separates.
grammar Exp;

program   : sep* (statement (sep+ statement)*)? sep* EOF ;
singleExpr : expr EOF ;
sep       : NL | ';' ;
block     : '{' sep* (statement (sep+ statement)*)? sep* '}' ;

statement
  : 'let' IDENT '=' expr                                   # letStmt
  | 'var' IDENT '=' expr                                   # varStmt
  | 'fn' IDENT '(' params? ')' fnBody                      # fnStmt
  | 'import' STRING 'as' IDENT                             # importStmt
  | target=postfix op=('=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=' | '@=') expr   # assignStmt
  | 'for' forTarget 'in' expr block                        # forStmt
  | 'while' expr block                                     # whileStmt
  | 'break'                                                # breakStmt
  | 'continue'                                             # continueStmt
  | 'return' expr?                                         # returnStmt
  | 'sweep' sweepAxis (',' sweepAxis)*                     # sweepStmt
  | 'repeat' expr                                          # repeatStmt
  | 'report' reportItem (',' reportItem)*                  # reportStmt
  | expr                                                   # exprStmt
  ;

forTarget  : IDENT | '(' IDENT ',' IDENT ')' ;
compClause : 'for' forTarget 'in' expr ('if' expr)? ;
sweepAxis  : IDENT 'in' expr                               # singleAxis
           | '(' IDENT (',' IDENT)+ ')' 'in' expr          # zippedAxis
           ;
reportItem : IDENT '=' expr ;
params     : param (',' param)* ','? ;
param      : IDENT ('=' expr)? ;
fnBody     : '=' expr | block ;

expr
  : postfix                                                # postfixExpr
  | <assoc=right> expr '^' expr                            # powExpr
  | op=('-' | '+') expr                                    # unaryExpr
  | expr op=('*' | '/' | '%' | '@') expr                   # mulExpr
  | expr op=('+' | '-') expr                               # addExpr
  | expr op=('..' | '..=') expr                            # rangeExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr   # cmpExpr
  | 'not' expr                                             # notExpr
  | expr 'and' expr                                        # andExpr
  | expr 'or' expr                                         # orExpr
  | expr '|>' expr                                         # pipeExpr
  | IDENT '=>' expr                                        # lambda1Expr
  | '(' params? ')' '=>' expr                              # lambdaExpr
  ;

postfix
  : primary                                                # primaryPostfix
  | postfix '(' args? ')'                                  # callPostfix
  | postfix '[' index (',' index)* ']'                     # indexPostfix
  | postfix '.' fieldName                                  # memberPostfix
  ;

args  : arg (',' arg)* ','? ;
arg   : fieldName ':' expr                                 # namedArg   // keywords too: f(repeat: 3)
      | expr                                               # positionalArg
      ;
index : expr                                               # pointIndex
      | lo=expr? ':' hi=expr? (':' step=expr?)?            # sliceIndex
      ;

primary
  : NUMBER                                                 # numberLit
  | STRING                                                 # stringLit
  | RAW_STRING                                             # rawStringLit
  | 'true'                                                 # trueLit
  | 'false'                                                # falseLit
  | 'none'                                                 # noneLit
  | IDENT                                                  # nameRef
  | 'var'                                                  # varRef   // contextual: the variance var(x, ddof: 1)
  | '(' expr ')'                                           # parenExpr
  | '[' expr compClause+ ']'                               # comprehension
  | '[' (expr (',' expr)* ','?)? ']'                       # listLit
  | '{' (field (',' field)* ','?)? '}'                     # recordLit
  | ifExpression                                           # ifExpr
  | 'fn' '(' params? ')' fnBody                            # fnExpr
  | 'experiment' STRING ('(' args? ')')? block             # experimentExpr
  ;

ifExpression : 'if' expr block ('else' (block | ifExpression))? ;

field : fieldName ':' expr                                 # namedField
      | STRING ':' expr                                    # quotedField
      | '...' expr                                         # spreadField
      | IDENT                                              # shorthandField
      ;

// After '.' and before ':' in a record any word is a field name, keywords included (m.var, {for: 1}).
fieldName : IDENT | 'let' | 'var' | 'fn' | 'import' | 'as' | 'for' | 'in' | 'while' | 'break' | 'continue'
          | 'return' | 'sweep' | 'repeat' | 'report' | 'true' | 'false' | 'none' | 'not' | 'and' | 'or' | 'if'
          | 'else' | 'experiment' ;

// ---------------------------------------------------------------- lexer
// a trailing i makes an imaginary literal: 2i, 1.5e3i
NUMBER  : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? 'i'? ;
fragment DIGITS : [0-9] ('_'? [0-9])* ;
// strings may span lines (handy for js("...") code); an unclosed one runs to the end of input
STRING  : '"' ('\\' . | ~["\\])* '"' ;
// raw strings: no escapes, no {interpolation} (JavaScript code, regular expressions, LaTeX)
RAW_STRING : 'r"' ~["]* '"' ;
UNTERMINATED_STRING : '"' ('\\' . | ~["\\])* | 'r"' ~["]* ;
IDENT   : [a-zA-Z_] [a-zA-Z0-9_]* ;
NL      : '\r'? '\n' ;
WS      : [ \t\f]+ -> skip ;
COMMENT : '#' ~[\r\n]* -> skip ;
ERROR_CHAR : . ;
