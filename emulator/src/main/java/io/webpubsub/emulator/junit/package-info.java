/** API: the JUnit 5 extension that gives tests a running emulator and clears injected faults between tests. */
package io.webpubsub.emulator.junit;
