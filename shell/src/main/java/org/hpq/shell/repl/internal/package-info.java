/** JLine adapters, printers and the cancellable evaluation worker behind the REPL. */
package org.hpq.shell.repl.internal;
