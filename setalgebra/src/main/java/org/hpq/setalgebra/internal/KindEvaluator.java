package org.hpq.setalgebra.internal;

import org.hpq.setalgebra.Anything;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Complement;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.NodeSet;
import org.hpq.setalgebra.Nothing;
import org.hpq.setalgebra.Union;

/** Evaluates kinds against concrete node sets, atoms through their classifiers. Not API. */
public final class KindEvaluator {
  private KindEvaluator() {}

  /** The members of {@code within} of kind {@code kind}. */
  public static NodeSet filter(Kind kind, NodeSet within) {
    if (kind instanceof Anything) {
      return within;
    }
    if (kind instanceof Nothing || within.isEmpty()) {
      return NodeSet.empty();
    }
    if (kind instanceof Atom atom) {
      return atom.classifier().select(within, atom.spec());
    }
    if (kind instanceof Complement complement) {
      return within.andNot(filter(complement.atom(), within));
    }
    if (kind instanceof Intersection intersection) {
      // Each operand only sees what the previous ones kept.
      NodeSet result = within;
      for (Kind operand : intersection.operands()) {
        result = filter(operand, result);
        if (result.isEmpty()) {
          break;
        }
      }
      return result;
    }
    // Each operand only sees what no previous one took.
    NodeSet result = NodeSet.empty();
    NodeSet remaining = within;
    for (Kind operand : ((Union) kind).operands()) {
      NodeSet taken = filter(operand, remaining);
      result = result.or(taken);
      remaining = remaining.andNot(taken);
      if (remaining.isEmpty()) {
        break;
      }
    }
    return result;
  }

  /** Whether {@code node} is of kind {@code kind}. */
  public static boolean contains(Kind kind, int node) {
    if (kind instanceof Anything) {
      return true;
    }
    if (kind instanceof Nothing) {
      return false;
    }
    if (kind instanceof Atom atom) {
      return atom.classifier().contains(node, atom.spec());
    }
    if (kind instanceof Complement complement) {
      return !contains(complement.atom(), node);
    }
    if (kind instanceof Intersection intersection) {
      for (Kind operand : intersection.operands()) {
        if (!contains(operand, node)) {
          return false;
        }
      }
      return true;
    }
    for (Kind operand : ((Union) kind).operands()) {
      if (contains(operand, node)) {
        return true;
      }
    }
    return false;
  }
}
