/*
 * Communication-cost formulas as written in the YAML specs, e.g. `ceil(log2(l)) + 2`
 * or `n > 1 ? 2*n : 0`. Only the AST built by AstBuilder is evaluated; this grammar
 * only fixes the syntax, precedence and associativity.
 */
grammar CostExpr;

formula : expr EOF ;

// Alternatives go from the tightest binding to the loosest: ANTLR gives the earlier
// alternative the higher precedence. `pow` comes before `unary` so that `-2^2` is
// -(2^2) as in mathematics, while `-2*3` is still (-2)*3.
expr
    : LPAREN expr RPAREN                                   # parens
    | NUMBER                                               # number
    | ID LPAREN (expr (COMMA expr)*)? RPAREN                # call
    | ID                                                   # variable
    | <assoc=right> expr op=POW expr                       # pow
    | op=(SUB | NOT) expr                                  # unary
    | expr op=(MUL | DIV | MOD) expr                       # muldiv
    | expr op=(ADD | SUB) expr                             # addsub
    | expr op=(LT | LE | GT | GE | EQ | NE) expr           # compare
    | expr op=AND expr                                     # and
    | expr op=OR expr                                      # or
    | <assoc=right> expr op=QUESTION expr COLON expr       # conditional
    ;

LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
POW      : '^' ;
MUL      : '*' ;
DIV      : '/' ;
MOD      : '%' ;
ADD      : '+' ;
SUB      : '-' ;
NOT      : '!' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
EQ       : '==' ;
NE       : '!=' ;
AND      : '&&' ;
OR       : '||' ;
QUESTION : '?' ;
COLON    : ':' ;

NUMBER : DIGIT+ ('.' DIGIT+)? EXPONENT? ;
ID     : [a-zA-Z_] [a-zA-Z_0-9]* ;
WS     : [ \t\r\n]+ -> skip ;

// Any other character becomes a token of its own, so the parser reports it at its exact
// position ("unexpected character '#'") instead of the lexer printing to stderr.
UNEXPECTED_CHAR : . ;

fragment DIGIT    : [0-9] ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
