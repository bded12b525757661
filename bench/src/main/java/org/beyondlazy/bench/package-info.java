/** beyondlazy bench module (filled by its issue). */
package org.beyondlazy.bench;
