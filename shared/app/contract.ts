import { z } from 'zod';
import { type RequestSpecs } from '../ipc/wire';

export const appRequests = {
  /** Version, data folder and register size, for the About box and the status bar. */
  'app.info': {
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      /** Null before sign-in: nobody learns the machine's folders from the login screen. */
      dataDir: z.string().nullable(),
      stateName: z.string(),
      /** Null before sign-in: the login screen shows no figures from the register. */
      societyCount: z.number().int().nullable(),
      schemaMigrations: z.number().int(),
    }),
  },
} as const satisfies RequestSpecs<'app'>;
