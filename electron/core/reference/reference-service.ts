import { asc, isNull } from 'drizzle-orm';
import type { ReferenceData, RuleParameter } from '#shared/reference/contract';
import { scrutinyChecklist, type ScrutinyItem } from '#shared/registration/registration';
import type { Tier } from '#shared/societies/society';
import type { Db } from '../db/open-database';
import {
  auditRubrics,
  blocks,
  districts,
  officeJurisdictions,
  offices,
  ruleParameters,
  sectors,
  societyTypes,
  villages,
} from '../db/schema';
import type { Clock } from '../ports';
import type { MutationWriter } from '../sync/mutation-writer';
import { LetterheadImages } from './letterhead-images';
import type { ReferenceFile } from './reference-file';
import { referenceId } from '#shared/reference/reference-ids';

const ruleParameterId = (p: { key: string; scope: string; effectiveFrom: string }) =>
  referenceId('rule_parameter', `${p.key}:${p.scope}:${p.effectiveFrom}`);

/** The shipped audit rubrics, one row per scope they name. */
const shippedRubrics = (file: ReferenceFile) =>
  file.auditRubrics.flatMap(({ scopes, fromFy, criteria, thresholds }) =>
    scopes.map((scope) => ({
      id: referenceId('audit_rubric', `${scope}:${fromFy}`),
      scope,
      fromFy,
      criteria: JSON.stringify(criteria),
      thresholds: JSON.stringify(thresholds),
    })),
  );

export class ReferenceService {
  private cache: ReferenceData | null = null;
  /** The state emblem and department logo every printout carries. */
  readonly letterhead: LetterheadImages;

  constructor(
    private readonly db: Db,
    private readonly writer: MutationWriter,
    private readonly stateName: string,
    clock: Clock,
  ) {
    this.letterhead = new LetterheadImages(
      db.$client,
      writer,
      (key, onDate) => this.rule(key, onDate),
      clock,
    );
  }

  /** True when the reference tables are empty (a new database). */
  isEmpty(): boolean {
    return this.db.select({ id: districts.id }).from(districts).limit(1).all().length === 0;
  }

  /**
   * Loads the shipped reference data into a new database, in one transaction. Ids come
   * from the codes, so every device and the server agree on them.
   */
  seed(file: ReferenceFile): void {
    const stamp = (tx: { now: string; userId: string }) => ({
      createdAt: tx.now,
      createdBy: tx.userId,
      updatedAt: tx.now,
      updatedBy: tx.userId,
    });
    const districtId = (code: string) => referenceId('district', code);
    const blockId = (code: string) => referenceId('block', code);
    const villageId = (code: string) => referenceId('village', code);
    const blockDistrict = new Map(file.blocks.map((b) => [b.code, b.districtCode]));
    const villageDistrict = new Map(
      file.villages.map((v) => [v.code, blockDistrict.get(v.blockCode)]),
    );
    const sectorId = (code: string) => referenceId('sector', code);

    this.writer.runUnrecorded((tx) => {
      const who = stamp(tx);
      for (const d of file.districts) {
        tx.db
          .insert(districts)
          .values({ id: districtId(d.code), ...who, ...d })
          .run();
      }
      for (const b of file.blocks) {
        const { districtCode, ...rest } = b;
        tx.db
          .insert(blocks)
          .values({ id: blockId(b.code), districtId: districtId(districtCode), ...who, ...rest })
          .run();
      }
      for (const v of file.villages) {
        const { blockCode, ...rest } = v;
        const district = blockDistrict.get(blockCode);
        if (!district)
          throw new Error(`Reference data: village ${v.code} names unknown block ${blockCode}`);
        tx.db
          .insert(villages)
          .values({
            id: villageId(v.code),
            blockId: blockId(blockCode),
            districtId: districtId(district),
            ...who,
            ...rest,
          })
          .run();
      }
      for (const o of file.offices) {
        const { districtCodes, villageCodes, ...rest } = o;
        const officeId = referenceId('office', o.code);
        tx.db
          .insert(offices)
          .values({ id: officeId, ...who, ...rest })
          .run();
        for (const code of districtCodes) {
          tx.db
            .insert(officeJurisdictions)
            .values({
              id: referenceId('jurisdiction', `${o.code}:${code}`),
              officeId,
              districtId: districtId(code),
              villageId: null,
              ...who,
            })
            .run();
        }
        for (const code of villageCodes) {
          const district = villageDistrict.get(code);
          if (!district)
            throw new Error(`Reference data: office ${o.code} names unknown village ${code}`);
          tx.db
            .insert(officeJurisdictions)
            .values({
              id: referenceId('jurisdiction', `${o.code}:${code}`),
              officeId,
              districtId: districtId(district),
              villageId: villageId(code),
              ...who,
            })
            .run();
        }
      }
      for (const s of file.sectors) {
        tx.db
          .insert(sectors)
          .values({ id: sectorId(s.code), ...who, ...s })
          .run();
      }
      for (const t of file.societyTypes) {
        const { sectorCode, scrutinyItems, ...rest } = t;
        tx.db
          .insert(societyTypes)
          .values({
            id: referenceId('society_type', t.code),
            sectorId: sectorId(sectorCode),
            scrutinyItems: JSON.stringify(scrutinyItems),
            ...who,
            ...rest,
          })
          .run();
      }
      for (const p of file.ruleParameters) this.insertRuleParameter(tx, p, who);
      for (const rubric of shippedRubrics(file)) {
        tx.db
          .insert(auditRubrics)
          .values({ ...rubric, ...who })
          .run();
      }
    });
    this.cache = null;
  }

