package org.hpq.shell.lang.ast;

/** A statement: an expression, an assignment {@code name = expr}, or help {@code expr?}. */
public sealed interface Statement extends Node
    permits ExpressionStatement, AssignmentStatement, HelpStatement {}
