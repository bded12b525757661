/** beyondlazy cli module (filled by its issue). */
package org.beyondlazy.cli;
