import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// Row ids are UUIDv7 made on the device (sync.md §2). The uuid package asks the system for
// 16 random bytes per id, which costs more than the rest of the id; a bulk import makes
// six ids per society, so random bytes are drawn 4 KiB at a time instead. (With its own
// random bytes the package orders ids by millisecond only, not within one: nothing here
// orders by id, and index pages still fill in time order.)
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;

/** A new UUIDv7: time-ordered, random in its last 74 bits. */
export function newId(): string {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return v7({ random });
}
