import { v5 as uuidv5 } from 'uuid';

/** Namespace for ids derived from reference codes; never change it (ids would change). */
const REFERENCE_NAMESPACE = '5b0e4a62-4f5b-4c8e-9a55-1c2f0b7d6e01';

/** The same code gives the same id on every device and on the server. */
export function referenceId(kind: string, code: string): string {
  return uuidv5(`${kind}:${code}`, REFERENCE_NAMESPACE);
}
