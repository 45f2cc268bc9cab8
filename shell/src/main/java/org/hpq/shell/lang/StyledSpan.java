package org.hpq.shell.lang;

/**
 * A span of input and its highlighting style.
 *
 * @param start the offset of the first char
 * @param end the offset after the last char
 * @param style the style
 */
public record StyledSpan(int start, int end, TokenStyle style) {}
