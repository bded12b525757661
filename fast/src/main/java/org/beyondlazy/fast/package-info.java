/** beyondlazy fast module (filled by its issue). */
package org.beyondlazy.fast;