  /**
   * Rule parameters and audit rubrics shipped with a newer version of the application (a
   * new feature's figures) are added to an existing database; those present are never
   * changed, since the administrator may have set them. A rubric is added only for a
   * scope that has none at all, so one the administrator removed or replaced stays so.
   * Returns how many rows were added.
   */
  addNewReferenceRows(file: ReferenceFile): number {
    const present = new Set(
      this.db
        .select({ id: ruleParameters.id })
        .from(ruleParameters)
        .all()
        .map((row) => row.id),
    );
    const missing = file.ruleParameters.filter((p) => !present.has(ruleParameterId(p)));
    const scoped = new Set(
      this.db
        .select({ scope: auditRubrics.scope })
        .from(auditRubrics)
        .all()
        .map((row) => row.scope),
    );
    const missingRubrics = shippedRubrics(file).filter((rubric) => !scoped.has(rubric.scope));
    if (missing.length === 0 && missingRubrics.length === 0) return 0;
    this.writer.runUnrecorded((tx) => {
      const who = {
        createdAt: tx.now,
        createdBy: tx.userId,
        updatedAt: tx.now,
        updatedBy: tx.userId,
      };
      for (const p of missing) this.insertRuleParameter(tx, p, who);
      for (const rubric of missingRubrics) {
        tx.db
          .insert(auditRubrics)
          .values({ ...rubric, ...who })
          .run();
      }
    });
    this.cache = null;
    return missing.length + missingRubrics.length;
  }

  private insertRuleParameter(
    tx: { db: Db },
    p: ReferenceFile['ruleParameters'][number],
    who: { createdAt: string; createdBy: string; updatedAt: string; updatedBy: string },
  ): void {
    tx.db
      .insert(ruleParameters)
      .values({ id: ruleParameterId(p), ...who, ...p })
      .run();
  }

  /** Everything the forms and filters need, cached until reference data changes. */
  /** Forgets the cached reference data (sync wrote reference rows); the next `get` reads afresh. */
  reload(): void {
    this.cache = null;
  }

