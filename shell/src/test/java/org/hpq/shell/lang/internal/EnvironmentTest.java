package org.hpq.shell.lang.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.EvaluationCancelledException;
import org.hpq.shell.lang.value.IntValue;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void noBindingAfterCancelReturns() {
    Environment environment = new Environment();
    CancellationToken token = CancellationToken.create();
    environment.bind("x", IntValue.of(1), token);
    environment.cancel(token);
    assertThatThrownBy(() -> environment.bind("x", IntValue.of(2), token))
        .isInstanceOf(EvaluationCancelledException.class);
    assertThat(environment.lookup("x")).contains(IntValue.of(1));
  }

  @Test
  void variablesShadowBuiltins() {
    Environment environment = new Environment();
    environment.defineBuiltin("hp", IntValue.of(1));
    environment.bind("hp", IntValue.of(2), CancellationToken.never());
    assertThat(environment.lookup("hp")).contains(IntValue.of(2));
    assertThat(environment.builtins()).containsEntry("hp", IntValue.of(1));
    assertThat(environment.names()).containsExactly("hp");
  }
}
