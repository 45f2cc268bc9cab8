package org.hpq.shell.lang.ast;

/** An expression. Its position is that of its operator (binary, attribute, call, index), else its first token. */
public sealed interface Expression extends Node
    permits NameExpression, IntegerLiteral, StringLiteral, BooleanLiteral, NoneLiteral,
        ListExpression, TupleExpression, AttributeExpression, CallExpression, IndexExpression,
        SliceExpression, UnaryExpression, NotExpression, BinaryExpression, LogicalExpression,
        ComparisonExpression {}