  get(): ReferenceData {
    if (this.cache) return this.cache;
    const jurisdictionRows = this.db
      .select()
      .from(officeJurisdictions)
      .where(isNull(officeJurisdictions.deletedAt))
      .all();
    const data: ReferenceData = {
      stateName: this.stateName,
      districts: this.db
        .select({
          id: districts.id,
          code: districts.code,
          name: districts.name,
          lgdCode: districts.lgdCode,
        })
        .from(districts)
        .where(isNull(districts.deletedAt))
        .orderBy(asc(districts.name))
        .all(),
      blocks: this.db
        .select({
          id: blocks.id,
          districtId: blocks.districtId,
          code: blocks.code,
          name: blocks.name,
          kind: blocks.kind,
          lgdCode: blocks.lgdCode,
        })
        .from(blocks)
        .where(isNull(blocks.deletedAt))
        .orderBy(asc(blocks.name))
        .all(),
      villages: this.db
        .select({
          id: villages.id,
          blockId: villages.blockId,
          districtId: villages.districtId,
          code: villages.code,
          name: villages.name,
          kind: villages.kind,
          lgdCode: villages.lgdCode,
        })
        .from(villages)
        .where(isNull(villages.deletedAt))
        .orderBy(asc(villages.name))
        .all(),
      offices: this.db
        .select()
        .from(offices)
        .where(isNull(offices.deletedAt))
        .orderBy(asc(offices.code))
        .all()
        .map((o) => ({
          id: o.id,
          code: o.code,
          name: o.name,
          shortName: o.shortName,
          address: o.address,
          level: o.level,
          districtIds: jurisdictionRows
            .filter((j) => j.officeId === o.id && j.villageId === null)
            .map((j) => j.districtId),
          villageIds: jurisdictionRows
            .filter((j) => j.officeId === o.id && j.villageId !== null)
            .map((j) => j.villageId as string),
        })),
      sectors: this.db
        .select({ id: sectors.id, code: sectors.code, name: sectors.name })
        .from(sectors)
        .where(isNull(sectors.deletedAt))
        .orderBy(asc(sectors.name))
        .all(),
      societyTypes: this.db
        .select()
        .from(societyTypes)
        .where(isNull(societyTypes.deletedAt))
        .orderBy(asc(societyTypes.name))
        .all()
        .map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          sectorId: t.sectorId,
          tier: t.tier as Tier,
          credit: t.credit,
          minPromoters: t.minPromoters,
          scrutinyItems: scrutinyChecklist(JSON.parse(t.scrutinyItems) as ScrutinyItem[]),
        })),
    };
    this.cache = data;
    return data;
  }

  /** The rule parameters table with every dated version, by key. */
  ruleParameters(): RuleParameter[] {
    return this.db
      .select({
        id: ruleParameters.id,
        key: ruleParameters.key,
        scope: ruleParameters.scope,
        value: ruleParameters.value,
        effectiveFrom: ruleParameters.effectiveFrom,
        legalReference: ruleParameters.legalReference,
        note: ruleParameters.note,
      })
      .from(ruleParameters)
      .where(isNull(ruleParameters.deletedAt))
      .orderBy(
        asc(ruleParameters.key),
        asc(ruleParameters.scope),
        asc(ruleParameters.effectiveFrom),
      )
      .all();
  }

  /**
   * The value of a rule parameter in force on `onDate`: the latest version effective by
   * then, for `scope` (e.g. a society type code) if one exists, else the general one.
   * Rules are data (domain.md §3); code never hard-wires their values.
   */
  rule(key: string, onDate: string, scope = ''): string {
    const versions = this.ruleParameters().filter(
      (p) => p.key === key && p.effectiveFrom <= onDate,
    );
    const pick = (s: string) => versions.filter((p) => p.scope === s).at(-1);
    const found = (scope ? pick(scope) : undefined) ?? pick('');
    if (!found) throw new Error(`No rule parameter ${key} is in force on ${onDate}.`);
    return found.value;
  }

  /** Does `officeId` cover `districtId` wholly, or the given village of it? */
  officeCovers(
    officeId: string,
    districtId: string,
    villageId: string | null,
  ): 'yes' | 'partly' | 'no' {
    const office = this.get().offices.find((o) => o.id === officeId);
    if (!office) return 'no';
    if (office.districtIds.includes(districtId)) return 'yes';
    const villageIdsInDistrict = new Set(
      this.get()
        .villages.filter((v) => v.districtId === districtId)
        .map((v) => v.id),
    );
    const covered = office.villageIds.filter((id) => villageIdsInDistrict.has(id));
    if (covered.length === 0) return 'no';
    if (villageId && covered.includes(villageId)) return 'yes';
    return 'partly';
  }
}
