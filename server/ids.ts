import { v7 as uuidv7 } from 'uuid';

/** A new id for a row the server makes itself (a device, an issue, a lease). */
export function newServerId(): string {
  return uuidv7();
}
