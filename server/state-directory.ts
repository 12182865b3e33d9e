import { readFileSync } from 'node:fs';
import { referenceId } from '#shared/reference/reference-ids';

export interface OfficeEntry {
  id: string;
  code: string;
  name: string;
  shortName: string;
  level: 'state' | 'district';
}

/**
 * The state's offices, read from the same reference file the desktops seed from, so the
 * server and every device agree on office ids without exchanging them.
 */
export class StateDirectory {
  private readonly byId: Map<string, OfficeEntry>;

  constructor(
    offices: readonly OfficeEntry[],
    /** The state's name, as the verification page prints it. */
    readonly stateName: string,
  ) {
    this.byId = new Map(offices.map((office) => [office.id, office]));
  }

  static fromReferenceFile(file: string): StateDirectory {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      state: { name: string };
      offices: { code: string; name: string; shortName: string; level: 'state' | 'district' }[];
    };
    return new StateDirectory(
      parsed.offices.map((office) => ({ ...office, id: referenceId('office', office.code) })),
      parsed.state.name,
    );
  }

  office(id: string): OfficeEntry | undefined {
    return this.byId.get(id);
  }

  officeByCode(code: string): OfficeEntry | undefined {
    return [...this.byId.values()].find((office) => office.code === code.toUpperCase());
  }

  isStateOffice(id: string): boolean {
    return this.byId.get(id)?.level === 'state';
  }

  offices(): OfficeEntry[] {
    return [...this.byId.values()];
  }
}
