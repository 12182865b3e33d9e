/**
 * The officers the e2e run signs in as. The global setup creates them through the real
 * HTTP API on the fresh bridge (the administrator by first-start setup, the others by
 * `users.create` with a temporary password), then signs each in once to set the password
 * below, so tests can sign in directly.
 */
export type E2eRole =
  | 'administrator'
  | 'administrator2'
  | 'clerk'
  | 'clerk2'
  | 'registrar'
  | 'registrar2'
  | 'auditor'
  | 'lockout';

export interface E2eUser {
  username: string;
  fullName: string;
  role: 'administrator' | 'clerk' | 'registrar' | 'auditor';
  /** Code of the office in resources/reference/mizoram.json. */
  officeCode: string;
  password: string;
}

export const e2eUsers: Record<E2eRole, E2eUser> = {
  administrator: {
    username: 'admin.rcs',
    fullName: 'Vanlalruata Khiangte',
    role: 'administrator',
    officeCode: 'RCS',
    password: 'Tlangnuam hill at dawn 2025',
  },
  administrator2: {
    username: 'admin.aiz',
    fullName: 'Lalnunmawia Pachuau',
    role: 'administrator',
    officeCode: 'AIZ',
    password: 'Second admin keeps the keys',
  },
  clerk: {
    username: 'clerk.aiz',
    fullName: 'Lalthanga Sailo',
    role: 'clerk',
    officeCode: 'AIZ',
    password: 'Counter clerk enters records',
  },
  clerk2: {
    username: 'clerk2.aiz',
    fullName: 'Lalrinpuii Colney',
    role: 'clerk',
    officeCode: 'AIZ',
    password: 'Another clerk at the counter',
  },
  registrar: {
    username: 'arcs.aiz',
    fullName: 'Zothanpuii Ralte',
    role: 'registrar',
    officeCode: 'AIZ',
    password: 'Registrar signs the orders',
  },
  registrar2: {
    username: 'arcs2.aiz',
    fullName: 'Lalhmingliana Renthlei',
    role: 'registrar',
    officeCode: 'AIZ',
    password: 'Second registrar decides too',
  },
  auditor: {
    username: 'auditor.aiz',
    fullName: 'Lalduhawma Ṭochhawng',
    role: 'auditor',
    officeCode: 'AIZ',
    password: 'Audits the books in the field',
  },
  lockout: {
    username: 'lockout.aiz',
    fullName: 'Lalbiakzuala Tochhawng',
    role: 'clerk',
    officeCode: 'AIZ',
    password: 'Only the lockout test uses me',
  },
};

/** The temporary password each user is created with, before their first sign-in. */
export const TEMPORARY_PASSWORD = 'Temporary password 0001';
