import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package's enum is a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/** argon2id cost. Stored inside every hash (PHC string), so it can be raised later. */
export interface HashingCost {
  /** KiB of memory. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  parallelism: number;
}

/**
 * quality.md "Security": argon2id at m = 64 MiB, t = 3, p = 1 (above OWASP's minimum of
 * 19 MiB, t = 2), about 0.1 s on an office PC: slow for someone guessing, unnoticed at sign-in.
 */
export const PRODUCTION_HASHING: HashingCost = { memoryCost: 65_536, timeCost: 3, parallelism: 1 };

/**
 * Hashes and checks passwords with argon2id (@node-rs/argon2: N-API, so the same build runs
 * under Node and Electron, and the work runs off the main thread).
 */
export class PasswordHasher {
  constructor(private readonly cost: HashingCost = PRODUCTION_HASHING) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, ...this.cost });
  }

  /** False for a wrong password or a hash this code cannot read; never throws for those. */
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** True when the stored hash was made with another algorithm or cost than today's. */
  needsRehash(stored: string): boolean {
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/u.exec(stored);
    return (
      !match ||
      Number(match[1]) !== this.cost.memoryCost ||
      Number(match[2]) !== this.cost.timeCost ||
      Number(match[3]) !== this.cost.parallelism
    );
  }
}
